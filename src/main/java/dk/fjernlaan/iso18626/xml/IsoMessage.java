package dk.fjernlaan.iso18626.xml;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One ISO 18626 message (the content of {@code ISO18626Message}), with the parts of the standard that Fjernlån
 * reads and writes. Dates that the standard gives as date-times and Fjernlån keeps as dates are dates here.
 */
public sealed interface IsoMessage {

    /** The element name under {@code ISO18626Message}. */
    String type();

    /** A request for an item. */
    record Request(Header header, String supplierUniqueRecordId, String title, String author, List<RecordId> recordIds,
                   String requestType, String serviceType, LocalDate needBeforeDate, String note,
                   String deliveryAddress, String patronId) implements IsoMessage {
        public Request {
            recordIds = recordIds == null ? List.of() : List.copyOf(recordIds);
        }

        @Override
        public String type() {
            return "request";
        }
    }

    /** A record id with the scheme that says what kind it is (FAUST, ISBN, ...). */
    record RecordId(String code, String identifier) {}

    /** A message from the supplying agency: what it does with the request. */
    record SupplyingAgencyMessage(Header header, String reasonForMessage, String answerYesNo, String note,
                                  String reasonUnfilled, String reasonRetry, String status, LocalDate expectedDeliveryDate,
                                  LocalDate dueDate, OffsetDateTime lastChange, OffsetDateTime dateSent, String itemId,
                                  String sentVia) implements IsoMessage {
        @Override
        public String type() {
            return "supplyingAgencyMessage";
        }
    }

    /** A message from the requesting agency: what it does with the item or the request. */
    record RequestingAgencyMessage(Header header, String action, String note) implements IsoMessage {
        @Override
        public String type() {
            return "requestingAgencyMessage";
        }
    }

    /**
     * The answer to one of the three: OK, or ERROR with what was wrong. {@code reasonForMessage} and {@code action}
     * echo the message confirmed.
     */
    record Confirmation(String type, AgencyId supplyingAgencyId, AgencyId requestingAgencyId, OffsetDateTime timestamp,
                        String requestingAgencyRequestId, OffsetDateTime timestampReceived, String messageStatus,
                        String errorType, String errorValue, String reasonForMessage, String action) implements IsoMessage {

        public static final String OK = "OK";
        public static final String ERROR = "ERROR";

        public boolean ok() {
            return OK.equals(messageStatus);
        }
    }

    /** The confirmation type that answers a message type. */
    static String confirmationOf(String type) {
        return type + "Confirmation";
    }
}

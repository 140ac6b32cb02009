package dk.fjernlaan.iso18626.xml;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dk.fjernlaan.iso18626.xml.IsoMessage.Confirmation;
import dk.fjernlaan.iso18626.xml.IsoMessage.RecordId;
import dk.fjernlaan.iso18626.xml.IsoMessage.Request;
import dk.fjernlaan.iso18626.xml.IsoMessage.RequestingAgencyMessage;
import dk.fjernlaan.iso18626.xml.IsoMessage.SupplyingAgencyMessage;
import dk.fjernlaan.platform.xml.SecureXml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

/**
 * Reads one {@code ISO18626Message} of version 1.2 or 2021, with any namespace prefix. Strict about what the
 * standard closes (the message types, status, action, reasonForMessage, dates, required elements), tolerant of
 * what it leaves open (reasons, record id codes) and of elements Fjernlån does not use. DTDs and external entities
 * are refused.
 */
public final class IsoReader {

    public static final String NAMESPACE = "http://illtransactions.org/2013/iso18626";

    /** The status values of both versions. */
    public static final Set<String> STATUSES = Set.of("RequestReceived", "ExpectToSupply", "WillSupply", "Loaned", "Overdue",
        "Recalled", "RetryPossible", "Unfilled", "CopyCompleted", "LoanCompleted", "CompletedWithoutReturn", "Cancelled",
        "HoldReturn", "ReleaseHoldReturn");
    public static final Set<String> ACTIONS = Set.of("StatusRequest", "Received", "Cancel", "Renew", "ShippedReturn",
        "ShippedForward", "Notification", "HoldReturn", "Lost");
    public static final Set<String> REASONS_FOR_MESSAGE = Set.of("RequestResponse", "StatusRequestResponse", "RenewResponse",
        "CancelResponse", "StatusChange", "Notification");
    private static final Set<String> MESSAGE_TYPES = Set.of("request", "requestConfirmation", "supplyingAgencyMessage",
        "supplyingAgencyMessageConfirmation", "requestingAgencyMessage", "requestingAgencyMessageConfirmation");

    /** The longest text Fjernlån takes in one element. */
    public static final int MAX_TEXT = 4000;
    /** The longest id (request ids, agency values, item ids). */
    public static final int MAX_ID = 100;

    private final ZoneId zone;

    public IsoReader(ZoneId zone) {
        this.zone = zone;
    }

    /** The message could not be read as an ISO 18626 message at all (answered 400). */
    public static final class BadlyFormed extends RuntimeException {
        private final String guessedType;

        BadlyFormed(String detail, String guessedType) {
            super(detail);
            this.guessedType = guessedType;
        }

        /** The message type the text seems to be, so that the answer can be its confirmation. */
        public String guessedType() {
            return guessedType;
        }
    }

    /**
     * The message is an ISO 18626 message that Fjernlån cannot take as it is: answered with an ERROR confirmation
     * that names the message's type and header, as far as they could be read.
     */
    public static final class Invalid extends RuntimeException {
        private final String type;
        private final String errorType;
        private final Header header;

        Invalid(String type, Header header, String errorType, String errorValue) {
            super(errorValue);
            this.type = type;
            this.errorType = errorType;
            this.header = header;
        }

        public String type() {
            return type;
        }

        public String errorType() {
            return errorType;
        }

        public String errorValue() {
            return getMessage();
        }

        public Header header() {
            return header;
        }
    }

    public IsoMessage read(byte[] xml) {
        Element root = parse(xml).getDocumentElement();
        if (!NAMESPACE.equals(root.getNamespaceURI()) || !"ISO18626Message".equals(root.getLocalName())) {
            throw new BadlyFormed("The root element is not ISO18626Message in the namespace " + NAMESPACE, guess(xml));
        }
        List<Element> content = MessageReading.elements(root);
        if (content.size() != 1 || !MESSAGE_TYPES.contains(content.get(0).getLocalName())) {
            throw new BadlyFormed("ISO18626Message holds exactly one of " + MESSAGE_TYPES, guess(xml));
        }
        Element message = content.get(0);
        String type = message.getLocalName();
        MessageReading reading = new MessageReading(type, zone);
        String version = MessageReading.attribute(root, "version");
        if (version == null || !(version.startsWith("1.") || version.startsWith("2021"))) {
            reading.header = headerOrNull(reading, message);
            throw reading.invalid("UnrecognisedDataValue", "version: " + version + " (1.2 and 2021 are supported)");
        }
        return switch (type) {
            case "request" -> request(reading, message);
            case "supplyingAgencyMessage" -> supplyingAgencyMessage(reading, message);
            case "requestingAgencyMessage" -> requestingAgencyMessage(reading, message);
            default -> confirmation(reading, message);
        };
    }

    /** The version attribute as written: {@code 1.2} or {@code 2021-2}. */
    public static String versionOf(byte[] xml) {
        try {
            return MessageReading.attribute(parse(xml).getDocumentElement(), "version");
        } catch (BadlyFormed e) {
            return null;
        }
    }

    // the messages --------------------------------------------------------------------------------

    private Request request(MessageReading r, Element message) {
        r.header = header(r, message, false);
        Element bib = r.required(message, "bibliographicInfo");
        List<RecordId> ids = new ArrayList<>();
        for (Element id : MessageReading.children(bib, "bibliographicRecordId")) {
            String code = r.text(id, "bibliographicRecordIdentifierCode", MAX_ID);
            String value = r.text(id, "bibliographicRecordIdentifier", MAX_ID);
            if (value != null) {
                ids.add(new RecordId(code, value));
            }
        }
        Element service = MessageReading.child(message, "serviceInfo");
        String serviceType = service == null ? null : r.requiredText(service, "serviceType", MAX_ID);
        if (serviceType != null && !Set.of("Copy", "Loan", "CopyOrLoan").contains(serviceType)) {
            throw r.invalid("UnrecognisedDataValue", "serviceType: " + serviceType);
        }
        String requestType = service == null ? null : r.text(service, "requestType", MAX_ID);
        if (requestType != null && !Set.of("New", "Retry", "Reminder").contains(requestType)) {
            throw r.invalid("UnrecognisedDataValue", "requestType: " + requestType);
        }
        LocalDate needBefore = service == null ? null : r.date(service, "needBeforeDate");
        String note = service == null ? null : r.text(service, "note", MAX_TEXT);
        Element delivery = MessageReading.child(message, "requestedDeliveryInfo");
        Element address = delivery == null ? null : MessageReading.child(delivery, "address");
        String deliveryAddress = address == null ? null : r.limited("requestedDeliveryInfo/address",
            address.getTextContent().trim().replaceAll("\\s+", " "), MAX_TEXT);
        Element patron = MessageReading.child(message, "patronInfo");
        String patronId = patron == null ? null : r.text(patron, "patronId", MAX_ID);
        return new Request(r.header, r.text(bib, "supplierUniqueRecordId", MAX_ID), r.text(bib, "title", MAX_TEXT),
            r.text(bib, "author", MAX_TEXT), ids, requestType, serviceType, needBefore, note,
            deliveryAddress == null || deliveryAddress.isEmpty() ? null : deliveryAddress, patronId);
    }

    private SupplyingAgencyMessage supplyingAgencyMessage(MessageReading r, Element message) {
        r.header = header(r, message, true);
        Element info = r.required(message, "messageInfo");
        String reason = r.requiredText(info, "reasonForMessage", MAX_ID);
        if (!REASONS_FOR_MESSAGE.contains(reason)) {
            throw r.invalid("UnsupportedReasonForMessageType", reason);
        }
        String yesNo = r.text(info, "answerYesNo", MAX_ID);
        if (yesNo != null && !Set.of("Y", "N").contains(yesNo)) {
            throw r.invalid("UnrecognisedDataValue", "answerYesNo: " + yesNo);
        }
        Element status = r.required(message, "statusInfo");
        String value = r.requiredText(status, "status", MAX_ID);
        if (!STATUSES.contains(value)) {
            throw r.invalid("UnrecognisedDataValue", "status: " + value);
        }
        Element delivery = MessageReading.child(message, "deliveryInfo");
        return new SupplyingAgencyMessage(r.header, reason, yesNo, r.text(info, "note", MAX_TEXT), r.text(info, "reasonUnfilled", MAX_ID),
            r.text(info, "reasonRetry", MAX_ID), value, r.date(status, "expectedDeliveryDate"), r.date(status, "dueDate"),
            r.dateTime(status, "lastChange"), delivery == null ? null : r.dateTime(delivery, "dateSent"),
            delivery == null ? null : r.text(delivery, "itemId", MAX_ID),
            delivery == null ? null : firstNonNull(r.text(delivery, "sentVia", MAX_ID), r.text(delivery, "deliveryMethod", MAX_ID)));
    }

    private RequestingAgencyMessage requestingAgencyMessage(MessageReading r, Element message) {
        r.header = header(r, message, true);
        String action = r.requiredText(message, "action", MAX_ID);
        if (!ACTIONS.contains(action)) {
            throw r.invalid("UnsupportedActionType", action);
        }
        return new RequestingAgencyMessage(r.header, action, r.text(message, "note", MAX_TEXT));
    }

    private Confirmation confirmation(MessageReading r, Element message) {
        Element header = r.required(message, "confirmationHeader");
        String status = r.requiredText(header, "messageStatus", MAX_ID);
        if (!Set.of(Confirmation.OK, Confirmation.ERROR).contains(status)) {
            throw r.invalid("UnrecognisedDataValue", "messageStatus: " + status);
        }
        Element error = MessageReading.child(message, "errorData");
        return new Confirmation(r.type, agency(r, header, "supplyingAgencyId"), agency(r, header, "requestingAgencyId"),
            r.dateTime(header, "timestamp"), r.text(header, "requestingAgencyRequestId", MAX_ID), r.dateTime(header, "timestampReceived"),
            status, error == null ? null : r.text(error, "errorType", MAX_ID), error == null ? null : r.text(error, "errorValue", MAX_TEXT),
            r.text(message, "reasonForMessage", MAX_ID), r.text(message, "action", MAX_ID));
    }

    private Header header(MessageReading r, Element message, boolean supplierRequired) {
        Element header = r.required(message, "header");
        AgencyId supplying = agency(r, header, "supplyingAgencyId");
        if (supplying == null && supplierRequired) {
            throw r.invalid("BadlyFormedMessage", "header/supplyingAgencyId is missing");
        }
        AgencyId requesting = agency(r, header, "requestingAgencyId");
        if (requesting == null) {
            throw r.invalid("BadlyFormedMessage", "header/requestingAgencyId is missing");
        }
        Element auth = MessageReading.child(header, "requestingAgencyAuthentication");
        Header read = new Header(supplying, requesting, r.text(header, "multipleItemRequestId", MAX_ID),
            r.dateTime(header, "timestamp"), r.requiredText(header, "requestingAgencyRequestId", MAX_ID),
            r.text(header, "supplyingAgencyRequestId", MAX_ID),
            auth == null ? null : r.text(auth, "accountId", MAX_ID), auth == null ? null : r.text(auth, "securityCode", MAX_ID));
        if (read.timestamp() == null) {
            throw r.invalid("BadlyFormedMessage", "header/timestamp is missing");
        }
        return read;
    }

    /** The header as far as it can be read, for the confirmation of a message that is refused. */
    private Header headerOrNull(MessageReading r, Element message) {
        try {
            return header(r, message, false);
        } catch (Invalid e) {
            return null;
        }
    }

    private AgencyId agency(MessageReading r, Element parent, String name) {
        Element agency = MessageReading.child(parent, name);
        if (agency == null) {
            return null;
        }
        String type = r.text(agency, "agencyIdType", MAX_ID);
        String value = r.text(agency, "agencyIdValue", MAX_ID);
        if (type == null || value == null) {
            throw r.invalid("BadlyFormedMessage", name + " needs agencyIdType and agencyIdValue");
        }
        return new AgencyId(type, value);
    }

    private static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }

    /** The message type a text that cannot be parsed seems to be. */
    private static String guess(byte[] xml) {
        String text = new String(xml, 0, Math.min(xml.length, 4096), java.nio.charset.StandardCharsets.UTF_8);
        for (String type : List.of("supplyingAgencyMessage", "requestingAgencyMessage", "request")) {
            if (text.contains(type)) {
                return type;
            }
        }
        return "request";
    }

    private static Document parse(byte[] xml) {
        try {
            return SecureXml.parse(xml);
        } catch (SAXException | IOException e) {
            throw new BadlyFormed("Not well-formed XML: " + e.getMessage(), guess(xml));
        }
    }
}

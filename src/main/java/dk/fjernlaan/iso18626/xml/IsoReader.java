package dk.fjernlaan.iso18626.xml;

import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
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
import org.w3c.dom.Node;
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
        List<Element> content = elements(root);
        if (content.size() != 1 || !MESSAGE_TYPES.contains(content.get(0).getLocalName())) {
            throw new BadlyFormed("ISO18626Message holds exactly one of " + MESSAGE_TYPES, guess(xml));
        }
        Element message = content.get(0);
        String type = message.getLocalName();
        Reading reading = new Reading(type);
        String version = attribute(root, "version");
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
            return attribute(parse(xml).getDocumentElement(), "version");
        } catch (BadlyFormed e) {
            return null;
        }
    }

    // the messages --------------------------------------------------------------------------------

    private Request request(Reading r, Element message) {
        r.header = header(r, message, false);
        Element bib = r.required(message, "bibliographicInfo");
        List<RecordId> ids = new ArrayList<>();
        for (Element id : children(bib, "bibliographicRecordId")) {
            String code = r.text(id, "bibliographicRecordIdentifierCode", MAX_ID);
            String value = r.text(id, "bibliographicRecordIdentifier", MAX_ID);
            if (value != null) {
                ids.add(new RecordId(code, value));
            }
        }
        Element service = child(message, "serviceInfo");
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
        Element delivery = child(message, "requestedDeliveryInfo");
        Element address = delivery == null ? null : child(delivery, "address");
        String deliveryAddress = address == null ? null : r.limited("requestedDeliveryInfo/address",
            address.getTextContent().trim().replaceAll("\\s+", " "), MAX_TEXT);
        Element patron = child(message, "patronInfo");
        String patronId = patron == null ? null : r.text(patron, "patronId", MAX_ID);
        return new Request(r.header, r.text(bib, "supplierUniqueRecordId", MAX_ID), r.text(bib, "title", MAX_TEXT),
            r.text(bib, "author", MAX_TEXT), ids, requestType, serviceType, needBefore, note,
            deliveryAddress == null || deliveryAddress.isEmpty() ? null : deliveryAddress, patronId);
    }

    private SupplyingAgencyMessage supplyingAgencyMessage(Reading r, Element message) {
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
        Element delivery = child(message, "deliveryInfo");
        return new SupplyingAgencyMessage(r.header, reason, yesNo, r.text(info, "note", MAX_TEXT), r.text(info, "reasonUnfilled", MAX_ID),
            r.text(info, "reasonRetry", MAX_ID), value, r.date(status, "expectedDeliveryDate"), r.date(status, "dueDate"),
            r.dateTime(status, "lastChange"), delivery == null ? null : r.dateTime(delivery, "dateSent"),
            delivery == null ? null : r.text(delivery, "itemId", MAX_ID),
            delivery == null ? null : firstNonNull(r.text(delivery, "sentVia", MAX_ID), r.text(delivery, "deliveryMethod", MAX_ID)));
    }

    private RequestingAgencyMessage requestingAgencyMessage(Reading r, Element message) {
        r.header = header(r, message, true);
        String action = r.requiredText(message, "action", MAX_ID);
        if (!ACTIONS.contains(action)) {
            throw r.invalid("UnsupportedActionType", action);
        }
        return new RequestingAgencyMessage(r.header, action, r.text(message, "note", MAX_TEXT));
    }

    private Confirmation confirmation(Reading r, Element message) {
        Element header = r.required(message, "confirmationHeader");
        String status = r.requiredText(header, "messageStatus", MAX_ID);
        if (!Set.of(Confirmation.OK, Confirmation.ERROR).contains(status)) {
            throw r.invalid("UnrecognisedDataValue", "messageStatus: " + status);
        }
        Element error = child(message, "errorData");
        return new Confirmation(r.type, agency(r, header, "supplyingAgencyId"), agency(r, header, "requestingAgencyId"),
            r.dateTime(header, "timestamp"), r.text(header, "requestingAgencyRequestId", MAX_ID), r.dateTime(header, "timestampReceived"),
            status, error == null ? null : r.text(error, "errorType", MAX_ID), error == null ? null : r.text(error, "errorValue", MAX_TEXT),
            r.text(message, "reasonForMessage", MAX_ID), r.text(message, "action", MAX_ID));
    }

    private Header header(Reading r, Element message, boolean supplierRequired) {
        Element header = r.required(message, "header");
        AgencyId supplying = agency(r, header, "supplyingAgencyId");
        if (supplying == null && supplierRequired) {
            throw r.invalid("BadlyFormedMessage", "header/supplyingAgencyId is missing");
        }
        AgencyId requesting = agency(r, header, "requestingAgencyId");
        if (requesting == null) {
            throw r.invalid("BadlyFormedMessage", "header/requestingAgencyId is missing");
        }
        Element auth = child(header, "requestingAgencyAuthentication");
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
    private Header headerOrNull(Reading r, Element message) {
        try {
            return header(r, message, false);
        } catch (Invalid e) {
            return null;
        }
    }

    private AgencyId agency(Reading r, Element parent, String name) {
        Element agency = child(parent, name);
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

    // reading values ------------------------------------------------------------------------------

    /** One message being read: its type and, once read, its header, for the refusal's confirmation. */
    private final class Reading {
        private final String type;
        private Header header;

        Reading(String type) {
            this.type = type;
        }

        Invalid invalid(String errorType, String errorValue) {
            return new Invalid(type, header, errorType, errorValue);
        }

        Element required(Element parent, String name) {
            Element found = child(parent, name);
            if (found == null) {
                throw invalid("BadlyFormedMessage", parent.getLocalName() + "/" + name + " is missing");
            }
            return found;
        }

        String requiredText(Element parent, String name, int max) {
            String value = text(parent, name, max);
            if (value == null) {
                throw invalid("BadlyFormedMessage", parent.getLocalName() + "/" + name + " is missing");
            }
            return value;
        }

        String text(Element parent, String name, int max) {
            Element found = child(parent, name);
            if (found == null) {
                return null;
            }
            if (!elements(found).isEmpty()) {
                throw invalid("UnrecognisedDataValue", name + " holds elements where a value belongs");
            }
            String value = found.getTextContent().trim();
            return value.isEmpty() ? null : limited(name, value, max);
        }

        String limited(String name, String value, int max) {
            if (value.length() > max) {
                throw invalid("UnrecognisedDataValue", name + " is longer than " + max + " characters");
            }
            return value;
        }

        OffsetDateTime dateTime(Element parent, String name) {
            String value = text(parent, name, MAX_ID);
            if (value == null) {
                return null;
            }
            try {
                return OffsetDateTime.parse(value);
            } catch (DateTimeParseException notWithOffset) {
                try {
                    return LocalDateTime.parse(value).atZone(zone).toOffsetDateTime();
                } catch (DateTimeParseException notLocal) {
                    try {
                        return LocalDate.parse(value).atStartOfDay(zone).toOffsetDateTime();
                    } catch (DateTimeParseException e) {
                        throw invalid("UnrecognisedDataValue", name + ": " + value + " is not a date-time");
                    }
                }
            }
        }

        LocalDate date(Element parent, String name) {
            OffsetDateTime value = dateTime(parent, name);
            if (value == null) {
                return null;
            }
            LocalDate date = value.atZoneSameInstant(zone).toLocalDate();
            if (date.getYear() < 1900 || date.getYear() > 2199) {
                throw invalid("UnrecognisedDataValue", name + ": " + date + " is out of range");
            }
            return date;
        }
    }

    private static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }

    private static String attribute(Element element, String name) {
        String plain = element.getAttribute(name);
        if (!plain.isEmpty()) {
            return plain;
        }
        String qualified = element.getAttributeNS(NAMESPACE, name);
        return qualified.isEmpty() ? null : qualified;
    }

    private static Element child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getLocalName()) && NAMESPACE.equals(e.getNamespaceURI())) {
                return e;
            }
        }
        return null;
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Element e : elements(parent)) {
            if (name.equals(e.getLocalName()) && NAMESPACE.equals(e.getNamespaceURI())) {
                found.add(e);
            }
        }
        return found;
    }

    private static List<Element> elements(Element parent) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                found.add(e);
            }
        }
        return found;
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

package dk.fjernlaan.iso18626.xml;

import java.io.StringWriter;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import dk.fjernlaan.iso18626.xml.IsoMessage.Confirmation;
import dk.fjernlaan.iso18626.xml.IsoMessage.RecordId;
import dk.fjernlaan.iso18626.xml.IsoMessage.Request;
import dk.fjernlaan.iso18626.xml.IsoMessage.RequestingAgencyMessage;
import dk.fjernlaan.iso18626.xml.IsoMessage.SupplyingAgencyMessage;

/**
 * Writes one {@code ISO18626Message} in the elements' order of the standard, for a peer that speaks version 1.2
 * ({@code 1.2}) or 2021 ({@code 2021-2}). Strict in what it sends: only the closed lists' values, every required
 * element. A date is sent as noon Danish time, so that it reads as the same day in any time zone.
 */
public final class IsoWriter {

    private static final String PREFIX = "ill";
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private final ZoneId zone;

    public IsoWriter(ZoneId zone) {
        this.zone = zone;
    }

    /** The version attribute for a peer's version ({@code 1.2} or {@code 2021}). */
    public static String versionAttribute(String peerVersion) {
        return "2021".equals(peerVersion) ? "2021-2" : "1.2";
    }

    public String write(IsoMessage message, String peerVersion) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = FACTORY.createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.setPrefix(PREFIX, IsoReader.NAMESPACE);
            xml.writeStartElement(PREFIX, "ISO18626Message", IsoReader.NAMESPACE);
            xml.writeNamespace(PREFIX, IsoReader.NAMESPACE);
            xml.writeAttribute(PREFIX, IsoReader.NAMESPACE, "version", versionAttribute(peerVersion));
            Out w = new Out(xml);
            if (message instanceof Request r) {
                request(w, r, peerVersion);
            } else if (message instanceof SupplyingAgencyMessage m) {
                supplyingAgencyMessage(w, m);
            } else if (message instanceof RequestingAgencyMessage m) {
                requestingAgencyMessage(w, m);
            } else {
                confirmation(w, (Confirmation) message);
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Could not write " + message.type(), e);
        }
        return out.toString();
    }

    private void request(Out w, Request r, String peerVersion) throws XMLStreamException {
        w.start("request");
        header(w, r.header(), !"2021".equals(peerVersion) || r.header().supplyingAgencyId() != null);
        w.start("bibliographicInfo");
        w.element("supplierUniqueRecordId", r.supplierUniqueRecordId());
        w.element("title", r.title());
        w.element("author", r.author());
        for (RecordId id : r.recordIds()) {
            w.start("bibliographicRecordId");
            w.element("bibliographicRecordIdentifierCode", id.code());
            w.element("bibliographicRecordIdentifier", id.identifier());
            w.end();
        }
        w.end();
        w.start("serviceInfo");
        w.element("requestType", r.requestType());
        w.element("serviceType", r.serviceType() == null ? "Loan" : r.serviceType());
        w.element("needBeforeDate", date(r.needBeforeDate()));
        w.element("note", r.note());
        w.end();
        if (r.deliveryAddress() != null) {
            w.start("requestedDeliveryInfo");
            w.start("address");
            w.start("physicalAddress");
            w.element("line1", r.deliveryAddress());
            w.end();
            w.end();
            w.end();
        }
        w.end();
    }

    private void supplyingAgencyMessage(Out w, SupplyingAgencyMessage m) throws XMLStreamException {
        w.start("supplyingAgencyMessage");
        header(w, m.header(), true);
        w.start("messageInfo");
        w.element("reasonForMessage", m.reasonForMessage());
        w.element("answerYesNo", m.answerYesNo());
        w.element("note", m.note());
        w.element("reasonUnfilled", m.reasonUnfilled());
        w.element("reasonRetry", m.reasonRetry());
        w.end();
        w.start("statusInfo");
        w.element("status", m.status());
        w.element("expectedDeliveryDate", date(m.expectedDeliveryDate()));
        w.element("dueDate", date(m.dueDate()));
        w.element("lastChange", dateTime(m.lastChange()));
        w.end();
        if (m.dateSent() != null) {
            w.start("deliveryInfo");
            w.element("dateSent", dateTime(m.dateSent()));
            w.element("itemId", m.itemId());
            w.end();
        }
        w.end();
    }

    private void requestingAgencyMessage(Out w, RequestingAgencyMessage m) throws XMLStreamException {
        w.start("requestingAgencyMessage");
        header(w, m.header(), true);
        w.element("action", m.action());
        w.element("note", m.note());
        w.end();
    }

    private void confirmation(Out w, Confirmation c) throws XMLStreamException {
        w.start(c.type());
        w.start("confirmationHeader");
        agency(w, "supplyingAgencyId", c.supplyingAgencyId());
        agency(w, "requestingAgencyId", c.requestingAgencyId());
        w.element("timestamp", dateTime(c.timestamp()));
        w.element("requestingAgencyRequestId", c.requestingAgencyRequestId());
        w.element("timestampReceived", dateTime(c.timestampReceived()));
        w.element("messageStatus", c.messageStatus());
        w.end();
        w.element("reasonForMessage", c.reasonForMessage());
        w.element("action", c.action());
        if (c.errorType() != null) {
            w.start("errorData");
            w.element("errorType", c.errorType());
            w.element("errorValue", c.errorValue());
            w.end();
        }
        w.end();
    }

    private void header(Out w, Header h, boolean withSupplier) throws XMLStreamException {
        w.start("header");
        if (withSupplier) {
            agency(w, "supplyingAgencyId", h.supplyingAgencyId());
        }
        agency(w, "requestingAgencyId", h.requestingAgencyId());
        w.element("multipleItemRequestId", h.multipleItemRequestId() == null ? "" : h.multipleItemRequestId());
        w.element("timestamp", dateTime(h.timestamp()));
        w.element("requestingAgencyRequestId", h.requestingAgencyRequestId());
        w.element("supplyingAgencyRequestId", h.supplyingAgencyRequestId());
        if (h.accountId() != null || h.securityCode() != null) {
            w.start("requestingAgencyAuthentication");
            w.element("accountId", h.accountId());
            w.element("securityCode", h.securityCode());
            w.end();
        }
        w.end();
    }

    private static void agency(Out w, String name, AgencyId agency) throws XMLStreamException {
        if (agency != null) {
            w.start(name);
            w.element("agencyIdType", agency.type());
            w.element("agencyIdValue", agency.value());
            w.end();
        }
    }

    private String date(LocalDate date) {
        return date == null ? null : dateTime(date.atTime(LocalTime.NOON).atZone(zone).toOffsetDateTime());
    }

    private static String dateTime(OffsetDateTime time) {
        return time == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time.truncatedTo(ChronoUnit.SECONDS));
    }

    /** The stream writer with the namespace prefix; an element whose value is null is left out. */
    private record Out(XMLStreamWriter xml) {
        void start(String name) throws XMLStreamException {
            xml.writeStartElement(PREFIX, name, IsoReader.NAMESPACE);
        }

        void end() throws XMLStreamException {
            xml.writeEndElement();
        }

        void element(String name, String value) throws XMLStreamException {
            if (value != null) {
                start(name);
                xml.writeCharacters(value);
                end();
            }
        }
    }
}

package dk.fjernlaan.iso18626.xml;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import dk.fjernlaan.iso18626.xml.IsoReader.Invalid;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * One message being read: its type and, once read, its header (for the confirmation of a refusal); the values of
 * its elements, checked as the standard types them (lengths, date-times, elements where a value belongs).
 */
final class MessageReading {

    final String type;
    Header header;
    private final ZoneId zone;

    MessageReading(String type, ZoneId zone) {
        this.type = type;
        this.zone = zone;
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
        String value = text(parent, name, IsoReader.MAX_ID);
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

    // the elements of the namespace -----------------------------------------------------------------

    static String attribute(Element element, String name) {
        String plain = element.getAttribute(name);
        if (!plain.isEmpty()) {
            return plain;
        }
        String qualified = element.getAttributeNS(IsoReader.NAMESPACE, name);
        return qualified.isEmpty() ? null : qualified;
    }

    static Element child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getLocalName()) && IsoReader.NAMESPACE.equals(e.getNamespaceURI())) {
                return e;
            }
        }
        return null;
    }

    static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Element e : elements(parent)) {
            if (name.equals(e.getLocalName()) && IsoReader.NAMESPACE.equals(e.getNamespaceURI())) {
                found.add(e);
            }
        }
        return found;
    }

    static List<Element> elements(Element parent) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                found.add(e);
            }
        }
        return found;
    }
}

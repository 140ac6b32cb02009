package dk.fjernlaan.catalogue;

import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import dk.fjernlaan.platform.xml.SecureXml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Reads a library system's ISO 20775 {@code holdings} answer (namespace {@code info:ofi/fmt:xml:xsd:iso20775}) into
 * items: per holding its branch, per piece its item id and availability (structured form), or per summary its
 * copies (summary form). One {@code holdings} element per record, with the record's pid as its {@code resource};
 * several may come in one answer. DTDs are refused.
 */
final class Iso20775Reader {

    static final String NAMESPACE = "info:ofi/fmt:xml:xsd:iso20775";

    /** The answer is not an ISO 20775 holdings document. */
    static final class Garbage extends Exception {
        Garbage(String why) {
            super(why);
        }
    }

    private final ZoneId zone;

    Iso20775Reader(ZoneId zone) {
        this.zone = zone;
    }

    /** The items of the asked pids at the asked branches; a holdings element that names no pid is the first pid's. */
    List<HoldingItem> read(byte[] body, List<String> pids) throws Garbage {
        Document document = parse(body);
        List<Element> all = new ArrayList<>();
        Element root = document.getDocumentElement();
        if (is(root, "holdings")) {
            all.add(root);
        }
        NodeList nested = root.getElementsByTagNameNS(NAMESPACE, "holdings");
        for (int i = 0; i < nested.getLength(); i++) {
            all.add((Element) nested.item(i));
        }
        if (all.isEmpty()) {
            throw new Garbage("no holdings element in " + NAMESPACE);
        }
        List<HoldingItem> items = new ArrayList<>();
        for (Element holdings : all) {
            String pid = pid(holdings, pids);
            if (pid == null) {
                continue;
            }
            for (Element holding : children(holdings, "holding")) {
                String branch = text(first(holding, "institutionIdentifier"), "value");
                if (branch == null) {
                    throw new Garbage("a holding without institutionIdentifier/value");
                }
                items.addAll(structured(holding, pid, branch));
                items.addAll(summary(holding, pid, branch));
            }
        }
        return items;
    }

    private static String pid(Element holdings, List<String> pids) {
        for (Element resource : children(holdings, "resource")) {
            String id = text(first(resource, "resourceIdentifier"), "value");
            if (id != null) {
                return pids.contains(id) ? id : null;
            }
        }
        return pids.isEmpty() ? null : pids.get(0);
    }

    private List<HoldingItem> structured(Element holding, String pid, String branch) throws Garbage {
        List<HoldingItem> items = new ArrayList<>();
        Element structured = first(holding, "holdingStructured");
        if (structured == null) {
            return items;
        }
        NodeList components = structured.getElementsByTagNameNS(NAMESPACE, "component");
        for (int i = 0; i < components.getLength(); i++) {
            Element component = (Element) components.item(i);
            String itemId = text(first(component, "pieceIdentifier"), "value");
            Element availability = first(component, "availabilityInformation");
            Element status = first(availability, "status");
            if (status == null) {
                throw new Garbage("a component without availabilityInformation/status");
            }
            items.add(item(pid, branch, itemId == null ? branch + "-" + i : itemId, text(status, "availabilityStatus"),
                text(status, "availableFor"), text(status, "dateTimeAvailable"), queue(text(availability, "reservationQueue"))));
        }
        return items;
    }

    private List<HoldingItem> summary(Element holding, String pid, String branch) throws Garbage {
        List<HoldingItem> items = new ArrayList<>();
        Element summary = first(first(holding, "holdingSimple"), "copiesSummary");
        if (summary == null) {
            return items;
        }
        int n = 0;
        Integer queue = queue(text(summary, "reservationQueueLength"));
        for (Element status : children(summary, "status")) {
            int available = number(text(status, "availableCount"));
            String date = text(status, "earliestDispatchDate");
            for (int i = 0; i < Math.max(available, 0); i++) {
                items.add(item(pid, branch, branch + "-copy-" + n++, "1", text(status, "availableFor"), null, queue));
            }
            if (available == 0 && date != null) {
                items.add(item(pid, branch, branch + "-copy-" + n++, "2", text(status, "availableFor"), date, queue));
            }
        }
        return items;
    }

    private HoldingItem item(String pid, String branch, String itemId, String availability, String availableFor, String when,
                             Integer queue) throws Garbage {
        boolean forLoan = availableFor == null || "1".equals(availableFor);
        LocalDate date = when == null ? null : date(when);
        ItemStatus status = switch (availability == null ? "0" : availability) {
            case "1" -> ItemStatus.OnShelf;
            case "2" -> date == null ? ItemStatus.Unknown : ItemStatus.OnLoan;
            case "0", "3" -> ItemStatus.Unknown;
            default -> throw new Garbage("availabilityStatus " + availability);
        };
        if (!forLoan) {
            status = ItemStatus.NotForLoan;
        }
        return new HoldingItem(pid, branch, itemId, status, status == ItemStatus.OnLoan ? date : null, forLoan, queue);
    }

    private LocalDate date(String text) throws Garbage {
        try {
            return text.length() == 10 ? LocalDate.parse(text) : OffsetDateTime.parse(text).atZoneSameInstant(zone).toLocalDate();
        } catch (DateTimeParseException e) {
            throw new Garbage("not a date: " + text);
        }
    }

    private static Integer queue(String text) throws Garbage {
        if (text == null) {
            return null;
        }
        int length = number(text);
        if (length < 0) {
            throw new Garbage("a negative reservation queue: " + text);
        }
        return length;
    }

    private static int number(String text) throws Garbage {
        try {
            return text == null ? 0 : Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new Garbage("not a count: " + text);
        }
    }

    private static boolean is(Element e, String name) {
        return e != null && NAMESPACE.equals(e.getNamespaceURI()) && name.equals(e.getLocalName());
    }

    private static Element first(Element parent, String name) {
        if (parent == null) {
            return null;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && is(e, name)) {
                return e;
            }
        }
        return null;
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && is(e, name)) {
                found.add(e);
            }
        }
        return found;
    }

    private static String text(Element parent, String name) {
        Element e = first(parent, name);
        if (e == null) {
            return null;
        }
        String value = e.getTextContent().trim();
        return value.isEmpty() ? null : value;
    }

    private static Document parse(byte[] body) throws Garbage {
        try {
            return SecureXml.parse(body);
        } catch (SAXException | IOException e) {
            throw new Garbage("not well-formed XML");
        }
    }
}

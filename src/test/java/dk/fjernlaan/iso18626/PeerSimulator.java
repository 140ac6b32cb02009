package dk.fjernlaan.iso18626;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import javax.xml.parsers.DocumentBuilderFactory;

import com.sun.net.httpserver.HttpServer;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Another ILL system, as its own HTTP server: it keeps every message Fjernlån sends it and answers each with a
 * confirmation as scripted (OK, ERROR, HTTP 500, slow, connection dropped), and it sends its own messages to
 * Fjernlån's endpoint as a supplier or a requester would. It reads and writes the XML by itself (DOM and text),
 * not with Fjernlån's binding.
 */
public final class PeerSimulator implements AutoCloseable {

    public static final String NS = "http://illtransactions.org/2013/iso18626";

    /** How the simulator answers what it receives. */
    public enum Behaviour { OK, ERROR, HTTP_500, SLOW }

    /** One message received: its type, the fields the tests look at, and the XML. */
    public record Received(String type, String requestingAgencyRequestId, String action, String status, String xml, Document document) {
        public String text(String localName) {
            NodeList nodes = document.getElementsByTagNameNS(NS, localName);
            return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent().trim();
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String symbol;
    private volatile Behaviour behaviour = Behaviour.OK;
    private volatile int refusedAttempts;
    private volatile Duration slowness = Duration.ofSeconds(3);

    public PeerSimulator(String symbol) throws IOException {
        this.symbol = symbol;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/iso18626", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            Behaviour now = behaviour;
            if (now == Behaviour.HTTP_500) {
                refusedAttempts++;
                exchange.sendResponseHeaders(500, -1);
                exchange.close();
                return;
            }
            if (now == Behaviour.SLOW) {
                refusedAttempts++;
                sleep(slowness);
                exchange.close();
                return;
            }
            Received message = parse(body);
            received.add(message);
            byte[] answer = confirmation(message, now == Behaviour.ERROR).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/xml");
            exchange.sendResponseHeaders(200, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        server.start();
    }

    public String address() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/iso18626";
    }

    public String symbol() {
        return symbol;
    }

    public void behave(Behaviour behaviour) {
        this.behaviour = behaviour;
    }

    /** How long the simulator takes before it drops a message when it is {@link Behaviour#SLOW}. */
    public void slowness(Duration slowness) {
        this.slowness = slowness;
    }

    /** How many deliveries were refused with HTTP 500 or left unanswered. */
    public int refusedAttempts() {
        return refusedAttempts;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public List<Received> received(String requestId) {
        return received.stream().filter(r -> requestId.equals(r.requestingAgencyRequestId())).toList();
    }

    /** Waits (at most 20 s) until a message the predicate likes has arrived. */
    public Received await(Predicate<Received> wanted) {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < until) {
            for (Received r : received) {
                if (wanted.test(r)) {
                    return r;
                }
            }
            sleep(Duration.ofMillis(50));
        }
        throw new AssertionError("The peer " + symbol + " did not receive the message; it has " + received.stream()
            .map(r -> r.type() + "/" + r.requestingAgencyRequestId() + "/" + r.action()).toList());
    }

    /** Sends a message to Fjernlån's endpoint and answers the HTTP status and body. */
    public HttpResponse<String> send(String endpoint, String xml) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(endpoint)).header("Content-Type", "application/xml")
            .POST(HttpRequest.BodyPublishers.ofString(xml, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
    }

    // the messages it writes -----------------------------------------------------------------------

    /** A supplier's message about Fjernlån's request {@code requestId}. */
    public String supplyingAgencyMessage(String requesterSymbol, String requestId, String accountId, String securityCode,
                                         String reasonForMessage, String status, String extraMessageInfo, LocalDate expected,
                                         LocalDate due, String itemId) {
        return message("1.2", "<supplyingAgencyMessage>" + header(symbol, requesterSymbol, requestId, accountId, securityCode)
            + "<messageInfo><reasonForMessage>" + reasonForMessage + "</reasonForMessage>" + (extraMessageInfo == null ? "" : extraMessageInfo)
            + "</messageInfo><statusInfo><status>" + status + "</status>"
            + (expected == null ? "" : "<expectedDeliveryDate>" + expected + "T12:00:00+01:00</expectedDeliveryDate>")
            + (due == null ? "" : "<dueDate>" + due + "T12:00:00+01:00</dueDate>")
            + "<lastChange>" + OffsetDateTime.now() + "</lastChange></statusInfo>"
            + (itemId == null ? "" : "<deliveryInfo><dateSent>" + OffsetDateTime.now() + "</dateSent><itemId>" + itemId + "</itemId></deliveryInfo>")
            + "</supplyingAgencyMessage>");
    }

    /** A borrowing library's request for a loan of the record {@code pid}, needed before the date. */
    public String request(String brokerSymbol, String requestId, String accountId, String securityCode, String pid, LocalDate needBefore,
                          String deliveryAddress) {
        return message("1.2", "<request>" + header(brokerSymbol, symbol, requestId, accountId, securityCode)
            + "<bibliographicInfo><supplierUniqueRecordId>" + pid + "</supplierUniqueRecordId><title>Testtitel</title></bibliographicInfo>"
            + "<serviceInfo><requestType>New</requestType><serviceType>Loan</serviceType>"
            + (needBefore == null ? "" : "<needBeforeDate>" + needBefore + "T23:59:00+01:00</needBeforeDate>") + "</serviceInfo>"
            + (deliveryAddress == null ? "" : "<requestedDeliveryInfo><address><physicalAddress><line1>" + deliveryAddress
                + "</line1></physicalAddress></address></requestedDeliveryInfo>")
            + "<patronInfo><patronId>L-4711</patronId><surname>Hansen</surname></patronInfo></request>");
    }

    /** A borrowing library's message about its request {@code requestId}. */
    public String requestingAgencyMessage(String brokerSymbol, String requestId, String accountId, String securityCode, String action) {
        return message("1.2", "<requestingAgencyMessage>" + header(brokerSymbol, symbol, requestId, accountId, securityCode)
            + "<action>" + action + "</action></requestingAgencyMessage>");
    }

    public static String header(String supplier, String requester, String requestId, String accountId, String securityCode) {
        return "<header>" + agency("supplyingAgencyId", supplier) + agency("requestingAgencyId", requester)
            + "<multipleItemRequestId></multipleItemRequestId><timestamp>" + OffsetDateTime.now() + "</timestamp>"
            + "<requestingAgencyRequestId>" + requestId + "</requestingAgencyRequestId>"
            + (accountId == null ? "" : "<requestingAgencyAuthentication><accountId>" + accountId + "</accountId><securityCode>"
                + securityCode + "</securityCode></requestingAgencyAuthentication>")
            + "</header>";
    }

    public static String agency(String element, String symbol) {
        int colon = symbol.indexOf(':');
        return "<" + element + "><agencyIdType>" + symbol.substring(0, colon) + "</agencyIdType><agencyIdValue>"
            + symbol.substring(colon + 1) + "</agencyIdValue></" + element + ">";
    }

    public static String message(String version, String content) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ISO18626Message xmlns=\"" + NS + "\" version=\"" + version + "\">"
            + content + "</ISO18626Message>";
    }

    private String confirmation(Received message, boolean error) {
        String type = message.type() + "Confirmation";
        String echo = switch (message.type()) {
            case "supplyingAgencyMessage" -> "<reasonForMessage>" + message.text("reasonForMessage") + "</reasonForMessage>";
            case "requestingAgencyMessage" -> "<action>" + message.action() + "</action>";
            default -> "";
        };
        return "<?xml version=\"1.0\"?><x:ISO18626Message xmlns:x=\"" + NS + "\" x:version=\"1.2\"><x:" + type + "><x:confirmationHeader>"
            + "<x:timestamp>" + OffsetDateTime.now() + "</x:timestamp><x:requestingAgencyRequestId>" + message.requestingAgencyRequestId()
            + "</x:requestingAgencyRequestId><x:timestampReceived>" + OffsetDateTime.now() + "</x:timestampReceived><x:messageStatus>"
            + (error ? "ERROR" : "OK") + "</x:messageStatus></x:confirmationHeader>"
            + echo.replace("<", "<x:").replace("<x:/", "</x:")
            + (error ? "<x:errorData><x:errorType>UnrecognisedDataValue</x:errorType><x:errorValue>scripted refusal</x:errorValue></x:errorData>" : "")
            + "</x:" + type + "></x:ISO18626Message>";
    }

    private static Received parse(byte[] body) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(body));
            Element root = document.getDocumentElement();
            Element message = null;
            for (org.w3c.dom.Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e) {
                    message = e;
                }
            }
            String type = message == null ? "?" : message.getLocalName();
            Received r = new Received(type, null, null, null, new String(body, StandardCharsets.UTF_8), document);
            return new Received(type, r.text("requestingAgencyRequestId"), r.text("action"), r.text("status"), r.xml(), document);
        } catch (Exception e) {
            throw new IllegalStateException("Fjernlån sent something that is not XML: " + new String(body, StandardCharsets.UTF_8), e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Every message of a type, in the order received. */
    public List<String> actionsFor(String requestId) {
        List<String> actions = new ArrayList<>();
        for (Received r : received(requestId)) {
            actions.add(r.type().equals("request") ? "Request" : r.action());
        }
        return actions;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

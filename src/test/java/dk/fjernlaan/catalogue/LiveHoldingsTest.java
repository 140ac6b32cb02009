package dk.fjernlaan.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dk.fjernlaan.automation.AutomationService;
import dk.fjernlaan.automation.Candidate;
import dk.fjernlaan.automation.Decision;
import dk.fjernlaan.platform.texts.Texts;
import dk.fjernlaan.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Live availability from the libraries' own systems over ISO 20775, against a real HTTP server that answers for
 * several holders: one fast, one slower than its timeout, one answering 500, one answering garbage, and one dead
 * (nothing listens). The borrower is Furesø (719000).
 */
class LiveHoldingsTest extends IntegrationTest {

    static final String BORROWER = "719000";
    static final String FAST = "720100";
    static final String SLOW = "721000";
    static final String FAILING = "721700";
    static final String GARBAGE = "721900";
    static final String DEAD = "722300";
    static final List<String> HOLDERS = List.of(FAST, SLOW, FAILING, GARBAGE, DEAD);

    @Autowired AutomationService automation;
    @Autowired Texts texts;

    private HttpServer server;
    private final Map<String, AtomicInteger> asked = new ConcurrentHashMap<>();
    private volatile boolean failingRecovered;
    /** The borrower's own system: its copy on loan, due back in 10 days, with this many patrons waiting for it. */
    private volatile int ownQueue = -1;

    @BeforeEach
    void holders() throws Exception {
        participates(BORROWER, 0, 0);
        for (String holder : HOLDERS) {
            participates(holder, 0, 0);
        }
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/holdings/", this::answer);
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/holdings/";
        for (String holder : List.of(FAST, SLOW, FAILING, GARBAGE)) {
            source(holder, base + holder, 300);
        }
        source(DEAD, "http://127.0.0.1:" + freePort() + "/holdings", 300);
    }

    @AfterEach
    void embeddedAgain() throws Exception {
        for (String holder : List.of(BORROWER, FAST, SLOW, FAILING, GARBAGE, DEAD)) {
            asAdmin(putJson("/api/libraries/" + holder + "/holdings-source", Map.of("kind", "EMBEDDED"))).andExpect(status().isOk());
        }
        server.stop(0);
    }

    private void source(String agencyId, String url, int timeoutMs) throws Exception {
        asAdmin(putJson("/api/libraries/" + agencyId + "/holdings-source", Map.of("kind", "ISO20775", "url", url, "timeoutMs", timeoutMs)))
            .andExpect(status().isOk()).andExpect(jsonPath("$.kind").value("ISO20775"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        String agency = exchange.getRequestURI().getPath().substring("/holdings/".length());
        asked.computeIfAbsent(agency, a -> new AtomicInteger()).incrementAndGet();
        String query = exchange.getRequestURI().getQuery();
        String pid = java.net.URLDecoder.decode(query.substring(query.indexOf("pid=") + 4).split("&")[0], StandardCharsets.UTF_8);
        byte[] body;
        int status = 200;
        switch (agency) {
            case SLOW -> {
                sleep(1500);
                body = holdings(pid, agency, 1, null).getBytes(StandardCharsets.UTF_8);
            }
            case FAILING -> {
                status = failingRecovered ? 200 : 500;
                body = (failingRecovered ? holdings(pid, agency, 1, null) : "boom").getBytes(StandardCharsets.UTF_8);
            }
            case BORROWER -> body = ownCopy(pid, today().plusDays(10), ownQueue).getBytes(StandardCharsets.UTF_8);
            case GARBAGE -> body = "<html><body>Vedligeholdelse</body></html>".getBytes(StandardCharsets.UTF_8);
            default -> body = holdings(pid, agency, 1, null).getBytes(StandardCharsets.UTF_8);
        }
        exchange.getResponseHeaders().set("Content-Type", "application/xml");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        } catch (IOException gone) {
            // the client gave up waiting
        }
    }

    /** An ISO 20775 answer: one holding at the branch, one piece with the availability status (1 on the shelf, 2 out). */
    static String holdings(String pid, String branch, int availability, LocalDate availableFrom) {
        return "<?xml version=\"1.0\"?><h:holdings xmlns:h=\"info:ofi/fmt:xml:xsd:iso20775\"><h:holding>"
            + "<h:institutionIdentifier><h:value>" + branch + "</h:value></h:institutionIdentifier>"
            + "<h:holdingStructured><h:set><h:component><h:pieceIdentifier><h:value>" + branch + "-1</h:value></h:pieceIdentifier>"
            + "<h:availabilityInformation><h:status><h:availabilityStatus>" + availability + "</h:availabilityStatus>"
            + "<h:availableFor>1</h:availableFor>"
            + (availableFrom == null ? "" : "<h:dateTimeAvailable>" + availableFrom + "</h:dateTimeAvailable>")
            + "</h:status></h:availabilityInformation></h:component></h:set></h:holdingStructured></h:holding>"
            + "<h:resource><h:resourceIdentifier><h:value>" + pid + "</h:value></h:resourceIdentifier></h:resource></h:holdings>";
    }

    /** The summary form, as some systems answer: no copy on the shelf, the earliest back, the queue. */
    static String ownCopy(String pid, LocalDate back, int queue) {
        return "<?xml version=\"1.0\"?><holdings xmlns=\"info:ofi/fmt:xml:xsd:iso20775\"><holding>"
            + "<institutionIdentifier><value>" + BORROWER + "</value></institutionIdentifier>"
            + "<holdingSimple><copiesSummary><copiesCount>1</copiesCount><status><availableCount>0</availableCount>"
            + "<availableFor>1</availableFor><earliestDispatchDate>" + back + "</earliestDispatchDate></status>"
            + (queue < 0 ? "" : "<reservationQueueLength>" + queue + "</reservationQueueLength>")
            + "</copiesSummary></holdingSimple></holding>"
            + "<resource><resourceIdentifier><value>" + pid + "</value></resourceIdentifier></resource></holdings>";
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A record whose localisations (the union catalogue's) are the given holders; their systems tell the rest. */
    private String record(List<String> holders) throws Exception {
        String pid = record("work-" + unique("live"), today().minusYears(1));
        for (String holder : holders) {
            // the embedded row says only that the branch holds it; the live answer says whether it is there
            holding(pid, holder, "OnLoan", today().plusDays(90));
        }
        return pid;
    }

    private Decision decide(String pid) {
        return automation.decide(new AutomationService.DecisionRequest(BORROWER, BORROWER, "bibliotekdk", null, List.of(pid), pid, false, 1,
            today().plusDays(60)));
    }

    private static String why(Decision decision, String branchId) {
        return decision.candidates().stream().filter(c -> c.branchId().equals(branchId)).map(Candidate::excludedBecause).findFirst().orElse("?");
    }

    @Test
    void theDecisionAsksTheHoldersLiveAndLeavesOutThoseThatCannotAnswerWithTheirReason() throws Exception {
        String pid = record(HOLDERS);
        Decision decision = decide(pid);
        assertThat(decision.automated()).isTrue();
        assertThat(decision.lenderBranchId()).as("the fast system says it is on the shelf, the embedded row says on loan").isEqualTo(FAST);
        assertThat(decision.availabilityDate()).isEqualTo(today());
        assertThat(why(decision, SLOW)).isEqualTo("holder_timeout");
        assertThat(why(decision, FAILING)).isEqualTo("holder_error");
        assertThat(why(decision, GARBAGE)).isEqualTo("holder_error");
        assertThat(why(decision, DEAD)).isEqualTo("holder_error");
        List<String> words = decision.explanation().stream().map(texts::getDefault).toList();
        assertThat(words).contains("Filial " + SLOW + " svarede ikke inden for 300 ms og er ikke med.",
            "Filial " + FAILING + "s bibliotekssystem svarede med en fejl og er ikke med.");

        int fastAsked = asked.get(FAST).get();
        decide(pid);
        assertThat(asked.get(FAST).get()).as("the answer is used again for a while").isEqualTo(fastAsked);
    }

    @Test
    void houseOfSkyAndBreath_theOwnSystemsQueueSendsTheOrderToALenderWithItOnTheShelf() throws Exception {
        automation(BORROWER, "YES", 0, "ALL", true, "YES", 1, true, 0);
        source(BORROWER, "http://127.0.0.1:" + server.getAddress().getPort() + "/holdings/" + BORROWER, 300);
        String pid = record(List.of(BORROWER, FAST));

        ownQueue = 3;
        Decision queued = decide(pid);
        assertThat(queued.automated()).as("three ahead of a copy due in 10 days: day 100, beyond profile 1's 14 days").isTrue();
        assertThat(queued.own()).isTrue();
        assertThat(queued.lenderBranchId()).isEqualTo(FAST);
        assertThat(queued.explanation().stream().map(texts::getDefault).toList()).anySatisfy(w -> assertThat(w)
            .startsWith("Eget materiale: et eget eksemplar forventes afleveret").contains("men 3 venter foran i køen")
            .contains("med 30 dages lånetid"));

        ownQueue = -1;
        String unqueued = record(List.of(BORROWER, FAST));
        Decision home = decide(unqueued);
        assertThat(home.route()).as("without a queue the copy is back within the 14 days").isEqualTo(Decision.Route.LOCAL);
    }

    @Test
    void aSystemThatKeepsFailingIsSkippedUntilItRecovers() throws Exception {
        for (int i = 0; i < 8; i++) {
            decide(record(List.of(FAST, FAILING)));
        }
        int calls = asked.get(FAILING).get();
        assertThat(calls).as("asked until the breaker opened").isLessThan(8);
        Decision skipped = decide(record(List.of(FAST, FAILING)));
        assertThat(why(skipped, FAILING)).isEqualTo("holder_error");
        assertThat(asked.get(FAILING).get()).as("skipped at once while open").isEqualTo(calls);

        failingRecovered = true;
        Thread.sleep(1200);
        String pid = record(List.of(FAILING));
        Decision back = decide(pid);
        assertThat(back.lenderBranchId()).isEqualTo(FAILING);
        assertThat(asked.get(FAILING).get()).isEqualTo(calls + 1);
    }

    @Test
    void whenNoHolderCanBeAskedTheDecisionFailsToBeTriedAgainNotSentToTheManualQueue() throws Exception {
        String pid = record(List.of(SLOW, DEAD, GARBAGE));
        assertThatThrownBy(() -> decide(pid)).isInstanceOf(IllegalStateException.class).hasMessageContaining("No holder");
    }

    @Test
    void theSourceIsSetThroughTheApiAndChecked() throws Exception {
        asAdmin(getJson("/api/libraries/" + BORROWER + "/holdings-source")).andExpect(status().isOk())
            .andExpect(jsonPath("$.kind").value("EMBEDDED"));
        asAdmin(putJson("/api/libraries/" + BORROWER + "/holdings-source", Map.of("kind", "ISO20775", "url", "ftp://x/y", "timeoutMs", 50)))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder("url", "timeoutMs")));
        asAdmin(putJson("/api/libraries/" + BORROWER + "/holdings-source", Map.of("kind", "ISO20775")))
            .andExpect(status().isBadRequest());
        asStaff(FAST, putJson("/api/libraries/" + BORROWER + "/holdings-source", Map.of("kind", "EMBEDDED")))
            .andExpect(status().isForbidden());
        asStaff(BORROWER, putJson("/api/libraries/" + BORROWER + "/holdings-source", Map.of("kind", "EMBEDDED")))
            .andExpect(status().isOk());
        asAdmin(getJson("/api/libraries/" + FAST + "/holdings-source")).andExpect(jsonPath("$.timeoutMs").value(300));
    }
}

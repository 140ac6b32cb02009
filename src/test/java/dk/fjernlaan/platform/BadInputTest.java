package dk.fjernlaan.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dk.fjernlaan.support.IntegrationTest;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A corpus of hostile and mistaken requests against every write endpoint, over real HTTP (the servlet container,
 * the firewall and the filters as in production): malformed JSON, wrong types, huge and deep values, unknown
 * enum values, dates out of range, injection strings, wrong content types, traversal paths, long ids. Each must be
 * answered with a 4xx problem ({@code application/problem+json}) and must change nothing in the database.
 */
class BadInputTest extends IntegrationTest {

    static final String BORROWER = "751000"; // Aarhus
    static final String LENDER = "746100";   // Odense

    @Autowired JdbcClient jdbc;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record Case(String method, String path, String contentType, String body, int expected, Map<String, String> headers) {
        Case(String method, String path, String body, int expected) {
            this(method, path, "application/json", body, expected, Map.of());
        }

        @Override
        public String toString() {
            String shown = body == null ? "" : body.length() > 120 ? body.substring(0, 120) + "… (" + body.length() + " chars)" : body;
            return method + " " + (path.length() > 120 ? path.substring(0, 120) + "…" : path) + " [" + contentType + "] " + shown;
        }
    }

    @Test
    void hostileAndMistakenRequestsAreProblemsAndChangeNothing() throws Exception {
        participates(BORROWER, 0, 0);
        participates(LENDER, 0, 0);
        String pid = record("work-" + unique("bad"), today().minusYears(2));
        items(pid, LENDER, List.of(Map.of("status", "OnShelf")));
        String patron = patron(BORROWER);
        String orderId = placeOrder(Map.of("pickupBranchId", BORROWER, "patronId", patron, "pids", List.of(pid),
            "orderSystem", "bibliotekdk")).get("orderId").asText();
        runJobs();
        assertThat(order(orderId).get("status").asText()).isEqualTo("SENT_TO_LENDER");
        String closureId = body(asAdmin(postJson("/api/libraries/" + LENDER + "/closures", Map.of("scope", "ILL",
            "from", today().plusDays(30).toString(), "to", today().plusDays(31).toString(), "reason", "Flytning"))).andExpect(status().isCreated()))
            .get("closureId").asText();
        ClockUtil.setCurrentTime(java.util.Date.from(clock.now()));
        java.time.Instant frozen = clock.now();

        List<Case> cases = corpus(orderId, pid, patron, closureId);
        String before = fingerprint();
        List<String> failures = new ArrayList<>();
        for (Case c : cases) {
            HttpResponse<String> answer = send(c);
            String problem = check(c, answer);
            if (problem != null) {
                failures.add(problem + ": " + c + " -> " + answer.statusCode() + " " + abbreviate(answer.body()));
            }
            String now = fingerprint();
            if (!now.equals(before)) {
                failures.add("changed the database: " + c);
                before = now;
            }
        }
        // a NUL byte in the request line Tomcat itself refuses, before the application: a 400 all the same
        assertThat(send(new Case("POST", "/api/orders/%00", validOrder(pid, patron), 400)).statusCode()).isEqualTo(400);
        assertThat(fingerprint()).isEqualTo(before);
        assertThat(clock.now()).as("the simulation clock").isEqualTo(frozen);
        assertThat(failures).as(cases.size() + " requests").isEmpty();
        assertThat(cases).hasSizeGreaterThan(150);
    }

    @Test
    void problemsAreInTheCallersLanguageDanishByDefault() throws Exception {
        String bad = "{\"pickupBranchId\":\"7101\",\"patronId\":\"P-1\",\"pids\":[\"870970-basis:1\"],\"orderSystem\":\"bibliotekdk\","
            + "\"needBeforeDate\":20270501}";
        JsonNode danish = body(asAdmin(postJson("/api/orders", bad)).andExpect(status().isBadRequest()));
        assertThat(danish.get("title").asText()).isEqualTo("Ugyldig forespørgsel");
        assertThat(danish.get("errors").get(0).get("message").asText()).startsWith("forkert type").contains("åååå-mm-dd");
        JsonNode english = body(asAdmin(postJson("/api/orders", bad).header("Accept-Language", "en")).andExpect(status().isBadRequest()));
        assertThat(english.get("title").asText()).isEqualTo("Bad request");
        assertThat(english.get("errors").get(0).get("message").asText()).startsWith("wrong type").contains("yyyy-MM-dd");

        String badBranch = "{\"pickupBranchId\":\"7101\",\"patronId\":\"P-1\",\"pids\":[\"870970-basis:1\"],\"orderSystem\":\"bibliotekdk\"}";
        assertThat(body(asAdmin(postJson("/api/orders", badBranch))).get("errors").get(0).get("message").asText())
            .isEqualTo("skal være et 6-cifret biblioteks- eller filialnummer");
        assertThat(body(asAdmin(postJson("/api/orders", badBranch).header("Accept-Language", "en"))).get("errors").get(0).get("message").asText())
            .isEqualTo("must be a 6-digit library or branch number");
        assertThat(body(asAdmin(postJson("/api/orders", "{}"))).get("errors").toString()).contains("må ikke være null");

        assertThat(body(asAdmin(getJson("/api/nothing-here")).andExpect(status().isNotFound())).get("detail").asText())
            .isEqualTo("Der er intet på denne adresse.");
        assertThat(body(asAdmin(deleteJson("/api/orders").header("Accept-Language", "en")).andExpect(status().isMethodNotAllowed()))
            .get("detail").asText()).startsWith("The method DELETE cannot be used here; use ").contains("GET").contains("POST");
        assertThat(body(asAdmin(getJson("/api/orders/1999999998")).andExpect(status().isNotFound())).get("detail").asText())
            .isEqualTo("Der er ingen bestilling 1999999998.");
    }

    private String check(Case c, HttpResponse<String> answer) throws Exception {
        int status = answer.statusCode();
        if (status >= 500) {
            return "5xx";
        }
        if (status < 400) {
            return "accepted";
        }
        if (c.expected() != 0 && status != c.expected()) {
            return "expected " + c.expected();
        }
        String type = answer.headers().firstValue("Content-Type").orElse("");
        if (!type.startsWith("application/problem+json")) {
            return "not a problem (" + type + ")";
        }
        JsonNode problem = json.readTree(answer.body());
        if (problem.path("status").asInt() != status || !problem.hasNonNull("title") || !problem.hasNonNull("detail")) {
            return "incomplete problem";
        }
        return null;
    }

    private HttpResponse<String> send(Case c) throws Exception {
        HttpRequest.BodyPublisher body = c.body() == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(c.body(), StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + c.path()))
            .timeout(Duration.ofSeconds(30))
            .method(c.method(), body)
            .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((ADMIN + ":" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)))
            .header("Accept", "application/json");
        if (c.contentType() != null) {
            request.header("Content-Type", c.contentType());
        }
        c.headers().forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** A digest of everything a write could touch: the project's tables and the engine's runtime state. */
    private String fingerprint() throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        for (String query : List.of(
                "SELECT * FROM ill_order ORDER BY order_id", "SELECT * FROM order_automation ORDER BY order_id",
                "SELECT * FROM order_event ORDER BY event_id",
                "SELECT * FROM idempotency_key ORDER BY client_id, idempotency_key", "SELECT * FROM closure ORDER BY closure_id",
                "SELECT * FROM closure_branch ORDER BY closure_id, branch_id", "SELECT * FROM bib_record ORDER BY pid",
                "SELECT * FROM holding_item ORDER BY pid, branch_id, item_id", "SELECT * FROM patron ORDER BY agency_id, patron_id",
                "SELECT * FROM lending_route ORDER BY agency_id", "SELECT * FROM automation_settings ORDER BY agency_id, material_type",
                "SELECT * FROM mail_outbox ORDER BY mail_id", "SELECT branch_id, route_number FROM branch ORDER BY branch_id",
                "SELECT ID_, REV_ FROM ACT_RU_EXECUTION ORDER BY ID_", "SELECT ID_, REV_ FROM ACT_RU_TASK ORDER BY ID_",
                "SELECT ID_, REV_, RETRIES_ FROM ACT_RU_JOB ORDER BY ID_", "SELECT ID_, REV_ FROM ACT_RU_VARIABLE ORDER BY ID_",
                "SELECT ID_ FROM ACT_RE_DEPLOYMENT ORDER BY ID_", "SELECT ID_ FROM ACT_RU_INCIDENT ORDER BY ID_")) {
            for (Map<String, Object> row : jdbc.sql(query).query().listOfRows()) {
                digest.update(row.toString().getBytes(StandardCharsets.UTF_8));
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String abbreviate(String text) {
        return text == null || text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }

    // the corpus ---------------------------------------------------------------------------------

    private List<Case> corpus(String orderId, String pid, String patron, String closureId) {
        String order = "/api/orders/" + orderId;
        Map<String, String> writes = new LinkedHashMap<>();
        writes.put("POST /api/orders", validOrder(pid, patron));
        writes.put("POST " + order + "/manual-decision", "{\"action\":\"SEND\",\"lenderBranchId\":\"" + LENDER + "\"}");
        writes.put("POST " + order + "/supplier-messages", "{\"status\":\"WillSupply\"}");
        writes.put("POST " + order + "/requester-messages", "{\"action\":\"Received\"}");
        writes.put("POST " + order + "/patron-events", "{\"event\":\"PickedUp\"}");
        writes.put("PUT /api/libraries/" + BORROWER + "/lending-route", "{\"agencyIds\":[\"746100\"]}");
        writes.put("PUT /api/libraries/" + BORROWER + "/automation/1", settings("\"YES\"", "90", "\"ALL\""));
        writes.put("POST /api/libraries/" + LENDER + "/closures", closure("\"ILL\"", "\"" + today().plusDays(1) + "\"", "\"" + today().plusDays(2) + "\"", "\"Ferie\""));
        writes.put("PUT /api/libraries/" + LENDER + "/branches/" + LENDER + "/route-number", "{\"routeNumber\":\"12\"}");
        writes.put("PUT /api/records/" + pid, record("\"Titel\"", "1", "\"2020-01-01\""));
        writes.put("PUT /api/holdings/" + pid + "/" + LENDER, "{\"items\":[{\"itemId\":\"i1\",\"status\":\"OnShelf\"}]}");
        writes.put("PUT /api/patrons/" + BORROWER + "/" + patron, "{\"name\":\"A\",\"email\":\"a@example.org\",\"debtKr\":0}");
        writes.put("POST /api/sim/clock", "{\"advance\":\"P1D\"}");

        List<Case> cases = new ArrayList<>();
        String deep = "[".repeat(3000) + "]".repeat(3000);
        String huge = "{\"name\":\"" + "x".repeat(RequestSizeLimitBytes + 10) + "\"}";
        for (Map.Entry<String, String> write : writes.entrySet()) {
            String method = write.getKey().substring(0, write.getKey().indexOf(' '));
            String path = write.getKey().substring(write.getKey().indexOf(' ') + 1);
            cases.add(new Case(method, path, "{\"a\":", 400));
            cases.add(new Case(method, path, "hello", 400));
            cases.add(new Case(method, path, "[]", 400));
            cases.add(new Case(method, path, "null", 400));
            cases.add(new Case(method, path, "", 400));
            cases.add(new Case(method, path, "\"text\"", 400));
            cases.add(new Case(method, path, "42", 400));
            cases.add(new Case(method, path, deep, 400));
            cases.add(new Case(method, path, write.getValue() + " {}", 400));
            cases.add(new Case(method, path, huge, 413));
            cases.add(new Case(method, path, "text/plain", write.getValue(), 415, Map.of()));
            cases.add(new Case(method, path, "application/xml", "<order/>", 415, Map.of()));
            cases.add(new Case(method, path, null, null, 0, Map.of()));
        }

        // orders
        cases.add(new Case("POST", "/api/orders", validOrder(pid, patron).replace("\"orderSystem\":\"bibliotekdk\"", "\"orderSystem\":1"), 400));
        cases.add(new Case("POST", "/api/orders", validOrder(pid, patron).replace("\"orderSystem\":\"bibliotekdk\"", "\"orderSystem\":\"Bibliotekdk\""), 400));
        cases.add(new Case("POST", "/api/orders", validOrder(pid, patron).replace("\"orderSystem\":\"bibliotekdk\"", "\"orderSystem\":\"\""), 400));
        for (String date : List.of("20270501", "\"\"", "\"2027-05-01T10:00:00\"", "\"2027-05-01T10:00:00Z\"", "\"+99999-12-31\"",
                "\"2027-02-30\"", "\"2027-5-1\"", "\"01-05-2027\"", "\"1899-12-31\"", "\"2200-01-01\"", "true", "{}", "[2027,5,1]")) {
            cases.add(new Case("POST", "/api/orders", withField(validOrder(pid, patron), "needBeforeDate", date), 400));
        }
        cases.add(new Case("POST", "/api/orders", withField(validOrder(pid, patron), "needBeforeDate", "\"" + today().plusYears(5) + "\""), 422));
        cases.add(new Case("POST", "/api/orders", withField(validOrder(pid, patron), "needBeforeDate", "\"" + today() + "\""), 422));
        cases.add(new Case("POST", "/api/orders", validOrder(pid, patron).replace("\"patronId\":\"" + patron + "\"", "\"patronId\":123"), 400));
        cases.add(new Case("POST", "/api/orders", validOrder(pid, patron).replace("\"patronId\":\"" + patron + "\"", "\"patronId\":\"" + "P".repeat(300) + "\""), 400));
        cases.add(new Case("POST", "/api/orders", validOrder(pid, patron).replace("\"patronId\":\"" + patron + "\"", "\"patronId\":\"'; DROP TABLE ill_order;--\""), 400));
        cases.add(new Case("POST", "/api/orders", validOrder(pid, patron).replace("\"patronId\":\"" + patron + "\"", "\"patronId\":\"\""), 400));
        cases.add(new Case("POST", "/api/orders", validOrder(pid, patron).replace("\"patronId\":\"" + patron + "\"", "\"patronId\":\"UNKNOWN-1\""), 422));
        cases.add(new Case("POST", "/api/orders", validOrder(pid, patron).replace("\"pids\":[\"" + pid + "\"]", "\"pids\":[1]"), 400));
        cases.add(new Case("POST", "/api/orders", validOrder(pid, patron).replace("\"pids\":[\"" + pid + "\"]", "\"pids\":\"" + pid + "\""), 400));
        cases.add(new Case("POST", "/api/orders", validOrder(pid, patron).replace("\"pids\":[\"" + pid + "\"]", "\"pids\":[]"), 400));
        cases.add(new Case("POST", "/api/orders", validOrder(pid, patron).replace("\"pids\":[\"" + pid + "\"]",
            "\"pids\":[\"870970-basis:" + "9".repeat(300) + "\"]"), 400));
        cases.add(new Case("POST", "/api/orders", validOrder(pid, patron).replace("\"pids\":[\"" + pid + "\"]",
            "\"pids\":[" + String.join(",", java.util.Collections.nCopies(51, "\"" + pid + "\"")) + "]"), 400));
        cases.add(new Case("POST", "/api/orders", validOrder(pid, patron).replace("\"pids\":[\"" + pid + "\"]", "\"pids\":[\"870970-basis:NOPE1\"]"), 422));
        cases.add(new Case("POST", "/api/orders", validOrder(pid, patron).replace("\"pickupBranchId\":\"" + BORROWER + "\"",
            "\"pickupBranchId\":\"751000'; DROP TABLE ill_order;--\""), 400));
        cases.add(new Case("POST", "/api/orders", validOrder(pid, patron).replace("\"pickupBranchId\":\"" + BORROWER + "\"", "\"pickupBranchId\":751000"), 400));
        cases.add(new Case("POST", "/api/orders", validOrder(pid, patron).replace("\"pickupBranchId\":\"" + BORROWER + "\"", "\"pickupBranchId\":\"999999\""), 422));
        cases.add(new Case("POST", "/api/orders", withField(validOrder(pid, patron), "responderId", "\"abc\""), 400));
        cases.add(new Case("POST", "/api/orders", withField(validOrder(pid, patron), "responderId", BORROWER), 400));
        cases.add(new Case("POST", "/api/orders", withField(validOrder(pid, patron), "exactEdition", "\"yes\""), 400));
        cases.add(new Case("POST", "/api/orders", withField(validOrder(pid, patron), "exactEdition", "1"), 400));
        cases.add(new Case("POST", "/api/orders", validOrder(pid, patron).replace("{\"pickupBranchId\"", "{\"pickupBranchId\":\"751000\",\"pickupBranchId\""), 400));
        cases.add(new Case("POST", "/api/orders", "application/json", validOrder(pid, patron), 400, Map.of("Idempotency-Key", "k".repeat(201))));

        // manual decision (the order is with a lender: a correct decision is a conflict, malformed ones are 400)
        for (String body : List.of("{\"action\":1}", "{\"action\":\"SENDX\"}", "{\"action\":\"send\"}", "{\"action\":null}", "{}",
                "{\"action\":\"SEND\",\"lenderBranchId\":746100}", "{\"action\":\"SEND\",\"lenderBranchId\":\"74610\"}",
                "{\"action\":\"REJECT\",\"reason\":\"" + "r".repeat(501) + "\"}", "{\"action\":[\"SEND\"]}")) {
            cases.add(new Case("POST", order + "/manual-decision", body, 400));
        }
        cases.add(new Case("POST", order + "/manual-decision", "{\"action\":\"RETRY_AUTOMATION\"}", 409));

        // the lender's messages
        for (String body : List.of("{\"status\":0}", "{\"status\":\"Shipped\"}", "{\"status\":\"willsupply\"}", "{}",
                "{\"status\":\"Loaned\",\"dueDate\":\"+99999-12-31\"}", "{\"status\":\"Loaned\",\"dueDate\":20270501}",
                "{\"status\":\"Loaned\",\"dueDate\":\"\"}", "{\"status\":\"Loaned\",\"dueDate\":\"2027-05-01T00:00:00Z\"}",
                "{\"status\":\"Loaned\"}", "{\"status\":\"ExpectToSupply\"}",
                "{\"status\":\"Unfilled\",\"reason\":\"" + "r".repeat(501) + "\"}",
                "{\"status\":\"Loaned\",\"dueDate\":\"" + today().plusDays(30) + "\",\"itemId\":\"" + "i".repeat(101) + "\"}",
                "{\"status\":\"WillSupply\",\"supplierBranchId\":\"../../\"}", "{\"status\":\"WillSupply\",\"supplierBranchId\":746100}",
                "{\"status\":\"WillSupply\",\"reason\":42}")) {
            cases.add(new Case("POST", order + "/supplier-messages", body, 400));
        }
        cases.add(new Case("POST", order + "/supplier-messages", "{\"status\":\"Loaned\",\"dueDate\":\"" + today().plusYears(3) + "\"}", 422));
        cases.add(new Case("POST", order + "/supplier-messages", "{\"status\":\"Loaned\",\"dueDate\":\"" + today() + "\"}", 422));
        cases.add(new Case("POST", order + "/supplier-messages", "{\"status\":\"ExpectToSupply\",\"expectedDeliveryDate\":\"" + today().plusYears(3) + "\"}", 422));
        cases.add(new Case("POST", order + "/supplier-messages", "{\"status\":\"ExpectToSupply\",\"expectedDeliveryDate\":\"" + today().minusDays(1) + "\"}", 422));
        cases.add(new Case("POST", order + "/supplier-messages", "{\"status\":\"LoanCompleted\"}", 409));
        cases.add(new Case("POST", "/api/orders/1/supplier-messages", "{\"status\":\"WillSupply\"}", 404));
        cases.add(new Case("POST", "/api/orders/abc/supplier-messages", "{\"status\":\"WillSupply\"}", 400));
        cases.add(new Case("POST", "/api/orders/99999999999999999999999/supplier-messages", "{\"status\":\"WillSupply\"}", 400));

        // the borrower's messages and the patron's events
        for (String body : List.of("{\"action\":2}", "{\"action\":\"Eaten\"}", "{}", "{\"action\":\"Cancel\",\"note\":\"" + "n".repeat(501) + "\"}",
                "{\"action\":\"Cancel\",\"note\":7}")) {
            cases.add(new Case("POST", order + "/requester-messages", body, 400));
        }
        cases.add(new Case("POST", order + "/requester-messages", "{\"action\":\"Received\"}", 409));
        for (String body : List.of("{\"event\":\"Eaten\"}", "{\"event\":true}", "{\"event\":1}", "{}")) {
            cases.add(new Case("POST", order + "/patron-events", body, 400));
        }
        cases.add(new Case("POST", order + "/patron-events", "{\"event\":\"Returned\"}", 409));

        // the directory
        String route = "/api/libraries/" + BORROWER + "/lending-route";
        for (String body : List.of("{\"agencyIds\":[1,2]}", "{\"agencyIds\":[\"x\"]}", "{\"agencyIds\":\"all\"}", "{\"agencyIds\":[]}",
                "{\"agencyIds\":[\"746100'; DELETE FROM lending_route;--\"]}")) {
            cases.add(new Case("PUT", route, body, 400));
        }
        cases.add(new Case("PUT", route, "{\"agencyIds\":[\"746100\",\"751000\"]}", 422));
        cases.add(new Case("PUT", "/api/libraries/888888/lending-route", "{\"agencyIds\":[\"746100\"]}", 404));
        String settings = "/api/libraries/" + BORROWER + "/automation/1";
        cases.add(new Case("PUT", settings, settings("1", "90", "\"ALL\""), 400));
        cases.add(new Case("PUT", settings, settings("\"MAYBE\"", "90", "\"ALL\""), 400));
        cases.add(new Case("PUT", settings, settings("\"YES\"", "\"90\"", "\"ALL\""), 400));
        cases.add(new Case("PUT", settings, settings("\"YES\"", "1e10", "\"ALL\""), 400));
        cases.add(new Case("PUT", settings, settings("\"YES\"", "90.5", "\"ALL\""), 400));
        cases.add(new Case("PUT", settings, settings("\"YES\"", "-1", "\"ALL\""), 400));
        cases.add(new Case("PUT", settings, settings("\"YES\"", "99999999999", "\"ALL\""), 400));
        cases.add(new Case("PUT", settings, settings("\"YES\"", "90", "[1]"), 400));
        cases.add(new Case("PUT", settings, settings("\"YES\"", "90", "\"SOME\""), 400));
        cases.add(new Case("PUT", "/api/libraries/" + BORROWER + "/automation/abc", settings("\"YES\"", "90", "\"ALL\""), 400));
        cases.add(new Case("PUT", "/api/libraries/" + BORROWER + "/automation/2", settings("\"YES\"", "90", "\"ALL\""), 400));
        String closures = "/api/libraries/" + LENDER + "/closures";
        String from = "\"" + today().plusDays(1) + "\"";
        String to = "\"" + today().plusDays(2) + "\"";
        for (String body : List.of(closure("1", from, to, "\"Ferie\""), closure("\"SOME\"", from, to, "\"Ferie\""),
                closure("\"ILL\"", "\"2027-13-01\"", to, "\"Ferie\""), closure("\"ILL\"", from, "\"\"", "\"Ferie\""),
                closure("\"ILL\"", from, to, "\"" + "r".repeat(501) + "\""), closure("\"ILL\"", from, to, "\"\""),
                closure("\"ILL\"", "20270101", to, "\"Ferie\""))) {
            cases.add(new Case("POST", closures, body, 400));
        }
        cases.add(new Case("POST", closures, closure("\"ILL\"", to, from, "\"Ferie\""), 422));
        cases.add(new Case("POST", closures, closure("\"ILL\"", from, to, "\"Ferie\"").replace("}", ",\"branchIds\":[123]}"), 400));
        cases.add(new Case("POST", closures, closure("\"ILL\"", from, to, "\"Ferie\"").replace("}", ",\"branchIds\":[\"751000\"]}"), 422));
        cases.add(new Case("DELETE", "/api/closures/abc", null, 400));
        cases.add(new Case("DELETE", "/api/closures/99999999999999999999", null, 400));
        cases.add(new Case("DELETE", "/api/closures/-1", null, 404));
        String routeNumber = "/api/libraries/" + LENDER + "/branches/" + LENDER + "/route-number";
        cases.add(new Case("PUT", routeNumber, "{\"routeNumber\":\"<script>alert(1)</script>\"}", 400));
        cases.add(new Case("PUT", routeNumber, "{\"routeNumber\":\"" + "1".repeat(21) + "\"}", 400));
        cases.add(new Case("PUT", routeNumber, "{\"routeNumber\":12}", 400));
        cases.add(new Case("PUT", "/api/libraries/" + LENDER + "/branches/751000/route-number", "{\"routeNumber\":\"12\"}", 404));

        // the catalogue and patrons
        String records = "/api/records/" + pid;
        cases.add(new Case("PUT", records, record("\"Titel\"", "\"1\"", "\"2020-01-01\""), 400));
        cases.add(new Case("PUT", records, record("\"Titel\"", "1.5", "\"2020-01-01\""), 400));
        cases.add(new Case("PUT", records, record("\"Titel\"", "1", "20200101"), 400));
        cases.add(new Case("PUT", records, record("\"Titel\"", "1", "\"2020-1-1\""), 400));
        cases.add(new Case("PUT", records, record("\"Titel\"", "1", "\"1066-10-14\""), 400));
        cases.add(new Case("PUT", records, record("\"" + "t".repeat(501) + "\"", "1", "\"2020-01-01\""), 400));
        cases.add(new Case("PUT", records, record("123", "1", "\"2020-01-01\""), 400));
        cases.add(new Case("PUT", records, record("\"Titel\"", "1", "\"2020-01-01\"").replace("}", ",\"bkmWeek\":\"BKM2025201\"}"), 400));
        cases.add(new Case("PUT", records, record("\"Titel\"", "1", "\"2020-01-01\"").replace("}", ",\"overbygning\":\"true\"}"), 400));
        cases.add(new Case("PUT", "/api/records/870970-basis:" + "9".repeat(300), record("\"Titel\"", "1", "\"2020-01-01\""), 400));
        cases.add(new Case("PUT", "/api/records/not-a-pid", record("\"Titel\"", "1", "\"2020-01-01\""), 400));
        String holdings = "/api/holdings/" + pid + "/" + LENDER;
        for (String body : List.of("{\"items\":[{\"itemId\":\"i1\",\"status\":\"Gone\"}]}", "{\"items\":[{\"itemId\":\"i1\",\"status\":1}]}",
                "{\"items\":[{\"itemId\":\"i1\",\"status\":\"OnLoan\",\"dueDate\":1}]}",
                "{\"items\":[{\"itemId\":\"" + "i".repeat(101) + "\",\"status\":\"OnShelf\"}]}", "{\"items\":[{\"status\":\"OnShelf\"}]}",
                "{\"items\":[null]}", "{\"items\":{}}",
                "{\"items\":[" + String.join(",", java.util.Collections.nCopies(1001, "{\"itemId\":\"i\",\"status\":\"OnShelf\"}")) + "]}")) {
            cases.add(new Case("PUT", holdings, body, 400));
        }
        cases.add(new Case("PUT", "/api/holdings/" + pid + "/71010", "{\"items\":[]}", 400));
        cases.add(new Case("PUT", "/api/holdings/" + pid + "/888888", "{\"items\":[]}", 422));
        cases.add(new Case("PUT", "/api/holdings/870970-basis:NOPE2/" + LENDER, "{\"items\":[]}", 422));
        String patrons = "/api/patrons/" + BORROWER + "/" + patron;
        for (String debt : List.of("1e12", "\"100\"", "1.005", "-1", "null", "true")) {
            cases.add(new Case("PUT", patrons, "{\"name\":\"A\",\"email\":\"a@example.org\",\"debtKr\":" + debt + "}", 400));
        }
        cases.add(new Case("PUT", patrons, "{\"name\":\"A\",\"email\":\"not-an-address\",\"debtKr\":0}", 400));
        cases.add(new Case("PUT", patrons, "{\"name\":\"" + "n".repeat(201) + "\",\"email\":\"a@example.org\",\"debtKr\":0}", 400));
        cases.add(new Case("PUT", patrons, "{\"name\":1,\"email\":\"a@example.org\",\"debtKr\":0}", 400));
        cases.add(new Case("PUT", "/api/patrons/abc/" + patron, "{\"name\":\"A\",\"email\":\"a@example.org\",\"debtKr\":0}", 400));
        cases.add(new Case("PUT", "/api/patrons/888888/P-1", "{\"name\":\"A\",\"email\":\"a@example.org\",\"debtKr\":0}", 422));
        cases.add(new Case("PUT", "/api/patrons/" + BORROWER + "/" + "p".repeat(101), "{\"name\":\"A\",\"email\":\"a@example.org\",\"debtKr\":0}", 400));
        cases.add(new Case("DELETE", "/api/patrons/" + BORROWER + "/" + patron, null, 409));

        // the simulation clock
        for (String body : List.of("{\"advance\":\"P999999999Y\"}", "{\"advance\":\"PT999999999999H\"}", "{\"advance\":5}",
                "{\"advance\":\"soon\"}", "{\"now\":\"x\"}", "{\"now\":\"+999999999-12-31T00:00:00Z\"}", "{\"now\":\"1800-01-01T00:00:00Z\"}",
                "{\"now\":\"2027-01-01T00:00:00Z\",\"advance\":\"P1D\"}", "{\"advance\":\"-P1D\"}", "{}")) {
            cases.add(new Case("POST", "/api/sim/clock", body, 0));
        }

        // paths that are not the API's, and methods it does not take
        for (String path : List.of("/api/orders/../../engine-rest/deployment/create", "/api/orders/%2e%2e/%2e%2e/engine-rest/deployment/create",
                "/api/orders/..%2F..%2Fengine-rest%2Fdeployment%2Fcreate", "/api/orders;jsessionid=1", "/api//orders",
                "/api/orders/%0d%0aX-Injected:%201")) {
            cases.add(new Case("POST", path, validOrder(pid, patron), 400));
        }
        cases.add(new Case("POST", "/api/nothing", "{}", 404));
        cases.add(new Case("DELETE", "/api/orders", null, 405));
        cases.add(new Case("PUT", order, "{}", 405));
        cases.add(new Case("PATCH", "/api/orders", "{}", 405));
        cases.add(new Case("GET", "/api/orders?page=2147483647&size=200", null, 400));
        cases.add(new Case("GET", "/api/orders?status=LOST", null, 400));
        cases.add(new Case("GET", "/api/orders?size=100000", null, 400));
        cases.add(new Case("GET", "/api/libraries?page=99999999", null, 400));
        return cases;
    }

    private static final int RequestSizeLimitBytes = dk.fjernlaan.platform.web.RequestSizeLimit.MAX_BYTES;

    private String validOrder(String pid, String patron) {
        return "{\"pickupBranchId\":\"" + BORROWER + "\",\"patronId\":\"" + patron + "\",\"pids\":[\"" + pid + "\"],\"orderSystem\":\"bibliotekdk\"}";
    }

    private static String withField(String object, String field, String value) {
        return object.substring(0, object.length() - 1) + ",\"" + field + "\":" + value + "}";
    }

    private static String settings(String willSend, String minAge, String lenders) {
        return "{\"materialType\":1,\"borrower\":{\"willSend\":" + willSend + ",\"minAgeDays\":" + minAge + ",\"lenders\":" + lenders
            + ",\"reserve\":true,\"ownMaterial\":\"NO\",\"ownProfile\":1},\"lender\":{\"willReceive\":true,\"minAgeDays\":0}}";
    }

    private static String closure(String scope, String from, String to, String reason) {
        return "{\"scope\":" + scope + ",\"from\":" + from + ",\"to\":" + to + ",\"reason\":" + reason + "}";
    }

    private static String record(String title, String materialType, String created) {
        return "{\"workId\":\"w1\",\"title\":" + title + ",\"materialType\":" + materialType + ",\"recordCreated\":" + created + "}";
    }
}

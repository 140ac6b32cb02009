package dk.fjernlaan.workbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;

import dk.fjernlaan.order.OrderStatus;
import dk.fjernlaan.order.Orders;
import dk.fjernlaan.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;

/**
 * The workbench over HTTP as the browser sends it (form login, session, CSRF): the manual queue with reasons in
 * words, an order with its candidates by name, the actions and the messages for a staff mistake. Rudersdal
 * (723000) borrows; Egedal (724000) holds the book but lends only material older than a year.
 */
class WorkbenchTest extends IntegrationTest {

    static final String BORROWER = "723000";
    static final String LENDER = "724000";
    static final String OTHER = "725000";

    @Autowired Orders orders;

    private long orderId;

    @BeforeEach
    void aManualOrder() throws Exception {
        participates(BORROWER, 0, 0);
        participates(LENDER, 0, 365);
        String pid = record("work-" + unique("wb"), today().minusDays(200));
        items(pid, LENDER, List.of(Map.of("status", "OnShelf")));
        orderId = placeOrder(Map.of("pickupBranchId", BORROWER, "patronId", patron(BORROWER), "pids", List.of(pid),
            "needBeforeDate", today().plusDays(60).toString(), "orderSystem", "bibliotekdk")).get("orderId").asLong();
        runJobs();
        assertThat(orders.order(orderId).status()).isEqualTo(OrderStatus.AWAITING_MANUAL);
    }

    private MockHttpSession login(String agencyId) throws Exception {
        String user = staffOf(agencyId);
        MockHttpSession session = new MockHttpSession();
        mvc.perform(post("/arbejdsbord/login").session(session).param("username", user).param("password", STAFF_PASSWORD).with(csrf()))
            .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/arbejdsbord/"));
        return session;
    }

    private String page(MockHttpSession session, String path, int status) throws Exception {
        return mvc.perform(get(path).session(session)).andExpect(status().is(status)).andReturn().getResponse().getContentAsString();
    }

    @Test
    void withoutLoginTheWorkbenchAsksForIt() throws Exception {
        mvc.perform(get("/arbejdsbord/manuel-koe")).andExpect(status().is3xxRedirection())
            .andExpect(redirectedUrl("http://localhost/arbejdsbord/login"));
        String login = mvc.perform(get("/arbejdsbord/login")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(login).contains("Brugernavn", "Adgangskode", "name=\"_csrf\"");
        mvc.perform(post("/arbejdsbord/login").param("username", staffOf(BORROWER)).param("password", "forkert").with(csrf()))
            .andExpect(redirectedUrl("/arbejdsbord/login?fejl"));
    }

    @Test
    void repeatedFailedLoginsFromOneMachineAreHeldBackWithAMessage() throws Exception {
        String user = staffOf(BORROWER);
        org.springframework.test.web.servlet.request.RequestPostProcessor stranger = request -> {
            request.setRemoteAddr("10.7.7.7");
            return request;
        };
        for (int i = 0; i < 10; i++) {
            mvc.perform(post("/arbejdsbord/login").with(stranger).param("username", user).param("password", "gæt-" + i).with(csrf()))
                .andExpect(redirectedUrl("/arbejdsbord/login?fejl"));
        }
        mvc.perform(post("/arbejdsbord/login").with(stranger).param("username", user).param("password", STAFF_PASSWORD).with(csrf()))
            .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/arbejdsbord/login?vent=60"));
        String page = mvc.perform(get("/arbejdsbord/login?vent=60")).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("For mange mislykkede forsøg fra denne maskine. Vent 60 sekunder");
        // another machine logs in as usual
        login(BORROWER);
    }

    @Test
    void theManualQueueShowsTheOrderWithItsReasonInWordsAndTheOrderItsCandidatesByName() throws Exception {
        MockHttpSession session = login(BORROWER);
        String queue = page(session, "/arbejdsbord/manuel-koe", 200);
        assertThat(queue).contains("data-order-id=\"" + orderId + "\"", "For nyt efter långivernes grænser", "Rudersdal Bibliotekerne")
            .doesNotContain(">new_for_responder<");
        assertThat(page(session, "/arbejdsbord/manuel-koe?aarsag=no_provider", 200)).doesNotContain("data-order-id=\"" + orderId + "\"");
        assertThat(page(session, "/arbejdsbord/manuel-koe?soeg=" + orderId, 200)).contains("data-order-id=\"" + orderId + "\"");

        String order = page(session, "/arbejdsbord/bestillinger/" + orderId, 200);
        assertThat(order).contains("data-branch-id=\"" + LENDER + "\"", "Smørum Bibliotek", "Egedal Bibliotekerne", "Ikke med",
            "Afventer manuel behandling", "Send til Smørum Bibliotek", "Prøv automatisk fjernlån igen", "Ikke på hylden");
        assertThat(order).as("the explanation names the libraries").doesNotContain("bibliotek " + BORROWER)
            .contains("Låntagers grænse (bibliotek Rudersdal Bibliotekerne)");
    }

    @Test
    void staffSendTheOrderToACandidateAndItGoesToTheLender() throws Exception {
        MockHttpSession session = login(BORROWER);
        mvc.perform(post("/arbejdsbord/bestillinger/" + orderId + "/send").session(session).param("filial", LENDER).with(csrf()))
            .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/arbejdsbord/bestillinger/" + orderId));
        runJobs();
        assertThat(orders.order(orderId).status()).isEqualTo(OrderStatus.SENT_TO_LENDER);
        assertThat(orders.order(orderId).lenderBranchId()).isEqualTo(LENDER);
        assertThat(page(session, "/arbejdsbord/bestillinger/" + orderId, 200)).contains("Sendt til långiver")
            .doesNotContain("Prøv automatisk fjernlån igen");
    }

    @Test
    void aStaffMistakeIsAMessageNextToTheFieldAndChangesNothing() throws Exception {
        MockHttpSession session = login(BORROWER);
        String unknown = mvc.perform(post("/arbejdsbord/bestillinger/" + orderId + "/send").session(session).param("filial", "Ingenby Bibliotek")
            .with(csrf())).andExpect(status().isUnprocessableEntity()).andReturn().getResponse().getContentAsString();
        assertThat(unknown).contains("id=\"filial-fejl\"", "Der er ingen filial, der hedder &quot;Ingenby Bibliotek&quot;");
        String own = mvc.perform(post("/arbejdsbord/bestillinger/" + orderId + "/send").session(session).param("filial", BORROWER)
            .with(csrf())).andExpect(status().isUnprocessableEntity()).andReturn().getResponse().getContentAsString();
        assertThat(own).contains("id=\"filial-fejl\"", "hører til det lånende bibliotek selv");
        String noReason = mvc.perform(post("/arbejdsbord/bestillinger/" + orderId + "/afvis").session(session).with(csrf()))
            .andExpect(status().isUnprocessableEntity()).andReturn().getResponse().getContentAsString();
        assertThat(noReason).contains("Vælg en årsag til afvisningen.");
        mvc.perform(post("/arbejdsbord/bestillinger/" + orderId + "/send").session(session).param("filial", LENDER))
            .andExpect(status().isForbidden());
        runJobs();
        assertThat(orders.order(orderId).status()).isEqualTo(OrderStatus.AWAITING_MANUAL);
    }

    @Test
    void anotherLibrarysStaffNeitherSeeNorActOnTheOrder() throws Exception {
        MockHttpSession session = login(OTHER);
        assertThat(page(session, "/arbejdsbord/manuel-koe", 200)).doesNotContain("data-order-id=\"" + orderId + "\"");
        assertThat(page(session, "/arbejdsbord/bestillinger/" + orderId, 404)).contains("Bestillingen findes ikke, eller du har ikke adgang til den.");
        mvc.perform(post("/arbejdsbord/bestillinger/" + orderId + "/igen").session(session).with(csrf())).andExpect(status().isNotFound());
        assertThat(page(session, "/arbejdsbord/bestillinger/not-a-number", 404)).contains("Ikke fundet");
        assertThat(orders.order(orderId).status()).isEqualTo(OrderStatus.AWAITING_MANUAL);
    }

    /** The manual order sent to Egedal's Smørum Bibliotek, and Egedal's librarian logged in. */
    private MockHttpSession requestAtTheLender() throws Exception {
        mvc.perform(post("/arbejdsbord/bestillinger/" + orderId + "/send").session(login(BORROWER)).param("filial", LENDER).with(csrf()))
            .andExpect(status().is3xxRedirection());
        runJobs();
        assertThat(orders.order(orderId).status()).isEqualTo(OrderStatus.SENT_TO_LENDER);
        return login(LENDER);
    }

    private String answer(MockHttpSession session, int status, String... params) throws Exception {
        var request = post("/arbejdsbord/anmodninger/" + orderId + "/svar").session(session).with(csrf());
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return mvc.perform(request).andExpect(status().is(status)).andReturn().getResponse().getContentAsString();
    }

    @Test
    void theLenderSeesTheRequestWithTheItemToPullAndPrintsAPullSlip() throws Exception {
        MockHttpSession lender = requestAtTheLender();
        String requests = page(lender, "/arbejdsbord/anmodninger", 200);
        assertThat(requests).contains("data-order-id=\"" + orderId + "\"", "Rudersdal Bibliotekerne", "Leverer senere", "Kan ikke levere",
            "Afsendt", "type=\"date\"", "value=\"" + today().plusDays(30) + "\"", "min=\"" + today() + "\"");
        String slip = page(lender, "/arbejdsbord/anmodninger/" + orderId + "/plukseddel", 200);
        assertThat(slip).contains("Plukseddel", "Testtitel", "Smørum Bibliotek", "Rudersdal Bibliotekerne", "Knudepunkt", "Rutenummer");
        assertThat(page(login(OTHER), "/arbejdsbord/anmodninger/" + orderId + "/plukseddel", 404)).contains("Ikke fundet");
        assertThat(page(login(BORROWER), "/arbejdsbord/anmodninger", 200)).doesNotContain("data-order-id=\"" + orderId + "\"");
    }

    @Test
    void theLendersWrongDatesAreMessagesAndTheRightAnswersMoveTheOrder() throws Exception {
        MockHttpSession lender = requestAtTheLender();
        assertThat(answer(lender, 422, "svar", "ExpectToSupply", "dato", "31-02-2027")).contains("id=\"fejl-" + orderId + "\"",
            "&quot;31-02-2027&quot; er ikke en dato. Skriv datoen som dd-mm-åååå");
        assertThat(answer(lender, 422, "svar", "ExpectToSupply", "dato", "")).contains("Vælg den dato, I kan levere.");
        assertThat(answer(lender, 422, "svar", "Unfilled")).contains("Vælg en årsag til afvisningen.");
        assertThat(answer(lender, 422, "svar", "Loaned", "dato", Names.date(today(), java.util.Locale.forLanguageTag("da"))))
            .contains("id=\"fejl-" + orderId + "\"");
        assertThat(answer(lender, 422, "svar", "Sendt")).contains("Vælg et svar.");
        runJobs();
        assertThat(orders.order(orderId).status()).isEqualTo(OrderStatus.SENT_TO_LENDER);

        // as the browser's date field sends it (åååå-mm-dd); typed text may be dd-mm-åååå (below)
        answer(lender, 302, "svar", "ExpectToSupply", "dato", today().plusDays(5).toString());
        runJobs();
        assertThat(orders.order(orderId).status()).isEqualTo(OrderStatus.EXPECT_TO_SUPPLY);
        assertThat(orders.order(orderId).expectedDelivery()).isEqualTo(today().plusDays(5));
        answer(lender, 302, "svar", "Loaned", "dato", Names.date(today().plusDays(30), java.util.Locale.forLanguageTag("da")), "vare", "E-1");
        runJobs();
        assertThat(orders.order(orderId).status()).isEqualTo(OrderStatus.SHIPPED);
        assertThat(orders.order(orderId).dueDate()).isEqualTo(today().plusDays(30));
    }

    @Test
    void theDeskReceivesHandsOutAndTakesBackAndSaysWhenAStepDoesNotFit() throws Exception {
        MockHttpSession lender = requestAtTheLender();
        answer(lender, 302, "svar", "Loaned", "dato", Names.date(today().plusDays(30), java.util.Locale.forLanguageTag("da")), "vare", "E-7");
        runJobs();
        MockHttpSession desk = login(BORROWER);
        assertThat(page(desk, "/arbejdsbord/skranken", 200)).contains("data-order-id=\"" + orderId + "\"", "Smørum Bibliotek", "E-7", "Modtag");

        mvc.perform(post("/arbejdsbord/skranken/" + orderId + "/modtag").session(desk).with(csrf())).andExpect(status().is3xxRedirection());
        runJobs();
        assertThat(orders.order(orderId).status()).isEqualTo(OrderStatus.AT_PICKUP);
        String again = mvc.perform(post("/arbejdsbord/skranken/" + orderId + "/modtag").session(desk).with(csrf()))
            .andExpect(status().isUnprocessableEntity()).andReturn().getResponse().getContentAsString();
        assertThat(again).contains("id=\"fejl-" + orderId + "\"", "Udlevér");

        mvc.perform(post("/arbejdsbord/skranken/" + orderId + "/udlever").session(desk).with(csrf())).andExpect(status().is3xxRedirection());
        runJobs();
        assertThat(orders.order(orderId).status()).isEqualTo(OrderStatus.ON_LOAN);
        assertThat(page(desk, "/arbejdsbord/skranken", 200)).contains("Registrér aflevering", "Afleveres senest");

        mvc.perform(post("/arbejdsbord/skranken/" + orderId + "/aflevering").session(desk).with(csrf())).andExpect(status().is3xxRedirection());
        runJobs();
        assertThat(orders.order(orderId).status()).isIn(OrderStatus.RETURN_SHIPPED, OrderStatus.COMPLETED);
        mvc.perform(post("/arbejdsbord/skranken/" + orderId + "/modtag").session(login(OTHER)).with(csrf())).andExpect(status().isNotFound());
    }

    @Test
    void aBrowserThatGoesAstrayGetsAPageInDanishAndAProgramStillAProblem() throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        java.net.URI nowhere = java.net.URI.create("http://localhost:" + port + "/ingen-side-her");
        var page = http.send(java.net.http.HttpRequest.newBuilder(nowhere).header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8").build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.body()).contains("Findes ikke", "Der er intet på denne adresse.", "Til arbejdsbordet").doesNotContain("Whitelabel");
        var problem = http.send(java.net.http.HttpRequest.newBuilder(nowhere).header("Accept", "application/json").build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(problem.statusCode()).isEqualTo(404);
        assertThat(problem.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }

    @Test
    void inTasklistAnAdministratorStartsAtEveryLibrarysManualQueueAndStaffAtTheirOwnTasks() {
        org.camunda.bpm.engine.FilterService filters = engine.getFilterService();
        org.camunda.bpm.engine.IdentityService identities = engine.getIdentityService();
        try {
            identities.setAuthentication(staffOf(BORROWER), List.of(BORROWER));
            assertThat(filters.createFilterQuery().list()).extracting(f -> f.getName())
                .contains("Mit biblioteks opgaver", "Alle opgaver").doesNotContain(dk.fjernlaan.platform.security.IdentitySetup.ADMIN_FILTER);

            identities.setAuthentication(ADMIN, List.of(dk.fjernlaan.platform.security.Actor.ADMIN_GROUP));
            List<org.camunda.bpm.engine.filter.Filter> seen = filters.createFilterQuery().list();
            org.camunda.bpm.engine.filter.Filter first = seen.stream()
                .min(java.util.Comparator.comparing(f -> ((Number) f.getProperties().get("priority")).intValue())).orElseThrow();
            assertThat(first.getName()).isEqualTo(dk.fjernlaan.platform.security.IdentitySetup.ADMIN_FILTER);
            assertThat(filters.list(first.getId())).extracting(t -> ((org.camunda.bpm.engine.task.Task) t).getTaskDefinitionKey())
                .isNotEmpty().containsOnly(dk.fjernlaan.process.ProcessModel.HANDLE_MANUALLY);
        } finally {
            identities.clearAuthentication();
        }
    }

    /** Completes the order's manual task as Tasklist does: the engine's REST API, as the borrower's staff. */
    private java.net.http.HttpResponse<String> completeInTasklist(String variablesJson) throws Exception {
        String taskId = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(String.valueOf(orderId)).singleResult().getId();
        String credentials = java.util.Base64.getEncoder().encodeToString((staffOf(BORROWER) + ":" + STAFF_PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://localhost:" + port + "/engine-rest/task/" + taskId + "/complete"))
            .header("Authorization", "Basic " + credentials).header("Content-Type", "application/json")
            .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"variables\": " + variablesJson + "}")).build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aMissingOrWrongValueInTasklistIsA400WithTheReasonInDanishAndTheTaskStays() throws Exception {
        var noLender = completeInTasklist("{\"manualAction\": {\"value\": \"SEND\"}}");
        assertThat(noLender.statusCode()).isEqualTo(400);
        assertThat(noLender.body()).contains("Långiver: ", "skal angives for at sende bestillingen").doesNotContain("ENGINE-");
        var unknown = completeInTasklist("{\"manualAction\": {\"value\": \"SENDE\"}}");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("skal angives: SEND, RETRY_AUTOMATION eller REJECT");
        var ownBranch = completeInTasklist("{\"manualAction\": {\"value\": \"SEND\"}, \"lenderBranchId\": {\"value\": \"" + BORROWER + "\"}}");
        assertThat(ownBranch.statusCode()).isEqualTo(400);
        runJobs();
        assertThat(orders.order(orderId).status()).isEqualTo(OrderStatus.AWAITING_MANUAL);
        assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(String.valueOf(orderId)).count()).isEqualTo(1);
    }

    @Test
    void tasklistsManualFormOffersTheCandidatesByNameAndTakesAnotherBranchByNumber() throws Exception {
        String taskId = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(String.valueOf(orderId)).singleResult().getId();
        var variables = engine.getTaskService().getVariablesTyped(taskId);
        assertThat(variables.getValueTyped("automationReasonText").getValue()).isEqualTo("For nyt efter långivernes grænser");
        // a JSON list of label and value, which Tasklist's select reads
        com.fasterxml.jackson.databind.JsonNode choices = new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(variables.getValueTyped("lenderChoices").getValue().toString());
        assertThat(choices.get(0).get("value").asText()).isEqualTo(LENDER);
        assertThat(choices.get(0).get("label").asText())
            .isEqualTo("Smørum Bibliotek, Egedal Bibliotekerne (" + LENDER + ") · ikke med: For nyt efter långivernes grænser");

        var other = completeInTasklist("{\"manualAction\": {\"value\": \"SEND\"}, \"lenderBranchId\": {\"value\": \"" + LENDER + "\"}, "
            + "\"otherLenderBranchId\": {\"value\": \"123456\"}}");
        assertThat(other.statusCode()).as("another branch, typed, goes before the choice").isEqualTo(400);
        assertThat(other.body()).contains("123456");
        assertThat(completeInTasklist("{\"manualAction\": {\"value\": \"SEND\"}, \"lenderBranchId\": {\"value\": \"" + LENDER + "\"}, "
            + "\"otherLenderBranchId\": {\"value\": \"\"}}").statusCode()).isEqualTo(204);
        runJobs();
        assertThat(orders.order(orderId).lenderBranchId()).isEqualTo(LENDER);
        assertThat(orders.order(orderId).status()).isEqualTo(OrderStatus.SENT_TO_LENDER);
    }

    @Test
    void aLongQueueIsShownFiftyOrdersAPageKeepingTheFilterAndTheSort() throws Exception {
        String library = "715500";
        participates(library, 0, 0);
        String pid = record("work-" + unique("long"), today().minusDays(400));
        for (int i = 0; i < ManualQueuePage.PAGE_SIZE + 1; i++) {
            placeOrder(Map.of("pickupBranchId", library, "patronId", patron(library), "pids", List.of(pid),
                "needBeforeDate", today().plusDays(30 + i).toString(), "orderSystem", "bibliotekdk"));
        }
        runJobs();
        MockHttpSession session = login(library);
        String first = page(session, "/arbejdsbord/manuel-koe?aarsag=no_provider&sortering=alder", 200);
        assertThat(first.split("data-order-id=", -1)).hasSize(ManualQueuePage.PAGE_SIZE + 1);
        assertThat(first).contains("Side 1 af 2", "Viser 50 af 51 bestillinger",
            "href=\"/arbejdsbord/manuel-koe?aarsag=no_provider&amp;soeg=&amp;sortering=alder&amp;side=2\"").doesNotContain("Forrige side");
        String second = page(session, "/arbejdsbord/manuel-koe?aarsag=no_provider&sortering=alder&side=2", 200);
        assertThat(second.split("data-order-id=", -1)).hasSize(2);
        assertThat(second).contains("Side 2 af 2", "Forrige side").doesNotContain("Næste side");
        assertThat(page(session, "/arbejdsbord/manuel-koe?side=99", 200)).contains("Side 2 af 2");
        assertThat(page(session, "/arbejdsbord/manuel-koe?side=første", 200)).contains("Side 1 af 2");
    }

    @Test
    void theLenderRecallsWhatItLentAndOnlyItsOwnStaffMay() throws Exception {
        MockHttpSession lender = requestAtTheLender();
        answer(lender, 302, "svar", "Loaned", "dato", today().plusDays(40).toString(), "vare", "E-9");
        runJobs();
        assertThat(orders.order(orderId).status()).isEqualTo(OrderStatus.SHIPPED);
        assertThat(page(lender, "/arbejdsbord/anmodninger", 200)).contains("Udlånt til andre biblioteker", "Kald tilbage", "E-9")
            .doesNotContain("Kvittér for modtagelsen");

        String step = "/arbejdsbord/anmodninger/" + orderId + "/udlaan/";
        mvc.perform(post(step + "kald-tilbage").session(login(OTHER)).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(post(step + "glemt").session(lender).with(csrf())).andExpect(status().isNotFound());
        assertThat(orders.history(orderId)).extracting(e -> e.event()).doesNotContain("RECALLED");
        mvc.perform(post(step + "kald-tilbage").session(lender).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(orders.history(orderId)).extracting(e -> e.event()).contains("RECALLED");
        assertThat(orders.order(orderId).dueDate()).isBefore(today().plusDays(40));
        // it is not back yet: confirming it is a message, and nothing changes
        String early = mvc.perform(post(step + "modtaget").session(lender).with(csrf())).andExpect(status().is(422))
            .andReturn().getResponse().getContentAsString();
        assertThat(early).contains("id=\"fejl-" + orderId + "\"");
        assertThat(orders.order(orderId).status()).isEqualTo(OrderStatus.SHIPPED);
    }

    @Test
    void theLenderSeesTheNoticeThatTheOrderNoLongerNeedsItsItemAndConfirmsIt() throws Exception {
        MockHttpSession lender = requestAtTheLender();
        answer(lender, 302, "svar", "WillSupply");
        runJobs();
        asStaff(BORROWER, postJson("/api/orders/" + orderId + "/requester-messages", Map.of("action", "Cancel", "note", "Fortrudt")))
            .andExpect(status().isOk());
        runJobs();
        String requests = page(lender, "/arbejdsbord/anmodninger", 200);
        assertThat(requests).contains("Beskeder", "Låneren har annulleret bestillingen. Ophæv reservationen, og send ikke materialet.");
        String noticeId = requests.replaceAll("(?s).*/arbejdsbord/anmodninger/beskeder/([^/]+)/kvitter.*", "$1");

        // another library cannot confirm it
        mvc.perform(post("/arbejdsbord/anmodninger/beskeder/" + noticeId + "/kvitter").session(login(OTHER)).with(csrf()))
            .andExpect(status().isNotFound());
        assertThat(page(lender, "/arbejdsbord/anmodninger", 200)).contains("/beskeder/" + noticeId + "/kvitter");
        mvc.perform(post("/arbejdsbord/anmodninger/beskeder/" + noticeId + "/kvitter").session(lender).with(csrf()))
            .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("done", "Beskeden er kvitteret."));
        assertThat(page(lender, "/arbejdsbord/anmodninger", 200)).doesNotContain("/beskeder/" + noticeId + "/kvitter");
        assertThat(engine.getTaskService().createTaskQuery().taskId(noticeId).count()).isZero();
        mvc.perform(post("/arbejdsbord/anmodninger/beskeder/" + noticeId + "/kvitter").session(lender).with(csrf()))
            .andExpect(status().isNotFound());
    }

    @Test
    void theFrameCountsWhatWaitsAndFindsAnOrderByItsNumber() throws Exception {
        MockHttpSession session = login(BORROWER);
        String queue = page(session, "/arbejdsbord/manuel-koe", 200);
        assertThat(queue).contains("<span>Manuel kø</span><span class=\"count\">" + orders.count(BORROWER, null, dk.fjernlaan.order.ManualQueue.WAITING) + "</span>",
            "<span>Skranken</span><span class=\"count\">" + orders.count(BORROWER, null, DeskPage.AT_THE_DESK) + "</span>");
        assertThat(orders.count(BORROWER, null, dk.fjernlaan.order.ManualQueue.WAITING)).isPositive();

        mvc.perform(get("/arbejdsbord/bestillinger").param("nr", " " + orderId + " ").session(session))
            .andExpect(redirectedUrl("/arbejdsbord/bestillinger/" + orderId));
        assertThat(mvc.perform(get("/arbejdsbord/bestillinger").param("nr", "Kongens fald").session(session))
            .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString()).contains("Ikke fundet");
        // another library's order: the number leads to "not found"
        mvc.perform(get("/arbejdsbord/bestillinger").param("nr", String.valueOf(orderId)).session(login(OTHER)))
            .andExpect(redirectedUrl("/arbejdsbord/bestillinger/" + orderId));
        assertThat(page(login(OTHER), "/arbejdsbord/bestillinger/" + orderId, 404)).contains("Ikke fundet");
    }

    @Test
    void theBranchTypeAheadFindsBranchesByName() throws Exception {
        MockHttpSession session = login(BORROWER);
        assertThat(page(session, "/arbejdsbord/filialer?filial=smørum", 200)).contains("Smørum Bibliotek, Egedal Bibliotekerne (724000)");
    }

    @Test
    void theWorkbenchSpeaksEnglishToAnEnglishBrowser() throws Exception {
        MockHttpSession session = login(BORROWER);
        String queue = mvc.perform(get("/arbejdsbord/manuel-koe").session(session).header("Accept-Language", "en"))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(queue).contains("Manual queue", "Too new for the lenders&#39; thresholds");
    }
}

package dk.fjernlaan.automation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dk.fjernlaan.process.ProcessModel;
import dk.fjernlaan.support.IntegrationTest;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The scenarios and questions of the seed webinar on automated ILL, through the real application: settings
 * over the API, records and holdings over the API, an order over the API, the decision by the engine.
 *
 * <p>The borrower is Silkeborg (774000), in Herning's central-library area; the lenders are Viborg (779100),
 * Ikast-Brande (775600) and Holstebro (766100) in the same area, Herning itself (765700, central library) and
 * Ballerup (715100) in Gentofte's area. Each test sets the settings it relies on.
 */
class AutomationScenariosTest extends IntegrationTest {

    static final String BORROWER = "774000";
    static final String VIBORG = "779100";
    static final String IKAST = "775600";
    static final String HOLSTEBRO = "766100";
    static final String HERNING = "765700";
    static final String BALLERUP = "715100";

    @Autowired TaskService tasks;

    private String patron;

    @BeforeEach
    void borrowerAndLenders() throws Exception {
        patron = patron(BORROWER);
        participates(BORROWER, 90, 90);
        for (String lender : List.of(VIBORG, IKAST, HOLSTEBRO, HERNING, BALLERUP)) {
            participates(lender, 0, 0);
        }
    }

    // -- helpers ----------------------------------------------------------------------------------

    private String book(long ageDays) throws Exception {
        return record("work-" + unique("a"), today().minusDays(ageDays));
    }

    private static Map<String, Object> shelf() {
        return Map.of("status", "OnShelf");
    }

    private Map<String, Object> loan(int dueInDays) {
        return Map.of("status", "OnLoan", "dueDate", today().plusDays(dueInDays).toString());
    }

    private JsonNode orderFor(String pid, Map<String, Object> extra) throws Exception {
        Map<String, Object> request = new HashMap<>(Map.of("pickupBranchId", BORROWER, "patronId", patron, "pids", List.of(pid),
            "orderSystem", "bibliotekdk"));
        request.putAll(extra);
        String orderId = placeOrder(request).get("orderId").asText();
        runJobs();
        return order(orderId);
    }

    private JsonNode orderFor(String pid) throws Exception {
        return orderFor(pid, Map.of());
    }

    private static String reason(JsonNode order) {
        return order.get("automation").get("reason").asText();
    }

    private static JsonNode candidate(JsonNode order, String branchId) {
        for (JsonNode c : order.get("automation").get("candidates")) {
            if (c.get("branchId").asText().equals(branchId)) {
                return c;
            }
        }
        throw new AssertionError("no candidate " + branchId + " in " + order.get("automation"));
    }

    private void assertAutomatedTo(JsonNode order, String branchId) {
        assertThat(order.get("automation").get("result").asText()).as(order.get("automation").toString()).isEqualTo("automated");
        assertThat(reason(order)).isEqualTo(Reason.DELIVERY_BEFORE_DEADLINE);
        assertThat(order.get("status").asText()).isEqualTo("SENT_TO_LENDER");
        assertThat(order.get("lender").get("branchId").asText()).isEqualTo(branchId);
        assertThat(order.get("statusText").asText()).contains("automatiseret");
    }

    private void assertManual(JsonNode order, String reason) {
        assertThat(order.get("automation").get("result").asText()).as(order.get("automation").toString()).isEqualTo("non_automated");
        assertThat(reason(order)).isEqualTo(reason);
        assertThat(order.get("status").asText()).isEqualTo("AWAITING_MANUAL");
        assertThat(order.get("statusText").asText()).doesNotContain("automatiseret");
        assertThat(order.has("lender")).isFalse();
    }

    private void assertLocal(JsonNode order, String reason) {
        assertThat(order.get("automation").get("result").asText()).as(order.get("automation").toString()).isEqualTo("non_automated");
        assertThat(reason(order)).isEqualTo(reason);
        assertThat(order.get("automation").get("own").asBoolean()).isTrue();
        assertThat(order.get("status").asText()).isEqualTo("LOCAL_RESERVATION");
        assertThat(order.has("lender")).isFalse();
    }

    // -- the webinar's scenarios ------------------------------------------------------------------

    @Test
    void scenario1_aBookOf180DaysFromAnOnlyLenderAt365DaysLandsInTheBorrowersManualQueue() throws Exception {
        participates(VIBORG, 0, 365);
        String pid = book(180);
        items(pid, VIBORG, List.of(shelf()));
        JsonNode order = orderFor(pid);
        assertManual(order, Reason.NEW_FOR_RESPONDER);
        assertThat(candidate(order, VIBORG).get("excludedBecause").asText()).isEqualTo("new_for_responder");
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(order.get("orderId").asText()).taskCandidateGroup(BORROWER).count())
            .as("a manual BOB order in the borrower's queue").isEqualTo(1);
    }

    @Test
    void scenario2_ownMaterialAllowedGoesToALenderWithItOnTheShelf() throws Exception {
        automation(BORROWER, "YES", 90, "ALL", true, "YES", 1, true, 90);
        String pid = book(400);
        items(pid, BORROWER, List.of(loan(30)));     // own copy not back within 14 days
        items(pid, IKAST, List.of(loan(2)));         // earlier in the route, but only on loan
        items(pid, VIBORG, List.of(shelf()));
        JsonNode order = orderFor(pid);
        assertAutomatedTo(order, VIBORG);
        assertThat(order.get("automation").get("own").asBoolean()).isTrue();
        assertThat(candidate(order, IKAST).get("excludedBecause").asText()).isEqualTo("not_on_shelf");
    }

    @Test
    void scenario2_ownCopyExpectedBackWithin14DaysKeepsThePatronAtHome() throws Exception {
        automation(BORROWER, "YES", 90, "ALL", true, "YES", 1, true, 90);
        String pid = book(400);
        items(pid, BORROWER, List.of(loan(14)));
        items(pid, VIBORG, List.of(shelf()));
        JsonNode order = orderFor(pid);
        assertLocal(order, Reason.NOT_POSSIBLE);
        assertThat(order.get("automation").get("explanation").asText()).contains(today().plusDays(14).toString());
    }

    @Test
    void scenario2_ownMaterialYoungerThanTheProfilesAgeIsNotAutomated() throws Exception {
        automation(BORROWER, "YES", 90, "ALL", true, "YES", 1, true, 90);
        String pid = book(300);
        items(pid, BORROWER, List.of(loan(60)));
        items(pid, VIBORG, List.of(shelf()));
        assertLocal(orderFor(pid), Reason.NEW_FOR_AUT_OWN);
    }

    @Test
    void scenario2_theResearchProfileHasNoAgeRuleAndTenDays() throws Exception {
        automation(BORROWER, "YES", 0, "ALL", true, "YES", 2, true, 0);
        String pid = book(5);
        items(pid, BORROWER, List.of(loan(11)));
        items(pid, VIBORG, List.of(shelf()));
        assertAutomatedTo(orderFor(pid), VIBORG);
        String other = book(5);
        items(other, BORROWER, List.of(loan(10)));
        items(other, VIBORG, List.of(shelf()));
        assertLocal(orderFor(other), Reason.NOT_POSSIBLE);
    }

    // -- a library's questions ------------------------------------------------------------------

    @Test
    void libraryQuestion1_theNinetyDaysCountFromTheRecordsCreationDate() throws Exception {
        participates(VIBORG, 0, 90);
        // the book trade date does not matter: the record was registered 89 days ago
        String young = record(uniquePid(), "work-" + unique("q"), today().minusDays(89), Map.of("bkmWeek", "BKM202301"));
        items(young, VIBORG, List.of(shelf()));
        participates(BORROWER, 0, 0);
        JsonNode notYet = orderFor(young);
        assertManual(notYet, Reason.NEW_FOR_RESPONDER);
        assertThat(notYet.get("automation").get("explanation").asText()).contains(today().minusDays(89).toString(), "89 dage");

        String old = book(90);
        items(old, VIBORG, List.of(shelf()));
        assertAutomatedTo(orderFor(old), VIBORG);
    }

    @Test
    void libraryQuestion2_theLendersNinetyDaysAreRespectedWhenTheBorrowerAllowsThirty() throws Exception {
        participates(BORROWER, 30, 0);
        participates(VIBORG, 0, 90);
        String pid = book(45);
        items(pid, VIBORG, List.of(shelf()));
        JsonNode order = orderFor(pid);
        assertManual(order, Reason.NEW_FOR_RESPONDER);
    }

    @Test
    void libraryQuestion3_thresholdsVaryBetweenLibrariesAsPublished() throws Exception {
        // the seeded service declarations: no consensus, from 0 to 1200 days as lender
        JsonNode aub = body(asAdmin(getJson("/api/libraries/820050/automation")));
        JsonNode danishBooks = aub.get("materialTypes").get(0);
        assertThat(danishBooks.get("materialType").asInt()).isEqualTo(1);
        assertThat(danishBooks.get("lender").get("minAgeDays").asInt()).isEqualTo(90);
        assertThat(danishBooks.get("borrower").get("minAgeDays").asInt()).isEqualTo(90);
        assertThat(danishBooks.get("borrower").get("ownMaterial").asText()).isEqualTo("NO");
        JsonNode ucn = body(asAdmin(getJson("/api/libraries/830380/automation"))).get("materialTypes").get(0);
        assertThat(ucn.get("lender").get("willReceive").asBoolean()).as("UCN does not lend automatically").isFalse();
        JsonNode herning = body(asAdmin(getJson("/api/libraries/765700/automation"))).get("materialTypes").get(0);
        assertThat(herning.get("borrower").get("minAgeDays").asInt()).isGreaterThanOrEqualTo(0);
    }

    // -- questions about automated ILL ----------------------------------------------------------

    @Test
    void question1_anAutomatedOrderSaysAutomatiseretInItsStatus() throws Exception {
        String pid = book(200);
        items(pid, VIBORG, List.of(shelf()));
        JsonNode automated = orderFor(pid);
        assertThat(automated.get("statusText").asText()).isEqualTo("Sendt til långiver (automatiseret)");
        String nobody = book(200);
        assertThat(orderFor(nobody).get("statusText").asText()).doesNotContain("automatiseret");
    }

    @Test
    void question2_theExplanationNamesTheRecordDateAndTheThresholdsApplied() throws Exception {
        participates(BORROWER, 60, 0);
        participates(VIBORG, 0, 120);
        String pid = book(150);
        items(pid, VIBORG, List.of(shelf()));
        JsonNode order = orderFor(pid);
        String explanation = order.get("automation").get("explanation").asText();
        assertThat(explanation).contains(today().minusDays(150).toString(), "150 dage", "60 dage", "120 dage", VIBORG);
        assertThat(order.get("automation").get("decisionVersion").asInt()).isPositive();
    }

    @Test
    void question3_anEditionTheLibraryDoesNotHoldBecomesAnIllOrder() throws Exception {
        automation(BORROWER, "YES", 90, "ALL", true, "NO", 1, true, 90);
        String work = "work-" + unique("ed");
        String ownEdition = record(uniquePid(), work, today().minusYears(5), Map.of("edition", "1. udgave"));
        String otherEdition = record(uniquePid(), work, today().minusYears(1), Map.of("edition", "2. udgave"));
        items(ownEdition, BORROWER, List.of(shelf()));
        items(otherEdition, VIBORG, List.of(shelf()));
        // the patron hit the 2nd edition in Bibliotek.dk and wants exactly that one
        JsonNode order = orderFor(otherEdition, Map.of("exactEdition", true));
        assertAutomatedTo(order, VIBORG);
        assertThat(order.get("automation").get("own").asBoolean()).isFalse();
    }

    @Test
    void question4_ownMaterialGoesToTheFirstAvailableEditionEvenAnOlderOne() throws Exception {
        automation(BORROWER, "YES", 90, "ALL", true, "YES", 1, true, 90);
        String work = "work-" + unique("ed");
        String older = record(uniquePid(), work, today().minusYears(6), Map.of("edition", "1. udgave"));
        String newer = record(uniquePid(), work, today().minusYears(2), Map.of("edition", "3. udgave"));
        items(newer, BORROWER, List.of(loan(40)));
        items(newer, IKAST, List.of(loan(3)));
        items(older, VIBORG, List.of(shelf()));
        JsonNode order = orderFor(newer);
        assertAutomatedTo(order, VIBORG);
        assertThat(order.get("automation").get("own").asBoolean()).isTrue();
    }

    @Test
    void question4_whyAnIllOfAnOlderEdition_theLenderIsAskedForTheEditionItHoldsAndTheOrderSaysSo() throws Exception {
        String work = "work-" + unique("ed");
        String older = record(uniquePid(), work, today().minusYears(6), Map.of("edition", "1. udgave"));
        String newer = record(uniquePid(), work, today().minusYears(2), Map.of("edition", "3. udgave"));
        items(older, VIBORG, List.of(shelf()));
        // the patron found the work through its newest edition; only the old one is on a shelf
        Map<String, Object> request = new HashMap<>(Map.of("pickupBranchId", BORROWER, "patronId", patron, "pids", List.of(newer, older),
            "orderSystem", "bibliotekdk"));
        String orderId = placeOrder(request).get("orderId").asText();
        runJobs();
        JsonNode order = order(orderId);
        assertAutomatedTo(order, VIBORG);
        assertThat(order.get("orderedPid").asText()).isEqualTo(newer);
        assertThat(order.get("lender").get("pid").asText()).isEqualTo(older);
        assertThat(order.get("lenderAttempts").get(0).get("pid").asText()).isEqualTo(older);
        assertThat(candidate(order, VIBORG).get("pid").asText()).isEqualTo(older);
        assertThat(order.get("automation").get("explanation").asText()).contains("Långiver har udgaven " + older + ", ikke den bestilte " + newer);
        // and the lender sees which edition to pull
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(orderId).taskCandidateGroup(VIBORG).singleResult().getName())
            .startsWith("Besvar fjernlånsanmodning " + orderId);
        String summary = (String) engine.getRuntimeService().createVariableInstanceQuery().variableName("orderSummary")
            .processInstanceIdIn(tasks.createTaskQuery().processInstanceBusinessKey(orderId).singleResult().getProcessInstanceId())
            .singleResult().getValue();
        assertThat(summary).contains("1. udgave, " + older);
    }

    // -- the patron's question --------------------------------------------------------------------

    @Test
    void houseOfSkyAndBreath_withoutOwnMaterialThePatronIsQueuedAtHome() throws Exception {
        automation(BORROWER, "YES", 90, "ALL", true, "NO", 1, true, 90);
        String pid = record(uniquePid(), "work-" + unique("hosab"), today().minusYears(3), Map.of("firstEdition", true));
        items(pid, BORROWER, List.of(loan(20), loan(35), loan(50))); // three patrons ahead at home
        items(pid, VIBORG, List.of(shelf()));
        items(pid, IKAST, List.of(shelf()));
        items(pid, HOLSTEBRO, List.of(shelf()));
        JsonNode order = orderFor(pid);
        assertLocal(order, Reason.NOT_POSSIBLE);
        assertThat(order.get("automation").get("explanation").asText()).contains("tillader ikke automatisk fjernlån af eget materiale");
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(order.get("orderId").asText()).taskDefinitionKey(ProcessModel.RESERVE_LOCALLY)
            .taskCandidateGroup(BORROWER).count()).isEqualTo(1);
    }

    // -- overbygning ------------------------------------------------------------------------------

    @Test
    void overbygning_newForeignMaterialGoesAutomatedToACentralLibrary() throws Exception {
        participates(BORROWER, 365, 0);
        participates(HERNING, 0, 365);
        String pid = record(uniquePid(), "work-" + unique("ove"), today().minusDays(10), Map.of("overbygning", true));
        items(pid, VIBORG, List.of(shelf()));
        items(pid, HERNING, List.of(shelf()));
        JsonNode order = orderFor(pid, Map.of("orderSystem", "localcatalog"));
        assertAutomatedTo(order, HERNING);
        assertThat(candidate(order, VIBORG).get("excludedBecause").asText()).isEqualTo(Reason.OVERBYGNING_CENTRAL_ONLY);
    }

    // -- choice -----------------------------------------------------------------------------------

    @Test
    void theEarliestAvailabilityWinsOverThePlaceInTheRoute() throws Exception {
        String pid = book(200);
        items(pid, HOLSTEBRO, List.of(loan(5)));
        items(pid, VIBORG, List.of(shelf()));
        JsonNode order = orderFor(pid);
        assertAutomatedTo(order, VIBORG);
        assertThat(candidate(order, HOLSTEBRO).get("availabilityDate").asText()).isEqualTo(today().plusDays(5).toString());
        assertThat(candidate(order, HOLSTEBRO).get("routePosition").asInt()).isLessThan(candidate(order, VIBORG).get("routePosition").asInt());
    }

    @Test
    void onEqualDatesTheBorrowersLendingRouteDecidesAndTheLibraryCanReorderIt() throws Exception {
        String pid = book(200);
        items(pid, IKAST, List.of(shelf()));
        items(pid, VIBORG, List.of(shelf()));
        assertAutomatedTo(orderFor(pid), IKAST);

        JsonNode route = body(asAdmin(getJson("/api/libraries/" + BORROWER + "/lending-route")));
        List<String> ids = new ArrayList<>();
        route.get("agencyIds").forEach(n -> ids.add(n.asText()));
        try {
            List<String> reordered = new ArrayList<>(ids);
            reordered.remove(VIBORG);
            reordered.add(1, VIBORG);
            asStaff(BORROWER, putJson("/api/libraries/" + BORROWER + "/lending-route", Map.of("agencyIds", reordered)));
            String again = book(200);
            items(again, IKAST, List.of(shelf()));
            items(again, VIBORG, List.of(shelf()));
            JsonNode order = orderFor(again);
            assertAutomatedTo(order, VIBORG);
            assertThat(candidate(order, VIBORG).get("routePosition").asInt()).isEqualTo(2);
        } finally {
            asAdmin(putJson("/api/libraries/" + BORROWER + "/lending-route", Map.of("agencyIds", ids)));
        }
    }

    @Test
    void aHoldOnALoanedCopyCountsFromItsDueDateWhenTheBorrowerAllowsIt() throws Exception {
        String pid = book(200);
        items(pid, VIBORG, List.of(loan(7)));
        JsonNode order = orderFor(pid);
        assertAutomatedTo(order, VIBORG);
        assertThat(candidate(order, VIBORG).get("availabilityDate").asText()).isEqualTo(today().plusDays(7).toString());
    }

    @Test
    void closedLendersAndLendersTheBorrowerDoesNotUseAreLeftOut() throws Exception {
        automation(BORROWER, "YES", 90, List.of(IKAST, HOLSTEBRO), true, "NO", 1, true, 90);
        String pid = book(200);
        items(pid, VIBORG, List.of(shelf()));
        items(pid, IKAST, List.of(shelf()));
        items(pid, HOLSTEBRO, List.of(loan(3)));
        JsonNode closure = body(asAdmin(postJson("/api/libraries/" + IKAST + "/closures", Map.of("scope", "ILL",
            "from", today().toString(), "to", today().plusDays(5).toString(), "reason", "Flytter", "branchIds", List.of(IKAST)))));
        try {
            JsonNode order = orderFor(pid);
            assertAutomatedTo(order, HOLSTEBRO);
            assertThat(candidate(order, VIBORG).get("excludedBecause").asText()).isEqualTo(Reason.NOT_ALLOWED_BY_BORROWER);
            assertThat(candidate(order, IKAST).get("excludedBecause").asText()).isEqualTo(Reason.CLOSED_FOR_ILL);
        } finally {
            asAdmin(deleteJson("/api/closures/" + closure.get("closureId").asLong()));
        }
    }

    // -- one test per reason code ----------------------------------------------------------------

    @Test
    void reason_delivery_before_deadline() throws Exception {
        String pid = book(200);
        items(pid, BALLERUP, List.of(shelf()));
        JsonNode order = orderFor(pid);
        assertAutomatedTo(order, BALLERUP);
        assertThat(order.get("automation").get("explanation").asText()).contains("Valgt långiver", BALLERUP);
    }

    @Test
    void reason_new_for_requester() throws Exception {
        participates(BORROWER, 90, 0);
        String pid = book(30);
        items(pid, VIBORG, List.of(shelf()));
        JsonNode order = orderFor(pid);
        assertManual(order, Reason.NEW_FOR_REQUESTER);
        assertThat(order.get("automation").get("candidates")).as("checked before any lender").isEmpty();
    }

    @Test
    void reason_new_for_aut_own() throws Exception {
        automation(BORROWER, "YES", 0, "ALL", true, "YES", 1, true, 0);
        String pid = book(100);
        items(pid, BORROWER, List.of(loan(40)));
        items(pid, VIBORG, List.of(shelf()));
        assertLocal(orderFor(pid), Reason.NEW_FOR_AUT_OWN);
    }

    @Test
    void reason_test() throws Exception {
        automation(BORROWER, "TEST", 90, "ALL", true, "NO", 1, true, 90);
        String pid = book(200);
        items(pid, VIBORG, List.of(shelf()));
        JsonNode order = orderFor(pid);
        assertManual(order, Reason.TEST);
        assertThat(order.get("automation").get("note").asText()).contains("ville være gået til bibliotek " + VIBORG);
    }

    @Test
    void reason_test_aut_own() throws Exception {
        automation(BORROWER, "YES", 90, "ALL", true, "TEST", 1, true, 90);
        String pid = book(400);
        items(pid, BORROWER, List.of(loan(40)));
        items(pid, VIBORG, List.of(shelf()));
        JsonNode order = orderFor(pid);
        assertLocal(order, Reason.TEST_AUT_OWN);
        assertThat(order.get("automation").get("note").asText()).contains(VIBORG);
    }

    @Test
    void reason_not_possible_forOrdersOfAKindThatIsNotAutomated() throws Exception {
        String pid = book(200);
        items(pid, VIBORG, List.of(shelf()));
        assertManual(orderFor(pid, Map.of("orderSystem", "localcatalog")), Reason.NOT_POSSIBLE);
        JsonNode staffChosen = orderFor(pid, Map.of("orderSystem", "netpunkt", "responderId", IKAST));
        assertThat(reason(staffChosen)).isEqualTo(Reason.NOT_POSSIBLE);
        assertThat(staffChosen.get("automation").get("result").asText()).isEqualTo("non_automated");
        assertThat(staffChosen.get("status").asText()).isEqualTo("SENT_TO_LENDER");
        assertThat(staffChosen.get("lender").get("branchId").asText()).isEqualTo(IKAST);
        automation(BORROWER, "NO", 90, "ALL", true, "NO", 1, true, 90);
        assertManual(orderFor(pid), Reason.NOT_POSSIBLE);
    }

    @Test
    void reason_user_date_exceeded() throws Exception {
        String pid = book(200);
        items(pid, VIBORG, List.of(loan(40)));
        JsonNode order = orderFor(pid, Map.of("needBeforeDate", today().plusDays(20).toString()));
        assertManual(order, Reason.USER_DATE_EXCEEDED);
        assertThat(candidate(order, VIBORG).get("availabilityDate").asText()).isEqualTo(today().plusDays(40).toString());
    }

    @Test
    void reason_new_for_responder() throws Exception {
        participates(VIBORG, 0, 365);
        participates(IKAST, 0, 400);
        String pid = book(300);
        items(pid, VIBORG, List.of(shelf()));
        items(pid, IKAST, List.of(shelf()));
        assertManual(orderFor(pid), Reason.NEW_FOR_RESPONDER);
    }

    @Test
    void reason_not_on_shelf() throws Exception {
        automation(BORROWER, "YES", 90, "ALL", false, "NO", 1, true, 90);
        String pid = book(200);
        items(pid, VIBORG, List.of(loan(3)));
        assertManual(orderFor(pid), Reason.NOT_ON_SHELF);
    }

    @Test
    void reason_not_for_loan() throws Exception {
        String pid = book(200);
        items(pid, VIBORG, List.of(Map.of("status", "OnShelf", "loanableForIll", false)));
        items(pid, IKAST, List.of(Map.of("status", "NotForLoan")));
        assertManual(orderFor(pid), Reason.NOT_FOR_LOAN);
    }

    @Test
    void reason_no_delivery_date() throws Exception {
        String pid = book(200);
        items(pid, VIBORG, List.of(Map.of("status", "OnOrder")));
        items(pid, IKAST, List.of(Map.of("status", "Lost")));
        assertManual(orderFor(pid), Reason.NO_DELIVERY_DATE);
    }

    @Test
    void reason_no_provider() throws Exception {
        String pid = book(200);
        assertManual(orderFor(pid), Reason.NO_PROVIDER);
        automation(VIBORG, "YES", 0, "ALL", true, "NO", 1, false, null);
        items(pid, VIBORG, List.of(shelf()));
        JsonNode order = orderFor(pid);
        assertManual(order, Reason.NO_PROVIDER);
        assertThat(candidate(order, VIBORG).get("excludedBecause").asText()).isEqualTo(Reason.NOT_PARTICIPATING);
    }

    @Test
    void whenHoldersFailForDifferentReasonsTheFirstThatTellsStaffWhatToChangeIsGiven() throws Exception {
        automation(BORROWER, "YES", 90, "ALL", false, "NO", 1, true, 90);
        participates(IKAST, 0, 365);
        String pid = book(200);
        items(pid, VIBORG, List.of(loan(3)));          // not_on_shelf
        items(pid, IKAST, List.of(shelf()));           // new_for_responder
        items(pid, HOLSTEBRO, List.of(Map.of("status", "Lost"))); // no_delivery_date
        assertManual(orderFor(pid), Reason.NEW_FOR_RESPONDER);
    }

    @Test
    void newMaterialIsWarnedAboutWhenOrdered() throws Exception {
        participates(BORROWER, 90, 0);
        LocalDate lastWeek = today().minusWeeks(1);
        String bkm = String.format("BKM%d%02d", lastWeek.get(java.time.temporal.IsoFields.WEEK_BASED_YEAR),
            lastWeek.get(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        String pid = record(uniquePid(), "work-" + unique("new"), today().minusDays(20), Map.of("firstEdition", true, "bkmWeek", bkm));
        JsonNode placed = placeOrder(Map.of("pickupBranchId", BORROWER, "patronId", patron, "pids", List.of(pid), "orderSystem", "netpunkt"));
        List<String> codes = new ArrayList<>();
        placed.get("warnings").forEach(w -> codes.add(w.get("code").asText()));
        assertThat(codes).containsExactlyInAnyOrder("NEW_MATERIAL", "NEWER_THAN_OWN_RULE");
        assertThat(placed.get("warnings").toString()).contains("nyere end 90 dage");
        JsonNode english = body(asAdmin(getJson("/api/orders/" + placed.get("orderId").asText()).header("Accept-Language", "en")));
        assertThat(english.get("warnings").toString()).contains("newer than 90 days", "news period").doesNotContain("nyere");

        String old = book(200);
        JsonNode quiet = placeOrder(Map.of("pickupBranchId", BORROWER, "patronId", patron, "pids", List.of(old), "orderSystem", "netpunkt"));
        assertThat(quiet.get("warnings")).isEmpty();
    }
}

package dk.fjernlaan.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dk.fjernlaan.support.IntegrationTest;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The conversation with the lender (ISO 18626) through the REST API and Tasklist, on the real engine: every path
 * of {@code LenderConversation} and the expiry and cancellation of {@code IllOrder}. The borrower is Slagelse
 * (733000); the lenders Lolland (736000, first in its route) and Guldborgsund (737600).
 */
class LenderConversationTest extends IntegrationTest {

    static final String BORROWER = "733000";
    static final String FIRST = "736000";
    static final String SECOND = "737600";

    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired io.micrometer.core.instrument.MeterRegistry meters;

    private String patron;

    @BeforeEach
    void libraries() throws Exception {
        participates(BORROWER, 0, 0);
        participates(FIRST, 0, 0);
        participates(SECOND, 0, 0);
        patron = patron(BORROWER);
    }

    /** An automated order held on the shelf by the given lenders; answers its id once it is with the first lender. */
    private String orderFrom(Map<String, Object> extra, String... lenders) throws Exception {
        String pid = record("work-" + unique("c"), today().minusYears(1));
        for (String lender : lenders) {
            items(pid, lender, List.of(Map.of("status", "OnShelf")));
        }
        Map<String, Object> request = new HashMap<>(Map.of("pickupBranchId", BORROWER, "patronId", patron, "pids", List.of(pid),
            "orderSystem", "bibliotekdk"));
        request.putAll(extra);
        String orderId = placeOrder(request).get("orderId").asText();
        runJobs();
        return orderId;
    }

    private String orderFrom(String... lenders) throws Exception {
        return orderFrom(Map.of(), lenders);
    }

    private org.springframework.test.web.servlet.ResultActions answer(String lender, String orderId, Map<String, Object> message) throws Exception {
        return asStaff(lender, postJson("/api/orders/" + orderId + "/supplier-messages", message));
    }

    /** The lender's message, and the steps it starts (200 when the order is where it goes, 202 while it moves on). */
    private JsonNode answered(String lender, String orderId, Map<String, Object> message) throws Exception {
        JsonNode order = body(answer(lender, orderId, message).andExpect(status().is2xxSuccessful()));
        runJobs();
        return order;
    }

    private ProcessInstance illOrder(String orderId) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(ProcessModel.ILL_ORDER).processInstanceBusinessKey(orderId).singleResult();
    }

    private ProcessInstance conversation(String orderId) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(ProcessModel.LENDER_CONVERSATION).processInstanceBusinessKey(orderId).singleResult();
    }

    private List<Task> lenderTasks(String orderId) {
        return tasks.createTaskQuery().processInstanceBusinessKey(orderId).processDefinitionKey(ProcessModel.LENDER_CONVERSATION).list();
    }

    private static List<String> events(JsonNode order) {
        List<String> events = new ArrayList<>();
        order.get("history").forEach(h -> events.add(h.get("event").asText()));
        return events;
    }

    private static Map<String, Object> loaned(LocalDate due) {
        return Map.of("status", "Loaned", "dueDate", due.toString(), "itemId", "x1");
    }

    @Test
    void theRequestIsATaskInTheLendersQueue() throws Exception {
        String orderId = orderFrom(FIRST, SECOND);
        assertThat(order(orderId).get("status").asText()).isEqualTo("SENT_TO_LENDER");
        assertThat(conversation(orderId)).isWaitingAt(ProcessModel.ANSWER_REQUEST);
        List<Task> queue = tasks.createTaskQuery().taskCandidateGroup(FIRST).processInstanceBusinessKey(orderId).list();
        assertThat(queue).singleElement().satisfies(t -> assertThat(t.getName()).startsWith("Besvar fjernlånsanmodning " + orderId));
        assertThat(tasks.getVariable(queue.get(0).getId(), "borrowerLibrary")).as("the form names the borrower")
            .isEqualTo("Slagelse Biblioteker og Borgerservice (" + BORROWER + ")");
    }

    @Test
    void anAnswerThatTheOrderHasFullyTakenIs200() throws Exception {
        String orderId = orderFrom(FIRST);
        answer(FIRST, orderId, Map.of("status", "WillSupply")).andExpect(status().isOk())
            .andExpect(jsonPath("$.status").value("WILL_SUPPLY"));
    }

    @Test
    void willSupplyThenDispatched() throws Exception {
        String orderId = orderFrom(FIRST, SECOND);
        JsonNode willSupply = answered(FIRST, orderId, Map.of("status", "WillSupply"));
        assertThat(willSupply.get("status").asText()).isEqualTo("WILL_SUPPLY");
        assertThat(willSupply.get("statusText").asText()).isEqualTo("Långiver leverer (automatiseret)");
        assertThat(conversation(orderId)).isWaitingAt(ProcessModel.SHIP_ITEM);

        JsonNode shipped = answered(FIRST, orderId, loaned(today().plusDays(40)));
        assertThat(shipped.get("status").asText()).isEqualTo("SHIPPED");
        assertThat(shipped.get("lender").get("dueDate").asText()).isEqualTo(today().plusDays(40).toString());
        assertThat(illOrder(orderId)).hasPassed(ProcessModel.CONVERSATION, ProcessModel.ITEM_DISPATCHED).isWaitingAt(ProcessModel.DELIVERY_CALL);
        assertThat(lenderTasks(orderId)).isEmpty();
        assertThat(events(order(orderId))).containsSubsequence("SENT_TO_LENDER", "LENDER_WILL_SUPPLY", "LENDER_SHIPPED");
    }

    @Test
    void loanedStraightAwayEndsTheConversation() throws Exception {
        String orderId = orderFrom(FIRST);
        assertThat(answered(FIRST, orderId, loaned(today().plusDays(30))).get("status").asText()).isEqualTo("SHIPPED");
        assertThat(conversation(orderId)).isNull();
    }

    @Test
    void expectToSupplyWithinTheMarginThenDispatched() throws Exception {
        String orderId = orderFrom(FIRST, SECOND);
        JsonNode later = answered(FIRST, orderId, Map.of("status", "ExpectToSupply", "expectedDeliveryDate", today().plusDays(5).toString()));
        assertThat(later.get("status").asText()).isEqualTo("EXPECT_TO_SUPPLY");
        assertThat(later.get("lender").get("expectedDelivery").asText()).isEqualTo(today().plusDays(5).toString());
        assertThat(conversation(orderId)).hasPassed(ProcessModel.CHECK_EXPECTED_DATE).isWaitingAt(ProcessModel.SHIP_ITEM);
        assertThat(answered(FIRST, orderId, loaned(today().plusDays(45))).get("status").asText()).isEqualTo("SHIPPED");
    }

    @Test
    void aDateMuchLaterThanAnotherLenderCanDeliverReRoutesAndTellsTheFirstLender() throws Exception {
        String orderId = orderFrom(FIRST, SECOND);
        long decisionsBefore = rotaDecisions();
        answered(FIRST, orderId, Map.of("status", "ExpectToSupply", "expectedDeliveryDate", today().plusDays(20).toString()));
        assertThat(rotaDecisions() - decisionsBefore).as("decisions for the next lender: the one the date was weighed against").isEqualTo(1);
        JsonNode order = order(orderId);
        assertThat(order.get("status").asText()).isEqualTo("SENT_TO_LENDER");
        assertThat(order.get("lender").get("branchId").asText()).isEqualTo(SECOND);
        assertThat(order.get("lenderAttempts").get(0).get("outcome").asText()).isEqualTo("WITHDRAWN");
        assertThat(events(order)).containsSubsequence("LENDER_EXPECTS_TO_SUPPLY", "REQUEST_WITHDRAWN", "SENT_TO_LENDER");
        assertThat(tasks.createTaskQuery().taskCandidateGroup(FIRST).processDefinitionKey(ProcessModel.LENDER_CONVERSATION)
            .processInstanceBusinessKey(orderId).count()).isZero();
        assertThat(tasks.createTaskQuery().taskCandidateGroup(SECOND).processInstanceBusinessKey(orderId).count()).isEqualTo(1);
        // the first lender said it would supply later (and may hold the item for it): it is told
        Task notice = notice(FIRST, orderId);
        assertThat(notice.getName()).startsWith("Anmodning trukket tilbage " + orderId);
        assertThat(tasks.getVariable(notice.getId(), "noticeText").toString()).contains("Ophæv reservationen");
        tasks.complete(notice.getId());
        assertThat(tasks.createTaskQuery().taskCandidateGroup(FIRST).processInstanceBusinessKey(orderId).count()).isZero();
    }

    private long rotaDecisions() {
        return meters.find(dk.fjernlaan.automation.AutomationService.DECISIONS).tag("rota", "next").timers().stream()
            .mapToLong(io.micrometer.core.instrument.Timer::count).sum();
    }

    private Task notice(String lender, String orderId) {
        return tasks.createTaskQuery().taskCandidateGroup(lender).processDefinitionKey(ProcessModel.LENDER_NOTICE)
            .processInstanceBusinessKey(orderId).singleResult();
    }

    @Test
    void aLenderThatSaidYesIsToldWhenTheOrderIsCancelled() throws Exception {
        String orderId = orderFrom(FIRST);
        answered(FIRST, orderId, Map.of("status", "WillSupply"));
        asStaff(BORROWER, postJson("/api/orders/" + orderId + "/requester-messages", Map.of("action", "Cancel"))).andExpect(status().isOk());
        assertThat(lenderTasks(orderId)).isEmpty();
        assertThat(notice(FIRST, orderId).getName()).startsWith("Bestilling annulleret " + orderId);
        // a lender that had not answered yet loses the request from its queue, with no notice
        String unanswered = orderFrom(FIRST);
        asStaff(BORROWER, postJson("/api/orders/" + unanswered + "/requester-messages", Map.of("action", "Cancel"))).andExpect(status().isOk());
        assertThat(notice(FIRST, unanswered)).isNull();
    }

    @Test
    void aDateAfterTheNeedBeforeDateReRoutes() throws Exception {
        String orderId = orderFrom(Map.of("needBeforeDate", today().plusDays(10).toString()), FIRST, SECOND);
        answered(FIRST, orderId, Map.of("status", "ExpectToSupply", "expectedDeliveryDate", today().plusDays(12).toString()));
        assertThat(order(orderId).get("lender").get("branchId").asText()).isEqualTo(SECOND);
    }

    @Test
    void unfilledSendsTheRequestToTheNextCandidate() throws Exception {
        String orderId = orderFrom(FIRST, SECOND);
        // the next lender is looked for in the background: the answer says so (202) and where to read the order
        answer(FIRST, orderId, Map.of("status", "Unfilled", "reason", "Bortkommet")).andExpect(status().isAccepted())
            .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header().string("Location", "/api/orders/" + orderId))
            .andExpect(jsonPath("$.lenderAttempts[0].outcome").value("UNFILLED"));
        runJobs();
        JsonNode order = order(orderId);
        assertThat(order.get("status").asText()).isEqualTo("SENT_TO_LENDER");
        assertThat(order.get("lender").get("branchId").asText()).isEqualTo(SECOND);
        assertThat(order.get("lenderAttempts")).hasSize(2);
        assertThat(order.get("lenderAttempts").get(0).get("outcome").asText()).isEqualTo("UNFILLED");
        assertThat(order.get("lenderAttempts").get(0).get("reason").asText()).isEqualTo("Bortkommet");
        assertThat(conversation(orderId)).hasPassed(ProcessModel.FIND_NEXT_LENDER).isWaitingAt(ProcessModel.ANSWER_REQUEST);
    }

    @Test
    void theNextCandidateIsCheckedAgainWhenItIsAsked() throws Exception {
        String orderId = orderFrom(FIRST, SECOND);
        // meanwhile the second lender closes for ILL: it no longer qualifies
        JsonNode closure = body(asAdmin(postJson("/api/libraries/" + SECOND + "/closures", Map.of("scope", "ILL",
            "from", today().toString(), "to", today().plusDays(3).toString(), "reason", "Lukket", "branchIds", List.of(SECOND)))));
        try {
            answered(FIRST, orderId, Map.of("status", "Unfilled"));
            JsonNode order = order(orderId);
            assertThat(order.get("status").asText()).isEqualTo("AWAITING_MANUAL");
            assertThat(events(order)).contains("ROTA_EXHAUSTED");
        } finally {
            asAdmin(deleteJson("/api/closures/" + closure.get("closureId").asLong()));
        }
    }

    @Test
    void theEndOfTheRotaReturnsTheOrderToTheManualQueue() throws Exception {
        String orderId = orderFrom(FIRST);
        answered(FIRST, orderId, Map.of("status", "RetryPossible", "reason", "Måske i næste måned"));
        JsonNode order = order(orderId);
        assertThat(order.get("status").asText()).isEqualTo("AWAITING_MANUAL");
        assertThat(order.get("history").get(order.get("history").size() - 1).get("detail").asText()).contains(FIRST, "RETRY_POSSIBLE");
        assertThat(illOrder(orderId)).hasPassed(ProcessModel.RETURN_TO_MANUAL).isWaitingAt(ProcessModel.HANDLE_MANUALLY);
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(orderId).taskCandidateGroup(BORROWER).count()).isEqualTo(1);
    }

    @Test
    void aLenderChosenByStaffAfterTheRotaRanOutIsNotAutomatedAndItsUnfilledGoesBackToStaff() throws Exception {
        String orderId = orderFrom(FIRST);
        answered(FIRST, orderId, Map.of("status", "Unfilled"));
        assertThat(order(orderId).get("status").asText()).isEqualTo("AWAITING_MANUAL");
        String pid = order(orderId).get("orderedPid").asText();
        asStaff(BORROWER, postJson("/api/orders/" + orderId + "/manual-decision", Map.of("action", "SEND", "lenderBranchId", "763000")))
            .andExpect(status().isOk());
        runJobs();
        JsonNode sent = order(orderId);
        assertThat(sent.get("status").asText()).isEqualTo("SENT_TO_LENDER");
        assertThat(sent.get("statusText").asText()).isEqualTo("Sendt til långiver").doesNotContain("automatiseret");
        // meanwhile another library got the title on its shelf: the staff's choice still goes back to staff
        items(pid, SECOND, List.of(Map.of("status", "OnShelf")));
        answered("763000", orderId, Map.of("status", "Unfilled"));
        assertThat(order(orderId).get("status").asText()).isEqualTo("AWAITING_MANUAL");
        assertThat(order(orderId).get("lenderAttempts")).hasSize(2);
        assertThat(illOrder(orderId)).isWaitingAt(ProcessModel.HANDLE_MANUALLY);
    }

    @Test
    void aManuallySentOrderThatIsUnfilledGoesBackToTheManualQueue() throws Exception {
        String pid = record("work-" + unique("m"), today().minusYears(1));
        String orderId = placeOrder(Map.of("pickupBranchId", BORROWER, "patronId", patron, "pids", List.of(pid), "orderSystem", "bibliotekdk"))
            .get("orderId").asText();
        runJobs();
        asStaff(BORROWER, postJson("/api/orders/" + orderId + "/manual-decision", Map.of("action", "SEND", "lenderBranchId", FIRST)))
            .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("SENT_TO_LENDER"));
        items(pid, SECOND, List.of(Map.of("status", "OnShelf"))); // staff sent it by hand: no rota to fall back on
        answered(FIRST, orderId, Map.of("status", "Unfilled"));
        assertThat(order(orderId).get("status").asText()).isEqualTo("AWAITING_MANUAL");
        assertThat(illOrder(orderId)).isWaitingAt(ProcessModel.HANDLE_MANUALLY);
    }

    @Test
    void silenceOverAWeekendSendsTheRequestToTheNextLender() throws Exception {
        asAdmin(postJson("/api/sim/clock", Map.of("now", "2027-01-08T09:00:00Z"))); // Friday, 10:00 in Denmark
        String orderId = orderFrom(FIRST, SECOND);
        asAdmin(postJson("/api/sim/clock", Map.of("now", "2027-01-12T22:00:00Z"))); // Tuesday night: two working days
        assertThat(order(orderId).get("lender").get("branchId").asText()).isEqualTo(FIRST);
        asAdmin(postJson("/api/sim/clock", Map.of("now", "2027-01-13T09:01:00Z"))); // Wednesday 10:01: three working days
        runJobs();
        JsonNode order = order(orderId);
        assertThat(order.get("lender").get("branchId").asText()).isEqualTo(SECOND);
        assertThat(order.get("lenderAttempts").get(0).get("outcome").asText()).isEqualTo("SILENT");
        assertThat(events(order)).contains("LENDER_SILENT");
    }

    @Test
    void silenceOverEasterCountsOnlyWorkingDays() throws Exception {
        asAdmin(postJson("/api/sim/clock", Map.of("now", "2027-03-24T09:00:00Z"))); // Wednesday before Maundy Thursday
        String orderId = orderFrom(FIRST, SECOND);
        // Maundy Thursday, Good Friday, the weekend and Easter Monday do not count: Tue 30, Wed 31, Thu 1 April
        asAdmin(postJson("/api/sim/clock", Map.of("now", "2027-03-31T21:00:00Z")));
        assertThat(order(orderId).get("lender").get("branchId").asText()).isEqualTo(FIRST);
        asAdmin(postJson("/api/sim/clock", Map.of("now", "2027-04-01T08:01:00Z")));
        runJobs();
        assertThat(order(orderId).get("lender").get("branchId").asText()).isEqualTo(SECOND);
    }

    @Test
    void anOrderExpiresWhenItsNeedBeforeDatePassesBeforeDispatch() throws Exception {
        String orderId = orderFrom(Map.of("needBeforeDate", today().plusDays(3).toString()), FIRST);
        answered(FIRST, orderId, Map.of("status", "WillSupply"));
        Instant dayAfter = today().plusDays(4).atStartOfDay(clock.zone()).toInstant().plusSeconds(60);
        asAdmin(postJson("/api/sim/clock", Map.of("now", dayAfter.toString())));
        runJobs();
        JsonNode order = order(orderId);
        assertThat(order.get("status").asText()).isEqualTo("EXPIRED");
        assertThat(order.get("closed").asBoolean()).isTrue();
        assertThat(lenderTasks(orderId)).isEmpty();
        assertThat(illOrder(orderId)).isNull();
    }

    @Test
    void cancelBeforeDispatchStopsEverythingAndTheLendersTaskDisappears() throws Exception {
        String orderId = orderFrom(FIRST);
        asStaff(BORROWER, postJson("/api/orders/" + orderId + "/requester-messages", Map.of("action", "Cancel", "note", "Låneren har fortrudt")))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.status").value("CANCELLED"))
            .andExpect(jsonPath("$.closed").value(true));
        assertThat(lenderTasks(orderId)).isEmpty();
        assertThat(conversation(orderId)).isNull();
        assertThat(order(orderId).get("lenderAttempts").get(0).get("outcome").asText()).isEqualTo("WITHDRAWN");
    }

    @Test
    void cancelAfterDispatchIsRefusedWithTheStatus() throws Exception {
        String orderId = orderFrom(FIRST);
        answered(FIRST, orderId, loaned(today().plusDays(30)));
        asStaff(BORROWER, postJson("/api/orders/" + orderId + "/requester-messages", Map.of("action", "Cancel")))
            .andExpect(status().isConflict())
            .andExpect(jsonPath("$.currentStatus").value("SHIPPED"))
            .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("SHIPPED")));
        assertThat(order(orderId).get("status").asText()).isEqualTo("SHIPPED");
    }

    @Test
    void aLateAnswerFromAWithdrawnLenderIsRecordedAndIgnored() throws Exception {
        String orderId = orderFrom(FIRST, SECOND);
        answered(FIRST, orderId, Map.of("status", "Unfilled"));
        assertThat(order(orderId).get("lender").get("branchId").asText()).isEqualTo(SECOND);
        answer(FIRST, orderId, loaned(today().plusDays(30))).andExpect(status().is2xxSuccessful());
        JsonNode order = order(orderId);
        assertThat(order.get("status").asText()).isEqualTo("SENT_TO_LENDER");
        assertThat(order.get("lender").get("branchId").asText()).isEqualTo(SECOND);
        assertThat(events(order)).last().isEqualTo("LATE_ANSWER");
        assertThat(tasks.createTaskQuery().taskCandidateGroup(SECOND).processInstanceBusinessKey(orderId).count()).isEqualTo(1);
    }

    @Test
    void messagesThatDoNotFitTheStateAre409AndChangeNothing() throws Exception {
        String orderId = orderFrom(FIRST);
        answer(FIRST, orderId, Map.of("status", "LoanCompleted")).andExpect(status().isConflict())
            .andExpect(jsonPath("$.currentStatus").value("SENT_TO_LENDER"));
        asStaff(BORROWER, postJson("/api/orders/" + orderId + "/requester-messages", Map.of("action", "Received")))
            .andExpect(status().isConflict());
        asStaff(BORROWER, postJson("/api/orders/" + orderId + "/requester-messages", Map.of("action", "Cancel"))).andExpect(status().isOk());
        answer(FIRST, orderId, loaned(today().plusDays(30))).andExpect(status().isConflict())
            .andExpect(jsonPath("$.currentStatus").value("CANCELLED"));
        asStaff(BORROWER, postJson("/api/orders/" + orderId + "/requester-messages", Map.of("action", "Cancel"))).andExpect(status().isConflict());

        String manual = placeOrder(Map.of("pickupBranchId", BORROWER, "patronId", patron,
            "pids", List.of(record("work-" + unique("n"), today().minusYears(1))), "orderSystem", "bibliotekdk")).get("orderId").asText();
        runJobs();
        asAdmin(postJson("/api/orders/" + manual + "/supplier-messages", Map.of("status", "WillSupply"))).andExpect(status().isConflict())
            .andExpect(jsonPath("$.currentStatus").value("AWAITING_MANUAL"));
        assertThat(order(manual).get("status").asText()).isEqualTo("AWAITING_MANUAL");
    }

    @Test
    void invalidLenderMessagesAreRefused() throws Exception {
        String orderId = orderFrom(FIRST);
        answer(FIRST, orderId, Map.of("status", "Loaned")).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("dueDate"));
        answer(FIRST, orderId, Map.of("status", "Loaned", "dueDate", today().toString())).andExpect(status().isUnprocessableEntity());
        answer(FIRST, orderId, Map.of("status", "ExpectToSupply")).andExpect(status().isBadRequest());
        answer(FIRST, orderId, Map.of("status", "Maybe")).andExpect(status().isBadRequest());
        answer(SECOND, orderId, Map.of("status", "WillSupply")).andExpect(status().isForbidden());
        assertThat(order(orderId).get("status").asText()).isEqualTo("SENT_TO_LENDER");
        assertThat(conversation(orderId)).isWaitingAt(ProcessModel.ANSWER_REQUEST);
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void theLenderAnswersFromTasklistWithTheSameChecks(CapturedOutput log) throws Exception {
        String orderId = orderFrom(FIRST);
        Task task = lenderTasks(orderId).get(0);
        assertThatThrownBy(() -> tasks.complete(task.getId(), Map.of("supplierStatus", "Loaned", "dueDate", "")))
            .isInstanceOf(ProcessEngineException.class).hasMessageContaining("Lånet udløber: ");
        assertThatThrownBy(() -> tasks.complete(task.getId(), Map.of("supplierStatus", "Loaned", "dueDate", "31-02-2027")))
            .isInstanceOf(ProcessEngineException.class).hasMessageContaining("Lånet udløber: ").hasMessageContaining("dd-mm-åååå");
        assertThat(order(orderId).get("status").asText()).isEqualTo("SENT_TO_LENDER");
        assertThat(log.getAll()).as("staff's mistake is not the engine's error").doesNotContain("ENGINE-16004", "31-02-2027");
        tasks.complete(task.getId(), Map.of("supplierStatus", "WillSupply"));
        Task ship = lenderTasks(orderId).get(0);
        assertThat(ship.getTaskDefinitionKey()).isEqualTo(ProcessModel.SHIP_ITEM);
        tasks.complete(ship.getId(), Map.of("supplierStatus", "Loaned", "dueDate", today().plusDays(30).toString()));
        assertThat(order(orderId).get("status").asText()).isEqualTo("SHIPPED");
    }

    @Test
    void tasklistProposesTheDueDateAfterTheLoanPeriodAndTakesDatesTheDanishWay() throws Exception {
        String orderId = orderFrom(FIRST);
        Task task = lenderTasks(orderId).get(0);
        java.time.format.DateTimeFormatter danish = java.time.format.DateTimeFormatter.ofPattern("dd-MM-uuuu");
        assertThat(tasks.getVariable(task.getId(), "dueDate")).isEqualTo(danish.format(today().plusDays(30)));
        // the form keeps the proposed due date when the lender answers "later": only the date the answer asks for counts
        tasks.complete(task.getId(), Map.of("supplierStatus", "ExpectToSupply", "expectedDeliveryDate", danish.format(today().plusDays(6))));
        JsonNode later = order(orderId);
        assertThat(later.get("status").asText()).isEqualTo("EXPECT_TO_SUPPLY");
        assertThat(later.get("lender").get("expectedDelivery").asText()).isEqualTo(today().plusDays(6).toString());
        assertThat(later.get("lender").path("dueDate").isMissingNode() || later.get("lender").path("dueDate").isNull()).isTrue();
    }
}

package dk.fjernlaan.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Map;

import dk.fjernlaan.order.IllOrder;
import dk.fjernlaan.order.Orders;
import dk.fjernlaan.order.OrderStatus;
import dk.fjernlaan.support.IntegrationTest;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The automation paths of {@code IllOrder}, asserted with camunda-bpm-assert. */
class AutomationProcessTest extends IntegrationTest {

    static final String BORROWER = "737000"; // Næstved
    static final String LENDER = "739000";   // Vordingborg

    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired RepositoryService repository;
    @Autowired ManagementService management;
    @Autowired Orders orders;

    @BeforeEach
    void settings() throws Exception {
        participates(BORROWER, 90, 90);
        participates(LENDER, 0, 0);
    }

    private ProcessInstance place(String pid) throws Exception {
        String orderId = placeOrder(Map.of("pickupBranchId", BORROWER, "patronId", patron(BORROWER), "pids", List.of(pid),
            "orderSystem", "bibliotekdk")).get("orderId").asText();
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(orderId).singleResult();
    }

    private IllOrder order(ProcessInstance pi) {
        return orders.order(Long.parseLong(pi.getBusinessKey()));
    }

    @Test
    void anAutomatedOrderGoesStraightToTheChosenLender() throws Exception {
        String pid = record("work-" + unique("p"), today().minusDays(200));
        items(pid, LENDER, List.of(Map.of("status", "OnShelf")));
        ProcessInstance pi = place(pid);
        assertThat(pi).isWaitingAt(ProcessModel.DECIDE_AUTOMATION);
        runJobs();
        assertThat(pi).hasPassed(ProcessModel.DECIDE_AUTOMATION, ProcessModel.AUTOMATED, ProcessModel.SEND_MERGE)
            .hasNotPassed(ProcessModel.HANDLE_MANUALLY).isWaitingAt(ProcessModel.CONVERSATION);
        assertThat(order(pi).automated()).isTrue();
        assertThat(order(pi).lenderBranchId()).isEqualTo(LENDER);
    }

    @Test
    void aNonAutomatedOrderWaitsInTheManualQueueAndStaffCanRetryTheAutomation() throws Exception {
        String pid = record("work-" + unique("p"), today().minusDays(200));
        ProcessInstance pi = place(pid);
        runJobs();
        assertThat(pi).isWaitingAt(ProcessModel.HANDLE_MANUALLY);
        assertThat(task(pi)).hasCandidateGroup(BORROWER);
        assertThat(order(pi).status()).isEqualTo(OrderStatus.AWAITING_MANUAL);

        // a lender gets the book; staff ask the automation to try again
        items(pid, LENDER, List.of(Map.of("status", "OnShelf")));
        asStaff(BORROWER, postJson("/api/orders/" + pi.getBusinessKey() + "/manual-decision", Map.of("action", "RETRY_AUTOMATION")));
        runJobs();
        assertThat(pi).hasPassed(ProcessModel.MANUAL_DECISION, ProcessModel.DECIDE_MERGE).isWaitingAt(ProcessModel.CONVERSATION);
        assertThat(order(pi).automated()).isTrue();
        assertThat(orders.history(order(pi).orderId())).extracting(e -> e.event())
            .containsSubsequence("AUTOMATION_DECIDED", "AWAITING_MANUAL", "MANUAL_DECISION_RETRY_AUTOMATION", "AUTOMATION_DECIDED", "SENT_TO_LENDER");
    }

    @Test
    void theRoutingFactsAreNotStoredAndAnOrderThatStoredThemStillRetries() throws Exception {
        String pid = record("work-" + unique("p"), today().minusDays(200));
        ProcessInstance pi = place(pid);
        runJobs();
        assertThat(pi).isWaitingAt(ProcessModel.HANDLE_MANUALLY);
        assertThat(runtime.getVariable(pi.getId(), "route")).as("the route only chooses the way").isNull();
        assertThat(runtime.getVariable(pi.getId(), "expiresAt")).as("the expiry is the timer's").isNull();
        assertThat(management.createJobQuery().processInstanceId(pi.getId()).timers().count()).isEqualTo(1);

        // an order from before: its route was stored
        runtime.setVariable(pi.getId(), "route", "MANUAL");
        items(pid, LENDER, List.of(Map.of("status", "OnShelf")));
        asStaff(BORROWER, postJson("/api/orders/" + pi.getBusinessKey() + "/manual-decision", Map.of("action", "RETRY_AUTOMATION")));
        runJobs();
        assertThat(pi).isWaitingAt(ProcessModel.CONVERSATION);
        assertThat(runtime.getVariable(pi.getId(), "route")).isEqualTo("AUTOMATED");
    }

    @Test
    void ownMaterialThatStaysHomeWaitsInTheLocalReservationQueue() throws Exception {
        String pid = record("work-" + unique("p"), today().minusDays(200));
        items(pid, BORROWER, List.of(Map.of("status", "OnLoan", "dueDate", today().plusDays(20).toString())));
        items(pid, LENDER, List.of(Map.of("status", "OnShelf")));
        ProcessInstance pi = place(pid);
        runJobs();
        assertThat(pi).isWaitingAt(ProcessModel.RESERVE_LOCALLY);
        assertThat(task(pi)).hasCandidateGroup(BORROWER);
        assertThat(order(pi).status()).isEqualTo(OrderStatus.LOCAL_RESERVATION);
        tasks.complete(task(pi).getId(), Map.of("manualAction", "REJECT", "rejectReason", "Låneren venter på eget eksemplar"));
        assertThat(pi).isEnded().hasPassed(ProcessModel.ORDER_REJECTED);
    }

    @Test
    void aDecisionThatFailsTechnicallyIsRetriedThenAnIncidentAndNotAManualOrder() throws Exception {
        DecisionDefinition good = repository.createDecisionDefinitionQuery().decisionDefinitionKey("AgeThresholds").latestVersion().singleResult();
        byte[] goodXml = repository.getDecisionModel(good.getId()).readAllBytes();
        String broken = new String(goodXml, StandardCharsets.UTF_8).replaceFirst("<text>agencyId</text>", "<text>agencyId +</text>");
        repository.createDeployment().name("AgeThresholds").addInputStream("AgeThresholds.dmn",
            new ByteArrayInputStream(broken.getBytes(StandardCharsets.UTF_8))).deploy();
        ProcessInstance pi;
        int attempts = 0;
        try {
            String pid = record("work-" + unique("p"), today().minusDays(200));
            items(pid, LENDER, List.of(Map.of("status", "OnShelf")));
            pi = place(pid);
            runJobs();
            attempts++;
            // each failure is tried again a minute later, until the retries run out
            while (runtime.createIncidentQuery().processInstanceId(pi.getId()).count() == 0 && attempts < 20) {
                ClockUtil.setCurrentTime(Date.from(clock.now().plusSeconds(61)));
                runJobs();
                attempts++;
            }
        } finally {
            repository.createDeployment().name("AgeThresholds").addInputStream("AgeThresholds.dmn", new ByteArrayInputStream(goodXml)).deploy();
        }
        assertThat(attempts).as("tries, a minute apart (R5/PT1M)").isEqualTo(5);
        assertThat(runtime.createIncidentQuery().processInstanceId(pi.getId()).count()).isEqualTo(1);
        assertThat(pi).isWaitingAt(ProcessModel.DECIDE_AUTOMATION);
        assertThat(order(pi).status()).isEqualTo(OrderStatus.RECEIVED);
        assertThat(order(pi).automation()).isNull();
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).singleResult()).isNotNull();
        // with the table mended, the operator retries the job (Cockpit: "Retry") and the order is automated
        String job = management.createJobQuery().processInstanceId(pi.getId()).activityId(ProcessModel.DECIDE_AUTOMATION).singleResult().getId();
        management.setJobRetries(job, 1);
        management.setJobDuedate(job, Date.from(clock.now()));
        runJobs();
        assertThat(pi).isWaitingAt(ProcessModel.CONVERSATION);
        assertThat(order(pi).status()).isEqualTo(OrderStatus.SENT_TO_LENDER);
        assertThat(runtime.createIncidentQuery().processInstanceId(pi.getId()).count()).isZero();
    }
}

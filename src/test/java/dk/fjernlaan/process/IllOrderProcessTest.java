package dk.fjernlaan.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dk.fjernlaan.order.Orders;
import dk.fjernlaan.order.OrderStatus;
import dk.fjernlaan.support.IntegrationTest;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The paths of the {@code IllOrder} process, on the real engine, asserted with camunda-bpm-assert. */
class IllOrderProcessTest extends IntegrationTest {

    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired Orders orders;

    private ProcessInstance place(String responderId) throws Exception {
        String pid = record("work-" + unique("p"), today().minusYears(2));
        Map<String, Object> request = new HashMap<>(Map.of("pickupBranchId", "710104", "patronId", patron("710100"),
            "pids", List.of(pid), "orderSystem", responderId == null ? "bibliotekdk" : "netpunkt"));
        if (responderId != null) {
            request.put("responderId", responderId);
        }
        String orderId = placeOrder(request).get("orderId").asText();
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(orderId).singleResult();
    }

    private long orderId(ProcessInstance pi) {
        return Long.parseLong(pi.getBusinessKey());
    }

    @Test
    void startsAsynchronouslyAfterTheOrderIsReceived() throws Exception {
        ProcessInstance pi = place(null);
        assertThat(pi).isStarted().isWaitingAt(ProcessModel.DECIDE_AUTOMATION);
        assertThat(orders.order(orderId(pi)).status()).isEqualTo(OrderStatus.RECEIVED);
    }

    @Test
    void withoutAChosenLenderTheOrderWaitsInTheBorrowersManualQueue() throws Exception {
        ProcessInstance pi = place(null);
        runJobs();
        assertThat(pi).isWaitingAt(ProcessModel.HANDLE_MANUALLY).hasPassed(ProcessModel.DECIDE_AUTOMATION, ProcessModel.AUTOMATED);
        assertThat(task(pi)).hasCandidateGroup("710100").hasName("Behandl manuel bestilling " + orderId(pi) + ": Testtitel "
            + orders.order(orderId(pi)).workId());
        assertThat(orders.order(orderId(pi)).status()).isEqualTo(OrderStatus.AWAITING_MANUAL);
    }

    @Test
    void manualSendGoesToTheLenderAndWaitsForItsAnswer() throws Exception {
        ProcessInstance pi = place(null);
        runJobs();
        tasks.complete(task(pi).getId(), Map.of("manualAction", "SEND", "lenderBranchId", "726500"));
        assertThat(pi).hasPassed(ProcessModel.HANDLE_MANUALLY, ProcessModel.MANUAL_DECISION, ProcessModel.SEND_MERGE)
            .isWaitingAt(ProcessModel.CONVERSATION);
        assertThat(orders.order(orderId(pi)).lenderBranchId()).isEqualTo("726500");
        assertThat(orders.order(orderId(pi)).status()).isEqualTo(OrderStatus.SENT_TO_LENDER);
    }

    @Test
    void manualRejectEndsTheOrder() throws Exception {
        ProcessInstance pi = place(null);
        runJobs();
        tasks.complete(task(pi).getId(), Map.of("manualAction", "REJECT", "rejectReason", "Ikke til udlån"));
        assertThat(pi).hasPassed(ProcessModel.REJECT_ORDER).isEnded().hasPassed(ProcessModel.ORDER_REJECTED);
        assertThat(orders.order(orderId(pi)).status()).isEqualTo(OrderStatus.UNFILLED);
    }

    @Test
    void aTasklistDecisionWithAnUnusableLenderIsRefusedAndTheTaskStays() throws Exception {
        ProcessInstance pi = place(null);
        runJobs();
        String taskId = task(pi).getId();
        assertThatThrownBy(() -> tasks.complete(taskId, Map.of("manualAction", "SEND", "lenderBranchId", "123456")))
            .isInstanceOf(ProcessEngineException.class).hasMessageContaining("ukendt filial 123456");
        assertThatThrownBy(() -> tasks.complete(taskId, Map.of("manualAction", "SEND")))
            .isInstanceOf(ProcessEngineException.class).hasMessageContaining("Långiver: ");
        assertThat(pi).isWaitingAt(ProcessModel.HANDLE_MANUALLY);
        assertThat(orders.order(orderId(pi)).status()).isEqualTo(OrderStatus.AWAITING_MANUAL);
        assertThat(orders.history(orderId(pi))).extracting(e -> e.event()).containsExactly("RECEIVED", "AUTOMATION_DECIDED", "AWAITING_MANUAL");
    }

    @Test
    void aLenderChosenByStaffSkipsTheManualQueue() throws Exception {
        ProcessInstance pi = place("726500");
        runJobs();
        assertThat(pi).hasPassed(ProcessModel.SEND_MERGE).hasNotPassed(ProcessModel.HANDLE_MANUALLY).isWaitingAt(ProcessModel.CONVERSATION);
        assertThat(orders.order(orderId(pi)).lenderBranchId()).isEqualTo("726500");
    }
}

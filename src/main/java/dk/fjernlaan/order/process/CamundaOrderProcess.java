package dk.fjernlaan.order.process;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import dk.fjernlaan.order.IllOrder;
import dk.fjernlaan.order.ManualDecision;
import dk.fjernlaan.order.OrderProcess;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/** The engine adapter of the order process: the only class that starts and drives {@code IllOrder}. */
@Component
class CamundaOrderProcess implements OrderProcess {

    private final RuntimeService runtime;
    private final TaskService tasks;

    CamundaOrderProcess(RuntimeService runtime, TaskService tasks) {
        this.runtime = runtime;
        this.tasks = tasks;
    }

    @Override
    public void start(IllOrder order) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(OrderVariables.ORDER_ID, String.valueOf(order.orderId()));
        variables.put(OrderVariables.BORROWER_AGENCY_ID, order.borrowerAgencyId());
        runtime.startProcessInstanceByKey(OrderVariables.PROCESS_KEY, String.valueOf(order.orderId()), variables);
    }

    @Override
    public Optional<String> manualTaskId(long orderId) {
        return Optional.ofNullable(manualTask(orderId)).map(Task::getId);
    }

    @Override
    public void completeManualTask(String taskId, ManualDecision decision) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(OrderVariables.MANUAL_ACTION, decision.action().name());
        variables.put(OrderVariables.LENDER_BRANCH_ID, decision.lenderBranchId());
        variables.put(OrderVariables.REJECT_REASON, decision.reason());
        tasks.complete(taskId, variables);
    }

    private Task manualTask(long orderId) {
        return tasks.createTaskQuery()
            .processDefinitionKey(OrderVariables.PROCESS_KEY)
            .processInstanceBusinessKey(String.valueOf(orderId))
            .taskDefinitionKeyIn(OrderVariables.MANUAL_TASK, OrderVariables.LOCAL_TASK)
            .singleResult();
    }
}

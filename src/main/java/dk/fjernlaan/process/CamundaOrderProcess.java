package dk.fjernlaan.process;

import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import dk.fjernlaan.order.IllOrder;
import dk.fjernlaan.order.ManualDecision;
import dk.fjernlaan.order.OrderProcess;
import dk.fjernlaan.order.OrderSignal;
import dk.fjernlaan.order.SupplierMessage;
import dk.fjernlaan.platform.refusal.Refusal;
import dk.fjernlaan.platform.security.Actor;
import dk.fjernlaan.platform.time.FjernlaanClock;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.stereotype.Component;

/** The engine adapter of the order process: the only class that starts and drives {@code IllOrder}. */
@Component
class CamundaOrderProcess implements OrderProcess {

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final ManagementService management;
    private final FjernlaanClock clock;

    CamundaOrderProcess(RuntimeService runtime, TaskService tasks, ManagementService management, FjernlaanClock clock) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.management = management;
        this.clock = clock;
    }

    @Override
    public void start(IllOrder order) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(OrderVariables.ORDER_ID, String.valueOf(order.orderId()));
        variables.put(OrderVariables.BORROWER_AGENCY_ID, order.borrowerAgencyId());
        // the order expires when its need-before date has passed: at the start of the next day in Denmark
        // (read once, by the timer when the process starts: not stored)
        variables.put(OrderVariables.EXPIRES_AT, Variables.dateValue(
            Date.from(order.needBeforeDate().plusDays(1).atStartOfDay(clock.zone()).toInstant()), true));
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
        complete(taskId, variables);
    }

    /** The wait of a lender that answers from its own system is its execution, told apart by this prefix. */
    private static final String SYSTEM_WAIT = "system:";

    @Override
    public Optional<String> lenderTaskId(long orderId) {
        Task task = tasks.createTaskQuery()
            .processDefinitionKey(OrderVariables.CONVERSATION_KEY)
            .processInstanceBusinessKey(String.valueOf(orderId))
            .taskDefinitionKeyIn(OrderVariables.ANSWER_TASK, OrderVariables.SHIP_TASK)
            .singleResult();
        if (task != null) {
            return Optional.of(task.getId());
        }
        for (String wait : new String[] {ProcessModel.AWAIT_LENDER_SYSTEM_ANSWER, ProcessModel.AWAIT_LENDER_SYSTEM_SHIPMENT}) {
            Execution execution = runtime.createExecutionQuery()
                .processDefinitionKey(OrderVariables.CONVERSATION_KEY)
                .processInstanceBusinessKey(String.valueOf(orderId))
                .activityId(wait)
                .singleResult();
            if (execution != null) {
                return Optional.of(SYSTEM_WAIT + execution.getId());
            }
        }
        return Optional.empty();
    }

    @Override
    public void completeLenderTask(String taskId, SupplierMessage message) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(OrderVariables.SUPPLIER_STATUS, message.status().name());
        variables.put(OrderVariables.SUPPLIER_REASON, message.reason());
        variables.put(OrderVariables.SUPPLIER_ITEM_ID, message.itemId());
        variables.put(OrderVariables.EXPECTED_DELIVERY_DATE, message.expectedDeliveryDate() == null ? null : message.expectedDeliveryDate().toString());
        variables.put(OrderVariables.DUE_DATE, message.dueDate() == null ? null : message.dueDate().toString());
        if (taskId.startsWith(SYSTEM_WAIT)) {
            refusalsAsTheyAre(() -> runtime.signal(taskId.substring(SYSTEM_WAIT.length()), variables));
        } else {
            complete(taskId, variables);
        }
    }

    /**
     * Completes a staff task as Tasklist does: its listener checks and records the step (the one place that does). A
     * step it refuses comes back as the refusal it is, not as the engine's exception around it.
     */
    private void complete(String taskId, Map<String, Object> variables) {
        refusalsAsTheyAre(() -> tasks.complete(taskId, variables));
    }

    private static void refusalsAsTheyAre(Runnable step) {
        try {
            step.run();
        } catch (ProcessEngineException e) {
            for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (t instanceof Refusal refusal) {
                    throw refusal;
                }
            }
            throw e;
        }
    }

    /** Signals the processes wait for as messages. */
    private static final Map<OrderSignal, String> MESSAGES = Map.of(
        OrderSignal.DUE_DATE_CHANGED, ProcessModel.DUE_DATE_CHANGED,
        OrderSignal.ITEM_FORWARDED, ProcessModel.ITEM_FORWARDED,
        OrderSignal.FORWARDED_ITEM_ARRIVED, ProcessModel.FORWARDED_ITEM_ARRIVED);

    /** Signals that are staff's tasks in Tasklist: the API completes the same task. */
    private record TaskStep(String taskKey, Map<String, Object> variables) {}

    private static final Map<OrderSignal, TaskStep> TASKS = Map.of(
        OrderSignal.ITEM_RECEIVED, new TaskStep(ProcessModel.AWAIT_ARRIVAL, Map.of()),
        OrderSignal.PICKED_UP, new TaskStep(ProcessModel.AWAIT_PICKUP, Map.of(OrderVariables.PICKUP_OUTCOME, "PickedUp")),
        OrderSignal.NOT_PICKED_UP, new TaskStep(ProcessModel.AWAIT_PICKUP, Map.of(OrderVariables.PICKUP_OUTCOME, "NotPickedUp")),
        OrderSignal.RETURNED, new TaskStep(ProcessModel.ON_LOAN, Map.of()),
        OrderSignal.LOAN_COMPLETED, new TaskStep(ProcessModel.AWAIT_LENDER, Map.of()));

    @Override
    public boolean signal(long orderId, OrderSignal signal, Map<String, Object> facts) {
        TaskStep step = TASKS.get(signal);
        if (step != null) {
            Task task = tasks.createTaskQuery().processInstanceBusinessKey(String.valueOf(orderId)).taskDefinitionKey(step.taskKey()).singleResult();
            if (task == null) {
                return false;
            }
            Map<String, Object> variables = new HashMap<>(step.variables());
            variables.putAll(facts);
            tasks.complete(task.getId(), variables);
            return true;
        }
        return correlate(MESSAGES.get(signal), orderId, facts);
    }

    @Override
    public boolean cancel(long orderId, String note) {
        Map<String, Object> facts = new HashMap<>();
        facts.put(OrderVariables.CANCEL_NOTE, note);
        facts.put(OrderVariables.CANCELLED_BY, Actor.current().userId());
        return correlate(OrderVariables.CANCEL_MESSAGE, orderId, facts);
    }

    /**
     * Correlates a message to the order's process if it waits for it. It asks first: a correlation that fails
     * would spoil the caller's transaction, which may go on with something else (another order, another answer).
     */
    private boolean correlate(String message, long orderId, Map<String, Object> facts) {
        String key = String.valueOf(orderId);
        if (runtime.createExecutionQuery().processInstanceBusinessKey(key).messageEventSubscriptionName(message).count() == 0) {
            return false;
        }
        try {
            runtime.createMessageCorrelation(message).processInstanceBusinessKey(key).setVariables(facts).correlateWithResult();
        } catch (MismatchingMessageCorrelationException e) {
            // it waited a moment ago: another transaction took it meanwhile; the caller runs again on fresh state
            throw new ConcurrencyFailureException("The process of order " + orderId + " stopped waiting for " + message + " meanwhile", e);
        } catch (ProcessEngineException e) {
            if (e.getMessage() != null && e.getMessage().contains("does not have a subscription")) {
                throw new ConcurrencyFailureException("The process of order " + orderId + " stopped waiting for " + message + " meanwhile", e);
            }
            throw e;
        }
        return true;
    }

    /** Whether a process of the order (its own, or one it called) has a step waiting for the job executor: one query. */
    @Override
    public boolean continuing(long orderId) {
        String jobs = management.getTableName(org.camunda.bpm.engine.runtime.Job.class);
        String executions = management.getTableName(org.camunda.bpm.engine.runtime.Execution.class);
        return runtime.createNativeExecutionQuery()
            .sql("SELECT COUNT(*) FROM " + jobs + " J JOIN " + executions + " E ON J.PROCESS_INSTANCE_ID_ = E.ID_"
                + " WHERE E.BUSINESS_KEY_ = #{key} AND J.TYPE_ = 'message' AND J.RETRIES_ > 0 AND J.SUSPENSION_STATE_ = 1"
                + " AND (J.DUEDATE_ IS NULL OR J.DUEDATE_ <= #{now})")
            .parameter("key", String.valueOf(orderId))
            .parameter("now", java.util.Date.from(clock.now()))
            .count() > 0;
    }

    private Task manualTask(long orderId) {
        return tasks.createTaskQuery()
            .processDefinitionKey(OrderVariables.PROCESS_KEY)
            .processInstanceBusinessKey(String.valueOf(orderId))
            .taskDefinitionKeyIn(OrderVariables.MANUAL_TASK, OrderVariables.LOCAL_TASK)
            .singleResult();
    }
}

package dk.fjernlaan.process;

import dk.fjernlaan.order.ManualAction;
import dk.fjernlaan.order.ManualDecision;
import dk.fjernlaan.order.ManualQueue;
import dk.fjernlaan.platform.refusal.InvalidInput;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The borrower's manual tasks (the manual queue and the local reservation queue): on create the task gets its
 * name in the configured language; on complete the decision is checked (so a wrong lender entered in Tasklist is refused
 * with a message and the task stays) and recorded in the order's history.
 */
@Component("manualTaskListener")
class ManualTaskListener implements TaskListener {

    private final ManualQueue queue;
    private final StaffTasks staffTasks;

    ManualTaskListener(ManualQueue queue, StaffTasks staffTasks) {
        this.queue = queue;
        this.staffTasks = staffTasks;
    }

    @Override
    public void notify(DelegateTask task) {
        long orderId = OrderVariables.orderId(task);
        switch (task.getEventName()) {
            case EVENTNAME_CREATE -> {
                staffTasks.describe(task, OrderVariables.LOCAL_TASK.equals(task.getTaskDefinitionKey()) ? "task.local" : "task.manual");
                staffTasks.offerLenders(task);
            }
            case EVENTNAME_COMPLETE -> {
                ManualDecision decision = staffTasks.check(() -> decision(task));
                staffTasks.check(() -> queue.check(orderId, decision));
                queue.record(orderId, decision, StaffTasks.userId(task));
            }
            default -> { }
        }
    }

    private static ManualDecision decision(DelegateTask task) {
        String action = OrderVariables.string(task, OrderVariables.MANUAL_ACTION);
        ManualAction parsed;
        try {
            parsed = action == null ? null : ManualAction.valueOf(action);
        } catch (IllegalArgumentException e) {
            throw InvalidInput.field(OrderVariables.MANUAL_ACTION, "problem.manual.actionRequired");
        }
        String other = OrderVariables.string(task, OrderVariables.OTHER_LENDER_BRANCH_ID);
        return new ManualDecision(parsed, other != null && !other.isBlank() ? other.trim() : OrderVariables.string(task, OrderVariables.LENDER_BRANCH_ID),
            OrderVariables.string(task, OrderVariables.REJECT_REASON));
    }

}

package dk.fjernlaan.order.process;

import dk.fjernlaan.order.ManualAction;
import dk.fjernlaan.order.ManualDecision;
import dk.fjernlaan.order.OrderService;
import dk.fjernlaan.platform.security.Actor;
import dk.fjernlaan.platform.texts.Texts;
import dk.fjernlaan.platform.web.ApiException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * The borrower's manual tasks (the manual queue and the local reservation queue): on create the task gets its
 * name in the configured language; on complete the decision is checked (so a wrong lender entered in Tasklist is refused
 * with a message and the task stays) and recorded in the order's history.
 */
@Component("manualTaskListener")
class ManualTaskListener implements TaskListener {

    private final OrderService orders;
    private final Texts texts;

    ManualTaskListener(OrderService orders, Texts texts) {
        this.orders = orders;
        this.texts = texts;
    }

    @Override
    public void notify(DelegateTask task) {
        long orderId = OrderVariables.orderId(task);
        switch (task.getEventName()) {
            case EVENTNAME_CREATE -> {
                // what staff see in Tasklist: set only for orders that need a person
                OrderService.TaskFacts facts = orders.taskFacts(orderId);
                task.setVariable(OrderVariables.ORDER_SUMMARY, facts.summary());
                String key = OrderVariables.LOCAL_TASK.equals(task.getTaskDefinitionKey()) ? "task.local" : "task.manual";
                task.setName(texts.getDefault(key, String.valueOf(orderId), facts.title()));
            }
            case EVENTNAME_COMPLETE -> {
                ManualDecision decision = decision(task);
                try {
                    orders.checkManualDecision(orderId, decision);
                } catch (ApiException e) {
                    throw new ProcessEngineException(e.getMessage(), e);
                }
                orders.recordManualDecision(orderId, decision, userId(task));
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
            throw new ProcessEngineException("Unknown decision '" + action + "': choose SEND or REJECT");
        }
        return new ManualDecision(parsed, OrderVariables.string(task, OrderVariables.LENDER_BRANCH_ID),
            OrderVariables.string(task, OrderVariables.REJECT_REASON));
    }

    /** The Tasklist user (engine authentication) or the API caller. */
    private static String userId(DelegateTask task) {
        Authentication engineUser = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return engineUser != null ? engineUser.getUserId() : Actor.current().userId();
    }
}

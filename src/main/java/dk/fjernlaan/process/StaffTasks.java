package dk.fjernlaan.process;

import dk.fjernlaan.order.OrderService;
import dk.fjernlaan.platform.security.Actor;
import dk.fjernlaan.platform.texts.Texts;
import dk.fjernlaan.platform.web.ApiException;
import dk.fjernlaan.platform.web.InputRules;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/** What the listeners of staff's tasks share: the task's name and Tasklist summary, the user, the checks. */
@Component
class StaffTasks {

    private final OrderService orders;
    private final Texts texts;

    StaffTasks(OrderService orders, Texts texts) {
        this.orders = orders;
        this.texts = texts;
    }

    /** Names the task ({@code textKey} with order number and title) and gives Tasklist its one-line summary. */
    void describe(DelegateTask task, String textKey) {
        long orderId = OrderVariables.orderId(task);
        OrderService.TaskFacts facts = orders.taskFacts(orderId);
        task.setVariable(OrderVariables.ORDER_SUMMARY, facts.summary());
        task.setName(InputRules.abbreviate(texts.getDefault(textKey, String.valueOf(orderId), facts.title()), InputRules.TASK_NAME_LENGTH));
    }

    /** The Tasklist user (engine authentication) or the API caller. */
    static String userId(DelegateTask task) {
        Authentication engineUser = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return engineUser != null ? engineUser.getUserId() : Actor.current().userId();
    }

    /** Runs a check of staff's input; a refusal keeps the task open, with the reason as Tasklist's message. */
    static void check(Runnable check) {
        try {
            check.run();
        } catch (ApiException e) {
            throw new ProcessEngineException(e.getMessage(), e);
        }
    }
}

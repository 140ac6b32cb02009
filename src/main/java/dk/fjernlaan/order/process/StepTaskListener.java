package dk.fjernlaan.order.process;

import dk.fjernlaan.order.OrderService;
import dk.fjernlaan.platform.texts.Texts;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The tasks after dispatch (receive the item, hand it to the patron, register its return, confirm it is back):
 * they get their name in the configured language and what staff need to see in Tasklist.
 */
@Component("stepTaskListener")
class StepTaskListener implements TaskListener {

    private final OrderService orders;
    private final Texts texts;

    StepTaskListener(OrderService orders, Texts texts) {
        this.orders = orders;
        this.texts = texts;
    }

    @Override
    public void notify(DelegateTask task) {
        long orderId = OrderVariables.orderId(task);
        OrderService.TaskFacts facts = orders.taskFacts(orderId);
        task.setVariable(OrderVariables.ORDER_SUMMARY, facts.summary());
        task.setName(texts.getDefault("task." + task.getTaskDefinitionKey(), String.valueOf(orderId), facts.title()));
    }
}

package dk.fjernlaan.process;

import dk.fjernlaan.conversation.LenderConversation;
import dk.fjernlaan.order.SupplierMessage;
import dk.fjernlaan.order.SupplierStatus;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The lender's tasks (answer the request; ship the item): on create they get their name and what the lender
 * needs to see; on complete the lender's message is checked (a wrong one from Tasklist is refused and the task
 * stays) and recorded on the order. {@code Loaned} ends the conversation: the item is on its way.
 */
@Component("lenderTaskListener")
class LenderTaskListener implements TaskListener {

    private final LenderConversation conversation;
    private final StaffTasks staffTasks;

    LenderTaskListener(LenderConversation conversation, StaffTasks staffTasks) {
        this.conversation = conversation;
        this.staffTasks = staffTasks;
    }

    @Override
    public void notify(DelegateTask task) {
        long orderId = OrderVariables.orderId(task);
        switch (task.getEventName()) {
            case EVENTNAME_CREATE -> {
                staffTasks.describe(task, OrderVariables.SHIP_TASK.equals(task.getTaskDefinitionKey()) ? "task.ship" : "task.answer");
            }
            case EVENTNAME_COMPLETE -> {
                SupplierMessage message = StaffTasks.check(() -> message(task));
                StaffTasks.check(() -> conversation.check(message));
                conversation.record(orderId, message, StaffTasks.userId(task));
                if (message.status() == SupplierStatus.Loaned) {
                    task.getExecution().setVariable(OrderVariables.CONVERSATION_OUTCOME, OrderVariables.DISPATCHED);
                }
            }
            default -> { }
        }
    }

    private static SupplierMessage message(DelegateTask task) {
        String status = OrderVariables.string(task, OrderVariables.SUPPLIER_STATUS);
        SupplierStatus parsed;
        try {
            parsed = status == null ? null : SupplierStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw new ProcessEngineException("Unknown answer '" + status + "'");
        }
        return new SupplierMessage(parsed, OrderVariables.string(task, OrderVariables.SUPPLIER_REASON),
            OrderVariables.date(task, OrderVariables.EXPECTED_DELIVERY_DATE), OrderVariables.date(task, OrderVariables.DUE_DATE),
            OrderVariables.string(task, OrderVariables.SUPPLIER_ITEM_ID), null);
    }

}

package dk.fjernlaan.process;

import dk.fjernlaan.conversation.LenderConversation;
import dk.fjernlaan.order.SupplierMessage;
import dk.fjernlaan.order.SupplierStatus;
import dk.fjernlaan.platform.refusal.InvalidInput;
import dk.fjernlaan.platform.security.Actor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * The lender's tasks (answer the request; ship the item): on create they get their name and what the lender
 * needs to see; on complete the lender's message is checked (a wrong one from Tasklist is refused and the task
 * stays) and recorded on the order. {@code Loaned} ends the conversation: the item is on its way. A lender that
 * answers from its own library system leaves its wait ({@code Task_AwaitLenderSystemAnswer}, {@code
 * Task_AwaitLenderSystemShipment}) with the same message, checked and recorded the same way when the flow out of
 * the wait is taken.
 */
@Component("lenderTaskListener")
class LenderTaskListener implements TaskListener, ExecutionListener {

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
                staffTasks.proposeDueDate(task);
            }
            case EVENTNAME_COMPLETE -> {
                SupplierMessage message = staffTasks.check(() -> onlyWhatTheAnswerNeeds(message(task)));
                staffTasks.check(() -> conversation.check(message));
                answered(orderId, message, StaffTasks.userId(task), task.getExecution());
            }
            default -> { }
        }
    }

    @Override
    public void notify(DelegateExecution execution) {
        SupplierMessage message = message(execution);
        conversation.check(message);
        answered(OrderVariables.orderId(execution), message, Actor.current().userId(), execution);
    }

    private void answered(long orderId, SupplierMessage message, String userId, DelegateExecution execution) {
        conversation.record(orderId, message, userId);
        if (message.status() == SupplierStatus.Loaned) {
            execution.setVariable(OrderVariables.CONVERSATION_OUTCOME, OrderVariables.DISPATCHED);
        }
    }

    /**
     * A form keeps the values of fields it hides (the proposed due date when the answer is "Leverer senere"): each
     * answer takes only the date it asks for.
     */
    private static SupplierMessage onlyWhatTheAnswerNeeds(SupplierMessage m) {
        return new SupplierMessage(m.status(), m.reason(), m.status() == SupplierStatus.ExpectToSupply ? m.expectedDeliveryDate() : null,
            m.status() == SupplierStatus.Loaned ? m.dueDate() : null, m.status() == SupplierStatus.Loaned ? m.itemId() : null, m.supplierBranchId());
    }

    private static SupplierMessage message(VariableScope task) {
        String status = OrderVariables.string(task, OrderVariables.SUPPLIER_STATUS);
        SupplierStatus parsed;
        try {
            parsed = status == null ? null : SupplierStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw InvalidInput.field(OrderVariables.SUPPLIER_STATUS, "problem.message.notAnAnswer", status);
        }
        return new SupplierMessage(parsed, OrderVariables.string(task, OrderVariables.SUPPLIER_REASON),
            OrderVariables.date(task, OrderVariables.EXPECTED_DELIVERY_DATE), OrderVariables.date(task, OrderVariables.DUE_DATE),
            OrderVariables.string(task, OrderVariables.SUPPLIER_ITEM_ID), null);
    }

}

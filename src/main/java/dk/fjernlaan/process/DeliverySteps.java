package dk.fjernlaan.process;

import java.util.Date;

import dk.fjernlaan.delivery.DeliveryService;
import dk.fjernlaan.delivery.Forwarding;
import dk.fjernlaan.delivery.LoanPolicy;
import dk.fjernlaan.delivery.LoanService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The steps of {@code Delivery}, {@code Loan} and {@code Return}, and the forwarded item's arrival in {@code IllOrder}. */
@Configuration
class DeliverySteps {

    private static final Logger LOG = LoggerFactory.getLogger(DeliverySteps.class);

    /** {@code Task_PlanShipment}: the item's way through the courier scheme. */
    @Bean
    JavaDelegate planShipment(DeliveryService delivery) {
        return execution -> delivery.planShipment(OrderVariables.orderId(execution));
    }

    /** {@code Task_NotifyPatron}: arrived at the pickup branch; the patron is told; the pickup period starts. */
    @Bean
    JavaDelegate notifyPatron(DeliveryService delivery) {
        return execution -> {
            DeliveryService.Arrival arrival = delivery.itemArrived(OrderVariables.orderId(execution));
            execution.setVariable(OrderVariables.PICKUP_DEADLINE, Date.from(arrival.pickupPeriodOver()));
            OrderVariables.setTransient(execution, OrderVariables.FORWARDED_HERE, arrival.forwardedHere());
            if (arrival.lentByBorrower()) {
                execution.setVariable(OrderVariables.BORROWER_SYSTEM, true);
            }
        };
    }

    /** {@code Task_TellForwardingOrder} (asynchronous): the order the item was forwarded from is done with it. */
    @Bean
    JavaDelegate tellForwardingOrder(DeliveryService delivery) {
        return execution -> {
            long orderId = OrderVariables.orderId(execution);
            if (!delivery.tellForwardingOrder(orderId)) {
                LOG.warn("Order {} got an item forwarded from an order that no longer waits for its arrival", orderId);
            }
        };
    }

    /** {@code Task_RecordPickup}: the patron has it. */
    @Bean
    JavaDelegate recordPickup() {
        return execution -> execution.setVariable(OrderVariables.PICKED_UP, true);
    }

    /** {@code Task_RecordNotPickedUp}: the pickup period passed, or the library says the patron will not come. */
    @Bean
    JavaDelegate recordNotPickedUp(DeliveryService delivery) {
        return execution -> {
            delivery.notPickedUp(OrderVariables.orderId(execution));
            execution.setVariable(OrderVariables.PICKED_UP, false);
        };
    }

    /** {@code Task_StartLoan}: on loan, with the patron's due date and its reminders. */
    @Bean
    JavaDelegate startLoan(LoanService loans) {
        return execution -> timers(execution, loans.startLoan(OrderVariables.orderId(execution)));
    }

    /** {@code Task_SendReminder}: the due date is near. */
    @Bean
    JavaDelegate sendReminder(LoanService loans) {
        return execution -> loans.remind(OrderVariables.orderId(execution), "DUE_REMINDER");
    }

    /** {@code Task_SendOverdueNotice}: the due date has passed. */
    @Bean
    JavaDelegate sendOverdueNotice(LoanService loans) {
        return execution -> loans.remind(OrderVariables.orderId(execution), "OVERDUE");
    }

    /** {@code Task_RescheduleLoan}: the due date changed (a renewal granted, a recall): the reminder and notices move. */
    @Bean
    JavaDelegate rescheduleLoan(LoanService loans) {
        return execution -> timers(execution, loans.reschedule(OrderVariables.orderId(execution)));
    }

    /** {@code Task_FindNextBorrower}: straight on to the next order waiting for the item, if the lender allows it. */
    @Bean
    JavaDelegate findNextBorrower(Forwarding forwarding) {
        return execution -> OrderVariables.setTransient(execution, OrderVariables.FORWARDED,
            forwarding.forwardToNextBorrower(OrderVariables.orderId(execution)));
    }

    /** {@code Task_ShipHome}: back to the lender's drop-off branch. */
    @Bean
    JavaDelegate shipHome(Forwarding forwarding) {
        return execution -> {
            forwarding.shipHome(OrderVariables.orderId(execution));
            execution.setVariable(OrderVariables.LENDER_AGENCY_ID, forwarding.lenderAgencyOf(OrderVariables.orderId(execution)));
        };
    }

    /** {@code Task_CompleteOrder}: the lender has it back, or it reached the next borrower. */
    @Bean
    JavaDelegate completeOrder(Forwarding forwarding) {
        return execution -> forwarding.complete(OrderVariables.orderId(execution));
    }

    /** {@code Task_AcceptForwardedItem} (IllOrder): the item of another order comes to this one. */
    @Bean
    JavaDelegate acceptForwardedItem(Forwarding forwarding) {
        return execution -> forwarding.acceptForwardedItem(OrderVariables.orderId(execution),
            Long.parseLong(OrderVariables.string(execution, OrderVariables.FORWARDED_FROM)),
            OrderVariables.string(execution, OrderVariables.FORWARDED_LENDER_BRANCH_ID),
            OrderVariables.string(execution, OrderVariables.FORWARDED_ITEM_ID),
            OrderVariables.date(execution, OrderVariables.FORWARDED_DUE_DATE));
    }

    private static void timers(DelegateExecution execution, LoanPolicy.Timers timers) {
        execution.setVariable(OrderVariables.REMINDER_AT, Date.from(timers.reminderAt()));
        execution.setVariable(OrderVariables.OVERDUE_CYCLE, timers.overdueCycle());
    }
}

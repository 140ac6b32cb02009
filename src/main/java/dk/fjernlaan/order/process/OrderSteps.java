package dk.fjernlaan.order.process;

import dk.fjernlaan.automation.Decision;
import dk.fjernlaan.order.OrderService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The order process's service tasks: thin delegates that read the order reference and the routing facts,
 * call one step of {@link OrderService}, and leave nothing else behind.
 */
@Configuration
class OrderSteps {

    /**
     * {@code Task_DecideAutomation}: the automation decision; its route ({@code AUTOMATED}, {@code STAFF_CHOSEN},
     * {@code MANUAL}, {@code LOCAL}) and the lender go into the process. A technical failure does not lose the
     * order: it goes to the manual queue with reason {@code error}, where staff can retry.
     */
    @Bean
    JavaDelegate decideAutomation(OrderService orders) {
        return execution -> {
            long orderId = OrderVariables.orderId(execution);
            Decision decision;
            try {
                decision = orders.decideAutomation(orderId);
            } catch (RuntimeException e) {
                LoggerFactory.getLogger(OrderSteps.class).warn("Automation decision for order {} failed", orderId, e);
                orders.automationFailed(orderId, e.getClass().getSimpleName() + ": " + e.getMessage());
                execution.setVariable(OrderVariables.ROUTE, Decision.Route.MANUAL.name());
                execution.setVariable(OrderVariables.AUTOMATION_REASON, "error");
                return;
            }
            execution.setVariable(OrderVariables.ROUTE, decision.route().name());
            execution.setVariable(OrderVariables.LENDER_BRANCH_ID, decision.lenderBranchId());
            execution.setVariable(OrderVariables.AUTOMATION_REASON, decision.reason());
        };
    }

    /** {@code Task_RejectOrder}: staff closed the order without supply. */
    @Bean
    JavaDelegate rejectOrder(OrderService orders) {
        return (DelegateExecution execution) -> {
            orders.reject(OrderVariables.orderId(execution), OrderVariables.string(execution, OrderVariables.REJECT_REASON));
            execution.setVariable(OrderVariables.ORDER_OUTCOME, OrderVariables.REJECTED);
        };
    }
}

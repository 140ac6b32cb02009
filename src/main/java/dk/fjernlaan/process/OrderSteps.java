package dk.fjernlaan.process;

import dk.fjernlaan.automation.Decision;
import dk.fjernlaan.order.AutomationStep;
import dk.fjernlaan.order.ManualQueue;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The order process's service tasks: thin delegates that read the order reference and the routing facts,
 * call one step of a use case, and leave nothing else behind.
 */
@Configuration
class OrderSteps {

    /**
     * {@code Task_DecideAutomation}: the automation decision; its route ({@code AUTOMATED}, {@code STAFF_CHOSEN},
     * {@code MANUAL}, {@code LOCAL}) and the lender go into the process. A technical failure (the database, a
     * table that cannot be evaluated) is not a business outcome: it fails the job, which the engine tries again
     * and, when the retries run out, shows as an incident in Cockpit. The order waits in {@code RECEIVED} meanwhile.
     */
    @Bean
    JavaDelegate decideAutomation(AutomationStep automation) {
        return execution -> {
            Decision decision = automation.decide(OrderVariables.orderId(execution));
            OrderVariables.setTransient(execution, OrderVariables.ROUTE, decision.route().name());
            execution.setVariable(OrderVariables.LENDER_BRANCH_ID, decision.lenderBranchId());
            execution.setVariable(OrderVariables.AUTOMATION_REASON, decision.reason());
        };
    }

    /** {@code Task_RejectOrder}: staff closed the order without supply. */
    @Bean
    JavaDelegate rejectOrder(ManualQueue queue) {
        return (DelegateExecution execution) -> {
            queue.reject(OrderVariables.orderId(execution), OrderVariables.string(execution, OrderVariables.REJECT_REASON));
            execution.setVariable(OrderVariables.ORDER_OUTCOME, OrderVariables.REJECTED);
        };
    }
}

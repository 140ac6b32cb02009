package dk.fjernlaan.order.process;

import dk.fjernlaan.order.OrderService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The order process's service tasks: thin delegates that read the order reference and the routing facts,
 * call one step of {@link OrderService}, and leave nothing else behind.
 */
@Configuration
class OrderSteps {

    /** {@code Task_SendToLender}: the request goes to the chosen lender branch. */
    @Bean
    JavaDelegate sendToLender(OrderService orders) {
        return execution -> orders.sendToLender(OrderVariables.orderId(execution),
            OrderVariables.string(execution, OrderVariables.LENDER_BRANCH_ID));
    }

    /** {@code Task_RejectOrder}: staff closed the order without supply. */
    @Bean
    JavaDelegate rejectOrder(OrderService orders) {
        return (DelegateExecution execution) -> orders.reject(OrderVariables.orderId(execution),
            OrderVariables.string(execution, OrderVariables.REJECT_REASON));
    }
}

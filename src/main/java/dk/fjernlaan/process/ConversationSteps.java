package dk.fjernlaan.process;

import java.util.Date;
import java.util.Optional;

import dk.fjernlaan.order.OrderService;
import dk.fjernlaan.platform.time.FjernlaanClock;
import dk.fjernlaan.platform.time.WorkingDays;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The steps of the conversation with the lender ({@code LenderConversation}) and of its end in {@code IllOrder}. */
@Configuration
class ConversationSteps {

    /** {@code Task_SendRequest}: the request goes to the lender branch; its silence deadline is set in working days. */
    @Bean
    JavaDelegate sendRequest(OrderService orders, WorkingDays workingDays, FjernlaanClock clock,
                             @Value("${fjernlaan.lender.silence-working-days:3}") int silenceDays) {
        return execution -> {
            long orderId = OrderVariables.orderId(execution);
            String lenderAgency = orders.sendToLender(orderId, OrderVariables.string(execution, OrderVariables.LENDER_BRANCH_ID));
            execution.setVariable(OrderVariables.LENDER_AGENCY_ID, lenderAgency);
            execution.setVariable(OrderVariables.SILENCE_DEADLINE, Date.from(workingDays.plusWorkingDays(clock.now(), silenceDays)));
        };
    }

    /** {@code Task_RecordSilence}: the lender did not answer within the working days. */
    @Bean
    JavaDelegate recordSilence(OrderService orders, @Value("${fjernlaan.lender.silence-working-days:3}") int silenceDays) {
        return execution -> orders.lenderSilent(OrderVariables.orderId(execution), silenceDays);
    }

    /** {@code Task_CheckExpectedDate}: is the lender's later date acceptable, or should another lender be asked? */
    @Bean
    JavaDelegate checkExpectedDate(OrderService orders, @Value("${fjernlaan.lender.expected-date-margin-days:7}") int marginDays) {
        return execution -> execution.setVariable(OrderVariables.DATE_ACCEPTABLE,
            orders.expectedDateAcceptable(OrderVariables.orderId(execution), marginDays));
    }

    /** {@code Task_WithdrawRequest}: the lender is told the request is withdrawn. */
    @Bean
    JavaDelegate withdrawRequest(OrderService orders) {
        return execution -> orders.withdrawRequest(OrderVariables.orderId(execution), "expected date too late");
    }

    /** {@code Task_FindNextLender}: the next lender of the rota that still qualifies, if any. */
    @Bean
    JavaDelegate findNextLender(OrderService orders) {
        return execution -> {
            Optional<String> next = orders.nextLender(OrderVariables.orderId(execution));
            execution.setVariable(OrderVariables.NEXT_LENDER_FOUND, next.isPresent());
            if (next.isPresent()) {
                execution.setVariable(OrderVariables.LENDER_BRANCH_ID, next.get());
            } else {
                execution.setVariable(OrderVariables.CONVERSATION_OUTCOME, OrderVariables.EXHAUSTED);
            }
        };
    }

    /** {@code Task_ReturnToManual} (IllOrder): no lender left; the order goes back to the borrower's manual queue. */
    @Bean
    JavaDelegate returnToManual(OrderService orders) {
        return execution -> orders.rotaExhausted(OrderVariables.orderId(execution));
    }

    /** {@code Task_ExpireOrder} (IllOrder): the need-before date passed before dispatch. */
    @Bean
    JavaDelegate expireOrder(OrderService orders) {
        return execution -> orders.expire(OrderVariables.orderId(execution));
    }

    /** {@code Task_CancelOrder} (IllOrder): the patron or staff cancelled before dispatch. */
    @Bean
    JavaDelegate cancelOrder(OrderService orders) {
        return execution -> orders.recordCancelled(OrderVariables.orderId(execution),
            OrderVariables.string(execution, OrderVariables.CANCEL_NOTE), OrderVariables.string(execution, OrderVariables.CANCELLED_BY));
    }
}

package dk.fjernlaan.process;

import java.util.Date;
import java.util.Optional;

import dk.fjernlaan.conversation.LenderConversation;
import dk.fjernlaan.order.Cancellation;
import dk.fjernlaan.platform.FjernlaanSettings;
import dk.fjernlaan.platform.time.FjernlaanClock;
import dk.fjernlaan.platform.time.WorkingDays;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The steps of the conversation with the lender ({@code LenderConversation}) and of its end in {@code IllOrder}. */
@Configuration
class ConversationSteps {

    /**
     * {@code Task_SendRequest}: the request goes to the lender branch (to its staff in Tasklist, or to its own system);
     * its silence deadline is set in working days.
     */
    @Bean
    JavaDelegate sendRequest(LenderConversation conversation, WorkingDays workingDays, FjernlaanClock clock,
                             FjernlaanSettings settings) {
        int silenceDays = settings.lender().silenceWorkingDays();
        return execution -> {
            long orderId = OrderVariables.orderId(execution);
            LenderConversation.SentRequest sent = conversation.sendRequest(orderId, OrderVariables.string(execution, OrderVariables.LENDER_BRANCH_ID));
            execution.setVariable(OrderVariables.LENDER_AGENCY_ID, sent.lenderAgencyId());
            execution.setVariable(OrderVariables.LENDER_SYSTEM, sent.bySystem());
            OrderVariables.setTransient(execution, OrderVariables.SILENCE_DEADLINE, Date.from(workingDays.plusWorkingDays(clock.now(), silenceDays)));
        };
    }

    /** {@code Task_RecordSilence}: the lender did not answer within the working days. */
    @Bean
    JavaDelegate recordSilence(LenderConversation conversation, FjernlaanSettings settings) {
        return execution -> conversation.lenderSilent(OrderVariables.orderId(execution), settings.lender().silenceWorkingDays());
    }

    /**
     * {@code Task_CheckExpectedDate}: is the lender's later date acceptable, or should another lender be asked? When
     * not, the lender it was weighed against is the one {@code Task_FindNextLender} asks, so that the decision runs
     * once.
     */
    @Bean
    JavaDelegate checkExpectedDate(LenderConversation conversation, FjernlaanSettings settings) {
        int marginDays = settings.lender().expectedDateMarginDays();
        return execution -> {
            LenderConversation.DateCheck check = conversation.checkExpectedDate(OrderVariables.orderId(execution), marginDays);
            OrderVariables.setTransient(execution, OrderVariables.DATE_ACCEPTABLE, check.acceptable());
            if (!check.acceptable() && check.alternative().isPresent()) {
                execution.setVariable(OrderVariables.ROTA_ALTERNATIVE, check.alternative().get());
            }
        };
    }

    /** {@code Task_WithdrawRequest}: the lender is told the request is withdrawn. */
    @Bean
    JavaDelegate withdrawRequest(LenderConversation conversation) {
        return execution -> conversation.withdrawRequest(OrderVariables.orderId(execution), "expected date too late");
    }

    /** {@code Task_FindNextLender}: the next lender of the rota that still qualifies, if any. */
    @Bean
    JavaDelegate findNextLender(LenderConversation conversation) {
        return execution -> {
            Object weighed = execution.getVariable(OrderVariables.ROTA_ALTERNATIVE);
            execution.removeVariable(OrderVariables.ROTA_ALTERNATIVE);
            Optional<String> next = weighed instanceof String branchId ? Optional.of(branchId)
                : conversation.nextLender(OrderVariables.orderId(execution));
            OrderVariables.setTransient(execution, OrderVariables.NEXT_LENDER_FOUND, next.isPresent());
            if (next.isPresent()) {
                execution.setVariable(OrderVariables.LENDER_BRANCH_ID, next.get());
            } else {
                execution.setVariable(OrderVariables.CONVERSATION_OUTCOME, OrderVariables.EXHAUSTED);
            }
        };
    }

    /** {@code Task_ReturnToManual} (IllOrder): no lender left; the order goes back to the borrower's manual queue. */
    @Bean
    JavaDelegate returnToManual(LenderConversation conversation) {
        return execution -> conversation.rotaExhausted(OrderVariables.orderId(execution));
    }

    /** {@code Task_ExpireOrder} (IllOrder): the need-before date passed before dispatch. */
    @Bean
    JavaDelegate expireOrder(Cancellation cancellation) {
        return execution -> cancellation.expire(OrderVariables.orderId(execution));
    }

    /** {@code Task_CancelOrder} (IllOrder): the patron or staff cancelled before dispatch. */
    @Bean
    JavaDelegate cancelOrder(Cancellation cancellation) {
        return execution -> cancellation.recordCancelled(OrderVariables.orderId(execution),
            OrderVariables.string(execution, OrderVariables.CANCEL_NOTE), OrderVariables.string(execution, OrderVariables.CANCELLED_BY));
    }
}

package dk.fjernlaan.conversation;

import java.util.List;
import java.util.Objects;

import dk.fjernlaan.order.IllOrder;
import dk.fjernlaan.order.LenderAttempt;
import dk.fjernlaan.order.OrderStatus;
import dk.fjernlaan.order.SupplierMessage;

/**
 * Whether a lender's message only repeats what the order already has from that lender: the answer it holds for the
 * current request (the same WillSupply, the same expected date), or how its request ended (dispatched with the same
 * due date, unfilled). A client's retry, or the same message to two nodes, then changes nothing. Plain Java.
 */
final class RepeatedAnswer {

    private RepeatedAnswer() {}

    static boolean repeats(IllOrder order, String agencyId, SupplierMessage message) {
        List<LenderAttempt> attempts = order.attempts();
        LenderAttempt last = null;
        for (int i = attempts.size() - 1; i >= 0 && last == null; i--) {
            last = attempts.get(i).agencyId().equals(agencyId) ? attempts.get(i) : null;
        }
        if (last == null) {
            return false;
        }
        boolean current = agencyId.equals(order.lenderAgencyId());
        if (last.open()) {
            return current && switch (message.status()) {
                case WillSupply -> order.status() == OrderStatus.WILL_SUPPLY;
                case ExpectToSupply -> order.status() == OrderStatus.EXPECT_TO_SUPPLY
                    && Objects.equals(order.expectedDelivery(), message.expectedDeliveryDate());
                default -> false;
            };
        }
        return switch (message.status()) {
            case Loaned -> LenderAttempt.LOANED.equals(last.outcome()) && current && Objects.equals(order.dueDate(), message.dueDate());
            case Unfilled -> LenderAttempt.UNFILLED.equals(last.outcome());
            case RetryPossible -> LenderAttempt.RETRY_POSSIBLE.equals(last.outcome());
            default -> false;
        };
    }
}

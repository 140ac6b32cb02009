package dk.fjernlaan.order;

import java.util.function.Function;

import dk.fjernlaan.platform.engine.ConflictRetry;
import dk.fjernlaan.platform.refusal.NotFound;
import org.springframework.stereotype.Component;

/**
 * Changes of one order that come from outside (the API, a peer, staff) are made one at a time: each runs in its own
 * transaction that first takes the order's row, so a second message for the same order (a client's retry, the same
 * message sent to two nodes) waits for the first and then decides on what the first left behind. A collision with
 * the engine's own work (a timer firing at the same moment) runs the change again on fresh state.
 */
@Component
public class OrderChanges {

    private final OrderRepository orders;
    private final ConflictRetry retry;

    OrderChanges(OrderRepository orders, ConflictRetry retry) {
        this.orders = orders;
        this.retry = retry;
    }

    public <T> T locked(long orderId, Function<IllOrder, T> change) {
        return retry.inTransaction(() -> change.apply(orders.findForUpdate(orderId)
            .orElseThrow(() -> NotFound.order(orderId))));
    }
}

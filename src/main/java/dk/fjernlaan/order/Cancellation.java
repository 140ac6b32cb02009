package dk.fjernlaan.order;

import java.util.Optional;

import dk.fjernlaan.platform.refusal.NotFound;
import dk.fjernlaan.platform.refusal.NotInState;
import dk.fjernlaan.platform.security.AccessPolicy;
import dk.fjernlaan.platform.time.FjernlaanClock;
import org.springframework.stereotype.Service;

/** The order ends before dispatch: the patron or staff cancel it, or its need-before date passes. */
@Service
public class Cancellation {

    private final OrderRepository orders;
    private final OrderChanges changes;
    private final OrderProcess process;
    private final LenderChannel lenders;
    private final FjernlaanClock clock;

    Cancellation(OrderRepository orders, OrderChanges changes, OrderProcess process, LenderChannel lenders, FjernlaanClock clock) {
        this.orders = orders;
        this.changes = changes;
        this.process = process;
        this.lenders = lenders;
        this.clock = clock;
    }

    /** Cancels the order (patron or staff) before the lender has dispatched it. */
    public IllOrder cancel(long orderId, String note) {
        changes.locked(orderId, order -> {
            AccessPolicy.requireAgency(order.borrowerAgencyId());
            if (order.status().closed()) {
                throw new NotInState(order.status().name(), "problem.cancel.closed", orderId, order.status());
            }
            if (!order.status().beforeDispatch()) {
                throw new NotInState(order.status().name(), "problem.cancel.dispatched", orderId, order.status());
            }
            if (!process.cancel(orderId, note)) {
                throw new NotInState(order.status().name(), "problem.order.busy", orderId, order.status());
            }
            return null;
        });
        return orders.find(orderId).orElseThrow(() -> NotFound.order(orderId));
    }

    /** Called by the process when the cancellation has stopped everything before dispatch. */
    public void recordCancelled(long orderId, String note, String userId) {
        IllOrder order = orders.find(orderId).orElseThrow(() -> NotFound.order(orderId));
        Optional<String> asked = lenderAsked(order);
        boolean saidYes = saidYes(order);
        order.cancelled(note, clock.now(), userId);
        orders.update(order);
        asked.ifPresent(lender -> lenders.tell(order, lender, LenderChannel.Notice.CANCELLED, saidYes));
    }

    /** The need-before date passed before dispatch. */
    public void expire(long orderId) {
        IllOrder order = orders.find(orderId).orElseThrow(() -> NotFound.order(orderId));
        Optional<String> asked = lenderAsked(order);
        boolean saidYes = saidYes(order);
        order.expired(clock.now());
        orders.update(order);
        asked.ifPresent(lender -> lenders.tell(order, lender, LenderChannel.Notice.EXPIRED, saidYes));
    }

    /** The lender that has the request now: it is to be told. */
    private static Optional<String> lenderAsked(IllOrder order) {
        return order.currentAttempt().isPresent() ? Optional.ofNullable(order.lenderAgencyId()) : Optional.empty();
    }

    /** Whether the lender has said it will supply (and may have put the item aside). */
    private static boolean saidYes(IllOrder order) {
        return order.currentAttempt().isPresent()
            && (order.status() == OrderStatus.WILL_SUPPLY || order.status() == OrderStatus.EXPECT_TO_SUPPLY);
    }
}

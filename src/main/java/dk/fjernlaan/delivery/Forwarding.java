package dk.fjernlaan.delivery;

import java.time.LocalDate;
import java.util.Map;

import dk.fjernlaan.automation.AutomationSettingsService;
import dk.fjernlaan.courier.CourierScheme;
import dk.fjernlaan.courier.Shipment;
import dk.fjernlaan.directory.Branch;
import dk.fjernlaan.directory.DirectoryService;
import dk.fjernlaan.order.IllOrder;
import dk.fjernlaan.order.LenderAttempt;
import dk.fjernlaan.order.LenderChannel;
import dk.fjernlaan.order.LentItem;
import dk.fjernlaan.order.OrderProcess;
import dk.fjernlaan.order.OrderRepository;
import dk.fjernlaan.order.OrderSignal;
import dk.fjernlaan.order.OrderStatus;
import dk.fjernlaan.order.Orders;
import dk.fjernlaan.platform.security.Actor;
import dk.fjernlaan.platform.time.FjernlaanClock;
import org.springframework.stereotype.Service;

/**
 * The item back at the borrower library ({@code Return}): straight on to the next borrower waiting for it, if the
 * lender allows it ({@link NextBorrowerPolicy}), or home to the lender's drop-off branch; then the order is complete.
 */
@Service
public class Forwarding {

    private static final java.util.Set<OrderStatus> WAITING = java.util.EnumSet.of(OrderStatus.RECEIVED, OrderStatus.AWAITING_MANUAL,
        OrderStatus.SENT_TO_LENDER, OrderStatus.WILL_SUPPLY, OrderStatus.EXPECT_TO_SUPPLY);

    private final OrderRepository orders;
    private final Orders reading;
    private final OrderProcess process;
    private final LenderChannel lenders;
    private final CourierScheme courier;
    private final DirectoryService directory;
    private final AutomationSettingsService settings;
    private final FjernlaanClock clock;

    Forwarding(OrderRepository orders, Orders reading, OrderProcess process, LenderChannel lenders, CourierScheme courier,
               DirectoryService directory,
               AutomationSettingsService settings, FjernlaanClock clock) {
        this.orders = orders;
        this.reading = reading;
        this.process = process;
        this.lenders = lenders;
        this.courier = courier;
        this.directory = directory;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * The item is back at the borrower library: if another order waits for it (from this lender, or with no lender
     * yet) and the lender allows it, it goes straight there; the next order is the one with the earliest
     * need-before date that can still use it.
     *
     * @return whether it was forwarded
     */
    public boolean forwardToNextBorrower(long orderId) {
        IllOrder order = reading.order(orderId);
        if (order.lenderAgencyId() == null || !settings.loanRules(order.lenderAgencyId(), order.materialType()).allowForwarding()) {
            return false;
        }
        LocalDate today = clock.today();
        LentItem item = order.item();
        for (IllOrder next : orders.findWaitingFor(order.workId(), order.lenderAgencyId(), orderId)) {
            Shipment onward = courier.route(order.pickupBranchId(), next.pickupBranchId(), today);
            if (!NextBorrowerPolicy.canTake(next.exactEdition(), next.orderedPid(), order.orderedPid(), onward.expectedArrival(),
                    next.needBeforeDate())) {
                continue;
            }
            // another returned item may be on its way to this order already: take the order's row, then look again
            if (orders.lockStatus(next.orderId()).filter(WAITING::contains).isEmpty()) {
                continue;
            }
            LocalDate nextDue = NextBorrowerPolicy.dueDate(item.shipment() == null ? null : item.shipment().shippedOn(), order.dueDate(), today);
            boolean taken = process.signal(next.orderId(), OrderSignal.ITEM_FORWARDED, Map.of(
                "forwardedFrom", String.valueOf(orderId), "forwardedLenderBranchId", order.lenderBranchId(),
                "forwardedItemId", item.itemId() == null ? "" : item.itemId(), "forwardedDueDate", nextDue.toString()));
            if (taken) {
                IllOrder fresh = reading.order(orderId);
                fresh.item().forwarded(next.orderId(), onward, clock.now());
                orders.update(fresh);
                lenders.itemEvent(fresh, LenderChannel.ItemEvent.SHIPPED_FORWARD);
                return true;
            }
        }
        return false;
    }

    /** The next order takes over the item forwarded from another order. */
    public void acceptForwardedItem(long orderId, long fromOrderId, String lenderBranchId, String itemId, LocalDate lenderDue) {
        IllOrder order = reading.order(orderId);
        String lenderAgency = directory.findBranch(lenderBranchId).map(Branch::agencyId).orElse(lenderBranchId);
        // the lender this order was asked from, if another: its request is withdrawn, and it is told
        String askedElsewhere = order.currentAttempt().filter(a -> !a.branchId().equals(lenderBranchId)).map(LenderAttempt::agencyId).orElse(null);
        order.receivedForwarded(fromOrderId, lenderBranchId, lenderAgency, itemId == null || itemId.isBlank() ? null : itemId, lenderDue,
            clock.now());
        orders.update(order);
        if (askedElsewhere != null) {
            lenders.tell(order, askedElsewhere, LenderChannel.Notice.WITHDRAWN, true);
        }
    }

    /** No one waits for it: it goes home to the lender's drop-off branch. */
    public void shipHome(long orderId) {
        IllOrder order = reading.order(orderId);
        order.item().returnShipped(courier.route(order.pickupBranchId(), courier.returnAddress(order.lenderBranchId()), clock.today()),
            clock.now(), Actor.current().userId());
        orders.update(order);
        lenders.itemEvent(order, LenderChannel.ItemEvent.SHIPPED_RETURN);
    }

    public String lenderAgencyOf(long orderId) {
        return reading.order(orderId).lenderAgencyId();
    }

    public void complete(long orderId) {
        IllOrder order = reading.order(orderId);
        order.completed(clock.now(), Actor.current().userId());
        orders.update(order);
    }
}

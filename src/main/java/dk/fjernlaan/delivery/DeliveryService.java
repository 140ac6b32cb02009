package dk.fjernlaan.delivery;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dk.fjernlaan.courier.CourierScheme;
import dk.fjernlaan.directory.Branch;
import dk.fjernlaan.directory.DirectoryService;
import dk.fjernlaan.notification.PatronMailer;
import dk.fjernlaan.order.IllOrder;
import dk.fjernlaan.order.LenderChannel;
import dk.fjernlaan.order.OrderChanges;
import dk.fjernlaan.order.OrderProcess;
import dk.fjernlaan.order.OrderRepository;
import dk.fjernlaan.order.OrderSignal;
import dk.fjernlaan.order.OrderStatus;
import dk.fjernlaan.order.OrderSystem;
import dk.fjernlaan.order.Orders;
import dk.fjernlaan.order.SupplierMessage;
import dk.fjernlaan.order.SupplierStatus;
import dk.fjernlaan.platform.FjernlaanSettings;
import dk.fjernlaan.platform.input.InputRules;
import dk.fjernlaan.platform.refusal.NotAllowed;
import dk.fjernlaan.platform.refusal.NotInState;
import dk.fjernlaan.platform.refusal.Unacceptable;
import dk.fjernlaan.platform.security.AccessPolicy;
import dk.fjernlaan.platform.security.Actor;
import dk.fjernlaan.platform.time.FjernlaanClock;
import org.springframework.stereotype.Service;

/**
 * The order after dispatch ({@code Delivery}): the courier's way to the pickup branch, the patron's notice and
 * pickup; and the messages about the item from the borrower library, the patron and the lender.
 */
@Service
public class DeliveryService {

    private final OrderRepository orders;
    private final Orders reading;
    private final OrderChanges changes;
    private final OrderProcess process;
    private final CourierScheme courier;
    private final DirectoryService directory;
    private final PatronMailer mailer;
    private final LenderChannel lenders;
    private final LoanService loans;
    private final FjernlaanClock clock;
    private final int pickupDays;
    private final int recallDays;

    @SuppressWarnings("java:S107")
    DeliveryService(OrderRepository orders, Orders reading, OrderChanges changes, OrderProcess process, CourierScheme courier,
                    DirectoryService directory, PatronMailer mailer, LenderChannel lenders, LoanService loans, FjernlaanClock clock,
                    FjernlaanSettings settings) {
        this.orders = orders;
        this.reading = reading;
        this.changes = changes;
        this.process = process;
        this.courier = courier;
        this.directory = directory;
        this.mailer = mailer;
        this.lenders = lenders;
        this.loans = loans;
        this.clock = clock;
        this.pickupDays = settings.pickup().periodDays();
        this.recallDays = settings.loan().recallDays();
    }

    // messages from the libraries and the patron's events --------------------------------------

    /** The borrower library's messages about the item: Received, ShippedReturn, Renew. */
    public IllOrder requesterMessage(long orderId, String action) {
        if ("Renew".equals(action)) {
            return loans.renew(orderId);
        }
        return signal(orderId, action, true, order -> switch (action) {
            case "Received" -> order.status() == OrderStatus.SHIPPED ? OrderSignal.ITEM_RECEIVED : null;
            case "ShippedReturn" -> order.status() == OrderStatus.ON_LOAN ? OrderSignal.RETURNED
                : order.status() == OrderStatus.AT_PICKUP ? OrderSignal.NOT_PICKED_UP : null;
            default -> null;
        }, Map.of());
    }

    /** The patron's events at the pickup branch: PickedUp, NotPickedUp, Returned. */
    public IllOrder patronEvent(long orderId, String event) {
        return signal(orderId, event, true, order -> switch (event) {
            case "PickedUp", "NotPickedUp" -> order.status() != OrderStatus.AT_PICKUP ? null
                : "PickedUp".equals(event) ? OrderSignal.PICKED_UP : OrderSignal.NOT_PICKED_UP;
            case "Returned" -> order.status() == OrderStatus.ON_LOAN ? OrderSignal.RETURNED : null;
            default -> null;
        }, Map.of());
    }

    /**
     * The lender's messages after dispatch: Recalled (with the new due date, or without one: within the recall
     * period), LoanCompleted.
     */
    public IllOrder lenderMessage(long orderId, SupplierMessage message) {
        if (message.status() == SupplierStatus.Recalled) {
            if (message.dueDate() != null && message.dueDate().isBefore(clock.today())) {
                throw Unacceptable.field("dueDate", "problem.date.past");
            }
            if (message.dueDate() != null && !InputRules.withinReach(message.dueDate(), clock.today())) {
                throw Unacceptable.field("dueDate", "problem.date.tooFar", InputRules.DAYS_AHEAD);
            }
            changes.locked(orderId, order -> {
                requireLender(order);
                // without a date, the item is wanted back within the recall period (never later than it was due)
                LocalDate due = message.dueDate() != null ? message.dueDate()
                    : LoanPolicy.recallDue(order.dueDate(), clock.today(), recallDays);
                if (order.status() != OrderStatus.SHIPPED && order.status() != OrderStatus.AT_PICKUP && order.status() != OrderStatus.ON_LOAN) {
                    throw notFitting(order, "Recalled");
                }
                loans.recall(order, due);
                return null;
            });
            return reading.order(orderId);
        }
        return signal(orderId, message.status().name(), false, order -> {
            requireLender(order);
            return message.status() == SupplierStatus.LoanCompleted && order.status() == OrderStatus.RETURN_SHIPPED
                ? OrderSignal.LOAN_COMPLETED : null;
        }, Map.of());
    }

    private static void requireLender(IllOrder order) {
        if (order.lenderAgencyId() == null || !Actor.current().mayActFor(order.lenderAgencyId())) {
            throw new NotAllowed("problem.delivery.onlyLenderStaff", order.orderId());
        }
    }

    /** Tells the order's process what happened, if it fits the order's state as it is now. */
    private IllOrder signal(long orderId, String what, boolean borrowerSends, Function<IllOrder, OrderSignal> fitting,
                            Map<String, Object> facts) {
        changes.locked(orderId, order -> {
            if (borrowerSends) {
                AccessPolicy.requireAgency(order.borrowerAgencyId());
            }
            OrderSignal signal = fitting.apply(order);
            if (signal == null) {
                throw notFitting(order, what);
            }
            take(order, signal, facts);
            return null;
        });
        return reading.order(orderId);
    }

    private void take(IllOrder order, OrderSignal signal, Map<String, Object> facts) {
        if (!process.signal(order.orderId(), signal, facts)) {
            throw new NotInState(order.status().name(), "problem.order.busy", order.orderId(), order.status());
        }
    }

    private static NotInState notFitting(IllOrder order, String what) {
        return new NotInState(order.status().name(), "problem.message.notFitting", what, order.orderId(), order.status());
    }

    // steps of the delivery ---------------------------------------------------------------------

    /** The item is on its way from the lender: plan its way through the courier scheme. */
    public void planShipment(long orderId) {
        IllOrder order = reading.order(orderId);
        Long forwardedFrom = order.item().forwardedFrom();
        String from = forwardedFrom == null ? order.lenderBranchId()
            : orders.find(forwardedFrom).map(IllOrder::pickupBranchId).orElse(order.lenderBranchId());
        order.item().shipmentPlanned(courier.route(from, order.pickupBranchId(), clock.today()), clock.now());
        orders.update(order);
    }

    /** What the arrival at the pickup branch leaves: the end of the pickup period, and whether another order sent the item here. */
    /**
     * The item is at the pickup branch until {@code pickupPeriodOver}; {@code forwardedHere}: it came from another
     * order; {@code lentByBorrower}: the borrowing library's own system lends it to its patron (an ISO 18626 order).
     */
    public record Arrival(Instant pickupPeriodOver, boolean forwardedHere, boolean lentByBorrower) {}

    /** The item has arrived at the pickup branch: the patron is told where and until when. */
    public Arrival itemArrived(long orderId) {
        IllOrder order = reading.order(orderId);
        LocalDate keptUntil = clock.today().plusDays(pickupDays);
        order.item().arrived(keptUntil, clock.now(), Actor.current().userId());
        String where = directory.findBranch(order.pickupBranchId()).map(Branch::name).orElse(order.pickupBranchId());
        if (mailer.send(orderId, order.borrowerAgencyId(), order.patronId(), "PICKUP_READY", reading.title(order), where, keptUntil)) {
            order.item().patronNotified("PICKUP_READY", clock.now());
        }
        orders.update(order);
        lenders.itemEvent(order, LenderChannel.ItemEvent.RECEIVED);
        return new Arrival(keptUntil.plusDays(1).atStartOfDay(clock.zone()).toInstant(), order.item().forwardedFrom() != null,
            order.orderSystem() == OrderSystem.iso18626);
    }

    /**
     * The item forwarded here has arrived: the order it came from is done with it. A step of its own (another
     * order's process), after the arrival is recorded.
     *
     * @return whether the order it came from was waiting for it
     */
    public boolean tellForwardingOrder(long orderId) {
        Long from = reading.order(orderId).item().forwardedFrom();
        return from != null && process.signal(from, OrderSignal.FORWARDED_ITEM_ARRIVED, Map.of());
    }

    public void notPickedUp(long orderId) {
        IllOrder order = reading.order(orderId);
        order.item().notPickedUp(clock.now(), Actor.current().userId());
        orders.update(order);
    }

    /** Where a lender's items out on ILL are now. */
    public List<IllOrder> itemsOut(String lenderAgencyId) {
        directory.agency(lenderAgencyId);
        return orders.findItemsOut(lenderAgencyId);
    }

    /** The mails the order's patron got (without their recipient). */
    public List<PatronMailer.Mail> mails(long orderId) {
        IllOrder order = reading.order(orderId);
        AccessPolicy.requireAnyAgency(order.borrowerAgencyId());
        return mailer.mails(orderId);
    }
}

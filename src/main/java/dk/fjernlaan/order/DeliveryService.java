package dk.fjernlaan.order;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import dk.fjernlaan.automation.AutomationSettingsService;
import dk.fjernlaan.automation.LoanRules;
import dk.fjernlaan.catalogue.BibRecord;
import dk.fjernlaan.catalogue.CatalogueService;
import dk.fjernlaan.courier.CourierScheme;
import dk.fjernlaan.courier.Shipment;
import dk.fjernlaan.directory.Branch;
import dk.fjernlaan.directory.DirectoryService;
import dk.fjernlaan.notification.PatronMailer;
import dk.fjernlaan.platform.security.AccessPolicy;
import dk.fjernlaan.platform.security.Actor;
import dk.fjernlaan.platform.time.FjernlaanClock;
import dk.fjernlaan.platform.time.WorkingDays;
import dk.fjernlaan.platform.web.ApiException;
import dk.fjernlaan.platform.web.InputRules;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The order after dispatch: the courier's way to the pickup branch, the patron's notice and pickup, the loan with
 * its reminders, renewals and recalls, the way back to the lender, or on to the next borrower waiting for it.
 */
@Service
public class DeliveryService {

    /** Timer dates for the loan: the reminder before the due date, and the overdue notices after it. */
    public record LoanTimers(Instant reminderAt, String overdueCycle) {}

    private static final java.util.Set<OrderStatus> WAITING = java.util.EnumSet.of(OrderStatus.RECEIVED, OrderStatus.AWAITING_MANUAL,
        OrderStatus.SENT_TO_LENDER, OrderStatus.WILL_SUPPLY, OrderStatus.EXPECT_TO_SUPPLY);

    private final OrderRepository orders;
    private final OrderProcess process;
    private final CourierScheme courier;
    private final DirectoryService directory;
    private final CatalogueService catalogue;
    private final AutomationSettingsService settings;
    private final PatronMailer mailer;
    private final WorkingDays workingDays;
    private final FjernlaanClock clock;
    private final OrderChanges changes;
    private final int pickupDays;
    private final int reminderDaysBefore;
    private final int overdueNotices;
    private final int overdueIntervalDays;

    @SuppressWarnings("java:S107")
    DeliveryService(OrderRepository orders, OrderProcess process, CourierScheme courier, DirectoryService directory,
                    CatalogueService catalogue, AutomationSettingsService settings, PatronMailer mailer, WorkingDays workingDays,
                    FjernlaanClock clock, OrderChanges changes,
                    @Value("${fjernlaan.pickup.period-days:7}") int pickupDays,
                    @Value("${fjernlaan.loan.reminder-days-before:3}") int reminderDaysBefore,
                    @Value("${fjernlaan.loan.overdue-notices:3}") int overdueNotices,
                    @Value("${fjernlaan.loan.overdue-interval-days:7}") int overdueIntervalDays) {
        this.orders = orders;
        this.process = process;
        this.courier = courier;
        this.directory = directory;
        this.catalogue = catalogue;
        this.settings = settings;
        this.mailer = mailer;
        this.workingDays = workingDays;
        this.clock = clock;
        this.changes = changes;
        this.pickupDays = pickupDays;
        this.reminderDaysBefore = reminderDaysBefore;
        this.overdueNotices = overdueNotices;
        this.overdueIntervalDays = overdueIntervalDays;
    }

    private IllOrder order(long orderId) {
        return orders.find(orderId).orElseThrow(() -> ApiException.notFound("No order " + orderId + "."));
    }

    private String title(IllOrder order) {
        return catalogue.findRecord(order.orderedPid()).map(BibRecord::title).orElse(order.orderedPid());
    }

    // messages from the libraries and the patron's events --------------------------------------

    /** The borrower library's messages about the item: Received, ShippedReturn, Renew. */
    public IllOrder requesterMessage(long orderId, String action) {
        IllOrder order = order(orderId);
        AccessPolicy.requireAgency(order.borrowerAgencyId());
        OrderSignal signal = switch (action) {
            case "Received" -> order.status() == OrderStatus.SHIPPED ? OrderSignal.ITEM_RECEIVED : null;
            case "ShippedReturn" -> order.status() == OrderStatus.ON_LOAN ? OrderSignal.RETURNED
                : order.status() == OrderStatus.AT_PICKUP ? OrderSignal.NOT_PICKED_UP : null;
            case "Renew" -> order.status() == OrderStatus.ON_LOAN ? OrderSignal.RENEWAL_REQUESTED : null;
            default -> null;
        };
        return signal(order, action, signal, Map.of());
    }

    /** The patron's events at the pickup branch: PickedUp, NotPickedUp, Returned. */
    public IllOrder patronEvent(long orderId, String event) {
        IllOrder order = order(orderId);
        AccessPolicy.requireAgency(order.borrowerAgencyId());
        OrderSignal signal = switch (event) {
            case "PickedUp" -> order.status() == OrderStatus.AT_PICKUP ? OrderSignal.PICKED_UP : null;
            case "NotPickedUp" -> order.status() == OrderStatus.AT_PICKUP ? OrderSignal.NOT_PICKED_UP : null;
            case "Returned" -> order.status() == OrderStatus.ON_LOAN ? OrderSignal.RETURNED : null;
            default -> null;
        };
        return signal(order, event, signal, Map.of());
    }

    /** The lender's messages after dispatch: Recalled (with a new due date), LoanCompleted. */
    public IllOrder lenderMessage(long orderId, SupplierMessage message) {
        IllOrder order = order(orderId);
        if (order.lenderAgencyId() == null || !Actor.current().mayActFor(order.lenderAgencyId())) {
            throw ApiException.forbidden("Only staff of the lender (or an administrator) may send this for order " + orderId + ".");
        }
        if (message.status() == SupplierStatus.Recalled) {
            if (message.dueDate() == null) {
                throw ApiException.badRequest("dueDate", "is required with Recalled: the new due date");
            }
            if (message.dueDate().isBefore(clock.today())) {
                throw ApiException.unprocessable("dueDate", "is in the past");
            }
            if (!InputRules.withinReach(message.dueDate(), clock.today())) {
                throw ApiException.unprocessable("dueDate", "must be at most " + InputRules.DAYS_AHEAD + " days ahead");
            }
            if (order.status() == OrderStatus.ON_LOAN) {
                return signal(order, "Recalled", OrderSignal.RECALLED, Map.of("recalledDueDate", message.dueDate().toString()));
            }
            if (order.status() == OrderStatus.SHIPPED || order.status() == OrderStatus.AT_PICKUP) {
                changes.locked(orderId, fresh -> {
                    if (fresh.status() != order.status()) {
                        throw ApiException.conflict("The message Recalled does not fit order " + orderId + " in status " + fresh.status() + ".",
                            fresh.status().name());
                    }
                    fresh.recalled(message.dueDate(), fresh.patronDueDate(), clock.now(), Actor.current().userId());
                    orders.update(fresh);
                    return null;
                });
                return order(orderId);
            }
        }
        OrderSignal signal = message.status() == SupplierStatus.LoanCompleted && order.status() == OrderStatus.RETURN_SHIPPED
            ? OrderSignal.LOAN_COMPLETED : null;
        return signal(order, message.status().name(), signal, Map.of());
    }

    private IllOrder signal(IllOrder order, String what, OrderSignal signal, Map<String, Object> facts) {
        if (signal == null) {
            throw ApiException.conflict("The message " + what + " does not fit order " + order.orderId() + " in status " + order.status() + ".",
                order.status().name());
        }
        Boolean taken = changes.locked(order.orderId(), now -> {
            if (now.status() != order.status()) {
                throw ApiException.conflict("The message " + what + " does not fit order " + order.orderId() + " in status " + now.status() + ".",
                    now.status().name());
            }
            return process.signal(order.orderId(), signal, facts);
        });
        if (!Boolean.TRUE.equals(taken)) {
            throw ApiException.conflict("Order " + order.orderId() + " is being processed right now; try again in a moment.", order.status().name());
        }
        return order(order.orderId());
    }

    // steps of the delivery ---------------------------------------------------------------------

    /** The item is on its way from the lender: plan its way through the courier scheme. */
    public void planShipment(long orderId) {
        IllOrder order = order(orderId);
        String from = order.forwardedFrom() != null ? orders.find(order.forwardedFrom()).map(IllOrder::pickupBranchId).orElse(order.lenderBranchId())
            : order.lenderBranchId();
        order.shipmentPlanned(courier.route(from, order.pickupBranchId(), clock.today()), clock.now());
        orders.update(order);
    }

    /**
     * The item has arrived at the pickup branch: the patron is told where and until when.
     *
     * @return when the pickup period is over
     */
    public Instant itemArrived(long orderId) {
        IllOrder order = order(orderId);
        LocalDate keptUntil = clock.today().plusDays(pickupDays);
        order.arrived(keptUntil, clock.now(), Actor.current().userId());
        String where = directory.findBranch(order.pickupBranchId()).map(Branch::name).orElse(order.pickupBranchId());
        if (mailer.send(orderId, order.borrowerAgencyId(), order.patronId(), "PICKUP_READY", title(order), where, keptUntil)) {
            order.patronNotified("PICKUP_READY", clock.now());
        }
        orders.update(order);
        if (order.forwardedFrom() != null) {
            process.signal(order.forwardedFrom(), OrderSignal.FORWARDED_ITEM_ARRIVED, Map.of());
        }
        return keptUntil.plusDays(1).atStartOfDay(clock.zone()).toInstant();
    }

    public void notPickedUp(long orderId) {
        IllOrder order = order(orderId);
        order.notPickedUp(clock.now(), Actor.current().userId());
        orders.update(order);
    }

    /** The patron has the item: the loan runs until the lender's due date less the way back. */
    public LoanTimers startLoan(long orderId) {
        IllOrder order = order(orderId);
        LocalDate patronDue = patronDue(order, order.dueDate());
        order.pickedUp(patronDue, clock.now(), Actor.current().userId());
        orders.update(order);
        return timers(patronDue);
    }

    public void remind(long orderId, String kind) {
        IllOrder order = order(orderId);
        if (order.status() == OrderStatus.ON_LOAN
                && mailer.send(orderId, order.borrowerAgencyId(), order.patronId(), kind, title(order), order.patronDueDate())) {
            order.patronNotified(kind, clock.now());
            orders.update(order);
        }
    }

    /**
     * The patron asks to renew: granted when no other order waits for the work at the lender and the lender's
     * rules allow another renewal; the patron is told either way.
     */
    public LoanTimers decideRenewal(long orderId) {
        IllOrder order = order(orderId);
        LoanRules rules = settings.loanRules(order.lenderAgencyId(), order.materialType());
        String refusal = null;
        if (!orders.findWaitingFor(order.workId(), order.lenderAgencyId(), orderId).isEmpty()) {
            refusal = "en anden låner venter på materialet";
        } else if (order.renewals() >= rules.maxRenewals()) {
            refusal = "långivers regler tillader højst " + rules.maxRenewals() + " fornyelser";
        }
        if (refusal == null) {
            LocalDate lenderDue = order.dueDate().plusDays(rules.renewalDays());
            order.renewed(lenderDue, patronDue(order, lenderDue), clock.now(), Actor.current().userId());
            mailer.send(orderId, order.borrowerAgencyId(), order.patronId(), "RENEWAL_GRANTED", title(order), order.patronDueDate());
        } else {
            order.renewalRefused(refusal, clock.now(), Actor.current().userId());
            mailer.send(orderId, order.borrowerAgencyId(), order.patronId(), "RENEWAL_REFUSED", title(order), order.patronDueDate(), refusal);
        }
        orders.update(order);
        return timers(order.patronDueDate());
    }

    /** The lender needs its item back earlier: the loan is shortened and the patron told. */
    public LoanTimers applyRecall(long orderId, LocalDate lenderDue) {
        IllOrder order = order(orderId);
        order.recalled(lenderDue, patronDue(order, lenderDue), clock.now(), Actor.current().userId());
        mailer.send(orderId, order.borrowerAgencyId(), order.patronId(), "RECALLED", title(order), order.patronDueDate());
        orders.update(order);
        return timers(order.patronDueDate());
    }

    /**
     * The item is back at the borrower library: if another order waits for it (from this lender, or with no lender
     * yet) and the lender allows it, it goes straight there; the next order is the one with the earliest
     * need-before date that can still use it.
     *
     * @return whether it was forwarded
     */
    public boolean forwardToNextBorrower(long orderId) {
        IllOrder order = order(orderId);
        if (order.lenderAgencyId() == null || !settings.loanRules(order.lenderAgencyId(), order.materialType()).allowForwarding()) {
            return false;
        }
        LocalDate today = clock.today();
        long loanDays = order.shipment() != null && order.dueDate() != null
            ? Math.max(14, ChronoUnit.DAYS.between(order.shipment().shippedOn(), order.dueDate())) : 30;
        for (IllOrder next : orders.findWaitingFor(order.workId(), order.lenderAgencyId(), orderId)) {
            if (next.exactEdition() && !next.orderedPid().equals(order.orderedPid())) {
                continue;
            }
            // another returned item may be on its way to this order already: take the order's row, then look again
            if (orders.lockStatus(next.orderId()).filter(WAITING::contains).isEmpty()) {
                continue;
            }
            Shipment onward = courier.route(order.pickupBranchId(), next.pickupBranchId(), today);
            if (onward.expectedArrival().isAfter(next.needBeforeDate())) {
                continue;
            }
            LocalDate nextDue = today.plusDays(loanDays);
            boolean taken = process.signal(next.orderId(), OrderSignal.ITEM_FORWARDED, Map.of(
                "forwardedFrom", String.valueOf(orderId), "forwardedLenderBranchId", order.lenderBranchId(),
                "forwardedItemId", order.itemId() == null ? "" : order.itemId(), "forwardedDueDate", nextDue.toString()));
            if (taken) {
                IllOrder fresh = order(orderId);
                fresh.forwarded(next.orderId(), onward, clock.now());
                orders.update(fresh);
                return true;
            }
        }
        return false;
    }

    /** The next order takes over the item forwarded from another order. */
    public void acceptForwardedItem(long orderId, long fromOrderId, String lenderBranchId, String itemId, LocalDate lenderDue) {
        IllOrder order = order(orderId);
        String lenderAgency = directory.findBranch(lenderBranchId).map(Branch::agencyId).orElse(lenderBranchId);
        order.receivedForwarded(fromOrderId, lenderBranchId, lenderAgency, itemId == null || itemId.isBlank() ? null : itemId, lenderDue,
            clock.now());
        orders.update(order);
    }

    /** No one waits for it: it goes home to the lender's drop-off branch. */
    public void shipHome(long orderId) {
        IllOrder order = order(orderId);
        order.returnShipped(courier.route(order.pickupBranchId(), courier.returnAddress(order.lenderBranchId()), clock.today()),
            clock.now(), Actor.current().userId());
        orders.update(order);
    }

    public String lenderAgencyOf(long orderId) {
        return order(orderId).lenderAgencyId();
    }

    public void complete(long orderId) {
        IllOrder order = order(orderId);
        order.completed(clock.now(), Actor.current().userId());
        orders.update(order);
    }

    /** Where a lender's items out on ILL are now. */
    public List<IllOrder> itemsOut(String lenderAgencyId) {
        directory.agency(lenderAgencyId);
        return orders.findItemsOut(lenderAgencyId);
    }

    public List<PatronMailer.Mail> mails(long orderId) {
        IllOrder order = order(orderId);
        AccessPolicy.requireAnyAgency(order.borrowerAgencyId());
        return mailer.mails(orderId);
    }

    // rules ------------------------------------------------------------------------------------

    /** The patron's due date: the lender's due date less the working days the item needs to get back. */
    LocalDate patronDue(IllOrder order, LocalDate lenderDue) {
        int transit = courier.transitDays(order.pickupBranchId(), courier.returnAddress(order.lenderBranchId()));
        LocalDate due = workingDays.minusWorkingDays(lenderDue, transit);
        LocalDate earliest = clock.today().plusDays(1);
        return due.isBefore(earliest) ? earliest : due;
    }

    private LoanTimers timers(LocalDate patronDue) {
        Instant reminder = patronDue.minusDays(reminderDaysBefore).atTime(9, 0).atZone(clock.zone()).toInstant();
        Instant firstOverdue = patronDue.plusDays(1).atTime(9, 0).atZone(clock.zone()).toInstant();
        String cycle = "R" + overdueNotices + "/" + firstOverdue.atZone(clock.zone()).toOffsetDateTime() + "/P" + overdueIntervalDays + "D";
        return new LoanTimers(reminder.isBefore(clock.now()) ? clock.now() : reminder, cycle);
    }
}

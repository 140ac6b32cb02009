package dk.fjernlaan.delivery;

import java.time.LocalDate;
import java.util.Map;

import dk.fjernlaan.automation.AutomationSettingsService;
import dk.fjernlaan.automation.LoanRules;
import dk.fjernlaan.courier.CourierScheme;
import dk.fjernlaan.notification.PatronMailer;
import dk.fjernlaan.order.IllOrder;
import dk.fjernlaan.order.LenderChannel;
import dk.fjernlaan.order.OrderChanges;
import dk.fjernlaan.order.OrderProcess;
import dk.fjernlaan.order.OrderRepository;
import dk.fjernlaan.order.OrderSignal;
import dk.fjernlaan.order.OrderStatus;
import dk.fjernlaan.order.Orders;
import dk.fjernlaan.platform.FjernlaanSettings;
import dk.fjernlaan.platform.refusal.NotAllowed;
import dk.fjernlaan.platform.refusal.NotInState;
import dk.fjernlaan.platform.security.AccessPolicy;
import dk.fjernlaan.platform.security.Actor;
import dk.fjernlaan.platform.texts.Text;
import dk.fjernlaan.platform.texts.Texts;
import dk.fjernlaan.platform.time.FjernlaanClock;
import dk.fjernlaan.platform.time.WorkingDays;
import org.springframework.stereotype.Service;

/**
 * The patron's loan ({@code Loan}): the due date (the lender's, less the way back), the reminder and the overdue
 * notices, renewals and the lender's recall, each told to the patron ({@link LoanPolicy} holds the rules). The
 * process ({@code Loan}) keeps the reminder and notices; it hears of the due date only when it changes.
 */
@Service
public class LoanService {

    private final OrderRepository orders;
    private final Orders reading;
    private final OrderChanges changes;
    private final OrderProcess process;
    private final CourierScheme courier;
    private final AutomationSettingsService settings;
    private final PatronMailer mailer;
    private final WorkingDays workingDays;
    private final Texts texts;
    private final LenderChannel lenders;
    private final FjernlaanClock clock;
    private final FjernlaanSettings.Loan loan;

    @SuppressWarnings("java:S107")
    LoanService(OrderRepository orders, Orders reading, OrderChanges changes, OrderProcess process, CourierScheme courier, AutomationSettingsService settings, PatronMailer mailer,
                WorkingDays workingDays, Texts texts, LenderChannel lenders, FjernlaanClock clock, FjernlaanSettings fjernlaan) {
        this.orders = orders;
        this.reading = reading;
        this.changes = changes;
        this.process = process;
        this.courier = courier;
        this.settings = settings;
        this.mailer = mailer;
        this.workingDays = workingDays;
        this.texts = texts;
        this.lenders = lenders;
        this.clock = clock;
        this.loan = fjernlaan.loan();
    }

    /** The patron has the item: the loan runs until the lender's due date less the way back. */
    public LoanPolicy.Timers startLoan(long orderId) {
        IllOrder order = reading.order(orderId);
        LocalDate patronDue = patronDue(order, order.dueDate());
        order.item().pickedUp(patronDue, clock.now(), Actor.current().userId());
        orders.update(order);
        return timers(patronDue);
    }

    /** The reminder before the due date, or an overdue notice after it. */
    public void remind(long orderId, String kind) {
        IllOrder order = reading.order(orderId);
        if (order.status() == OrderStatus.ON_LOAN
                && mailer.send(orderId, order.borrowerAgencyId(), order.patronId(), kind, reading.title(order), order.item().patronDueDate())) {
            order.item().patronNotified(kind, clock.now());
            orders.update(order);
        }
    }

    /**
     * The patron asks to renew (the borrower library's {@code Renew}): granted or refused ({@link LoanPolicy#renewal});
     * the patron is told either way. Only a granted renewal changes the loan, and so moves its reminder and notices.
     */
    public IllOrder renew(long orderId) {
        changes.locked(orderId, order -> {
            AccessPolicy.requireAgency(order.borrowerAgencyId());
            if (order.status() != OrderStatus.ON_LOAN) {
                throw new NotInState(order.status().name(), "problem.message.notFitting", "Renew", orderId, order.status());
            }
            if (lenders.askRenewal(order)) {
                order.item().renewalAsked(clock.now(), Actor.current().userId());
                orders.update(order);
                return null;
            }
            LoanRules rules = settings.loanRules(order.lenderAgencyId(), order.materialType());
            boolean othersWait = !orders.findWaitingFor(order.workId(), order.lenderAgencyId(), orderId).isEmpty();
            LoanPolicy.Renewal renewal = LoanPolicy.renewal(othersWait, order.item().renewals(), rules, order.dueDate());
            String title = reading.title(order);
            if (renewal.granted()) {
                order.item().renewed(renewal.lenderDue(), patronDue(order, renewal.lenderDue()), clock.now(), Actor.current().userId());
                mailer.send(orderId, order.borrowerAgencyId(), order.patronId(), "RENEWAL_GRANTED", title, order.item().patronDueDate());
                orders.update(order);
                dueDateChanged(order);
            } else {
                order.item().renewalRefused(renewal.refusal(), clock.now(), Actor.current().userId());
                mailer.send(orderId, order.borrowerAgencyId(), order.patronId(), "RENEWAL_REFUSED", title, order.item().patronDueDate(),
                    texts.getDefault(renewal.refusal()));
                orders.update(order);
            }
            return null;
        });
        return reading.order(orderId);
    }

    /**
     * The lender's own system answered a renewal it was asked for: yes with the new due date, or no. The patron is
     * told either way, as when Fjernlån decides.
     */
    public IllOrder renewalAnswered(long orderId, boolean granted, LocalDate lenderDue) {
        changes.locked(orderId, order -> {
            if (order.lenderAgencyId() == null || !Actor.current().mayActFor(order.lenderAgencyId())) {
                throw new NotAllowed("problem.delivery.onlyLenderStaff", orderId);
            }
            if (order.status() != OrderStatus.ON_LOAN) {
                throw new NotInState(order.status().name(), "problem.message.notFitting", "RenewResponse", orderId, order.status());
            }
            String title = reading.title(order);
            if (granted && lenderDue != null && lenderDue.isAfter(order.dueDate())) {
                order.item().renewed(lenderDue, patronDue(order, lenderDue), clock.now(), Actor.current().userId());
                mailer.send(orderId, order.borrowerAgencyId(), order.patronId(), "RENEWAL_GRANTED", title, order.item().patronDueDate());
                orders.update(order);
                dueDateChanged(order);
            } else {
                Text no = Text.of("renewal.refused.byLender");
                order.item().renewalRefused(no, clock.now(), Actor.current().userId());
                mailer.send(orderId, order.borrowerAgencyId(), order.patronId(), "RENEWAL_REFUSED", title, order.item().patronDueDate(),
                    texts.getDefault(no));
                orders.update(order);
            }
            return null;
        });
        return reading.order(orderId);
    }

    /**
     * The lender needs its item back by the given date: the loan is shortened and the patron told; an item not yet
     * with the patron starts its loan with the new date.
     */
    public void recall(IllOrder order, LocalDate lenderDue) {
        if (order.status() == OrderStatus.ON_LOAN) {
            order.item().recalled(lenderDue, patronDue(order, lenderDue), clock.now(), Actor.current().userId());
            mailer.send(order.orderId(), order.borrowerAgencyId(), order.patronId(), "RECALLED", reading.title(order), order.item().patronDueDate());
            orders.update(order);
            dueDateChanged(order);
        } else {
            order.item().recalled(lenderDue, order.item().patronDueDate(), clock.now(), Actor.current().userId());
            orders.update(order);
        }
    }

    private void dueDateChanged(IllOrder order) {
        if (!process.signal(order.orderId(), OrderSignal.DUE_DATE_CHANGED, Map.of())) {
            throw new NotInState(order.status().name(), "problem.order.busy", order.orderId(), order.status());
        }
    }

    /** The due date changed: the reminder and the overdue notices for the patron's due date as it is now. */
    public LoanPolicy.Timers reschedule(long orderId) {
        return timers(reading.order(orderId).item().patronDueDate());
    }

    /** The patron's due date for a lender's due date: less the working days the item needs to get back. */
    LocalDate patronDue(IllOrder order, LocalDate lenderDue) {
        int transit = courier.transitDays(order.pickupBranchId(), courier.returnAddress(order.lenderBranchId()));
        return LoanPolicy.patronDue(workingDays.minusWorkingDays(lenderDue, transit), clock.today());
    }

    private LoanPolicy.Timers timers(LocalDate patronDue) {
        return LoanPolicy.timers(patronDue, loan.reminderDaysBefore(), loan.overdueNotices(), loan.overdueIntervalDays(), clock.zone(),
            clock.now());
    }
}

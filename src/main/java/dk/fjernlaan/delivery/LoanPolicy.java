package dk.fjernlaan.delivery;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import dk.fjernlaan.automation.LoanRules;
import dk.fjernlaan.platform.texts.Text;

/** The rules of the patron's loan as plain Java: the due date, the reminder and overdue notices, renewals. */
public final class LoanPolicy {

    /** When the reminder before the due date fires, and the cycle of the overdue notices after it. */
    public record Timers(Instant reminderAt, String overdueCycle) {}

    /** How a renewal request ends: granted with the lender's new due date, or refused with the reason. */
    public record Renewal(LocalDate lenderDue, Text refusal) {

        public boolean granted() {
            return refusal == null;
        }
    }

    private LoanPolicy() {}

    /**
     * The patron's due date: the lender's due date less the working days the way back takes ({@code backBy}), and
     * at least tomorrow.
     */
    public static LocalDate patronDue(LocalDate backBy, LocalDate today) {
        LocalDate earliest = today.plusDays(1);
        return backBy.isBefore(earliest) ? earliest : backBy;
    }

    /**
     * The reminder {@code reminderDaysBefore} days before the patron's due date at 9 o'clock (at once when that has
     * passed), and {@code notices} overdue notices (at least one) {@code intervalDays} apart from the day after the
     * due date.
     */
    public static Timers timers(LocalDate patronDue, int reminderDaysBefore, int notices, int intervalDays, ZoneId zone, Instant now) {
        Instant reminder = patronDue.minusDays(reminderDaysBefore).atTime(9, 0).atZone(zone).toInstant();
        Instant firstOverdue = patronDue.plusDays(1).atTime(9, 0).atZone(zone).toInstant();
        // the engine fires a cycle at its start and then repeats it: R2 is three notices
        String cycle = "R" + (notices - 1) + "/" + firstOverdue.atZone(zone).toOffsetDateTime() + "/P" + intervalDays + "D";
        return new Timers(reminder.isBefore(now) ? now : reminder, cycle);
    }

    /** A recall without a date: the item is wanted back within the recall period, and never later than it was due. */
    public static LocalDate recallDue(LocalDate lenderDue, LocalDate today, int recallDays) {
        LocalDate wanted = today.plusDays(recallDays);
        return lenderDue != null && lenderDue.isBefore(wanted) ? lenderDue : wanted;
    }

    /**
     * A renewal is granted when no other order waits for the work at the lender and the lender's rules allow
     * another; it extends the lender's due date by the lender's renewal period.
     */
    public static Renewal renewal(boolean anotherOrderWaits, int renewalsSoFar, LoanRules rules, LocalDate lenderDue) {
        if (anotherOrderWaits) {
            return new Renewal(lenderDue, Text.of("renewal.refused.waiting"));
        }
        if (renewalsSoFar >= rules.maxRenewals()) {
            return new Renewal(lenderDue, Text.of("renewal.refused.maxRenewals", rules.maxRenewals()));
        }
        return new Renewal(lenderDue.plusDays(rules.renewalDays()), null);
    }
}

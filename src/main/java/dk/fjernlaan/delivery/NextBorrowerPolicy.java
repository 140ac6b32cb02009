package dk.fjernlaan.delivery;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** The rules of sending a returned item straight on to the next borrower, as plain Java. */
public final class NextBorrowerPolicy {

    /** The shortest loan an item forwarded to the next borrower gets (days). */
    static final int SHORTEST_LOAN_DAYS = 14;
    /** The loan when the first one's length is not known (days). */
    static final int USUAL_LOAN_DAYS = 30;

    private NextBorrowerPolicy() {}

    /**
     * Whether a waiting order can take the item: it accepts this edition (or any edition), and the item reaches
     * its pickup branch by its need-before date.
     */
    public static boolean canTake(boolean onlyExactEdition, String orderedPid, String itemPid, LocalDate arrival, LocalDate needBefore) {
        if (onlyExactEdition && !orderedPid.equals(itemPid)) {
            return false;
        }
        return !arrival.isAfter(needBefore);
    }

    /** The next borrower's loan lasts as long as the lender gave the first one (at least two weeks). */
    public static LocalDate dueDate(LocalDate shippedOn, LocalDate firstDueDate, LocalDate today) {
        long days = shippedOn != null && firstDueDate != null
            ? Math.max(SHORTEST_LOAN_DAYS, ChronoUnit.DAYS.between(shippedOn, firstDueDate)) : USUAL_LOAN_DAYS;
        return today.plusDays(days);
    }
}

package dk.fjernlaan.conversation;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The rules of the rota, the order's list of lenders, as plain Java: when a lender's later date is still acceptable.
 */
public final class RotaPolicy {

    private RotaPolicy() {}

    /**
     * A lender that will supply later ({@code ExpectToSupply}) keeps the request when its date is not after the
     * need-before date, and not more than {@code marginDays} later than another lender of the rota can deliver now.
     *
     * @param otherLenderCanDeliver when the next lender of the rota that qualifies now could deliver, if there is one
     */
    public static boolean expectedDateAcceptable(LocalDate expected, LocalDate needBefore, Optional<LocalDate> otherLenderCanDeliver,
                                                 int marginDays) {
        if (expected == null) {
            return true;
        }
        if (expected.isAfter(needBefore)) {
            return false;
        }
        return otherLenderCanDeliver.map(other -> !other.plusDays(marginDays).isBefore(expected)).orElse(true);
    }
}

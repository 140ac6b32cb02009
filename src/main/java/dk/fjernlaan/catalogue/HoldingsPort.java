package dk.fjernlaan.catalogue;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Availability as each holder's local system reports it (ISO 20775 holdings). Shaped for a slow and failing
 * remote: one answer per holder, and a holder that fails or does not answer within the timeout is reported as
 * such instead of failing the whole lookup.
 */
public interface HoldingsPort {

    enum Outcome { ANSWERED, FAILED, TIMED_OUT }

    /** One holder's answer; {@code waited}: how long it was given (for one that did not answer in time). */
    record HolderAnswer(String branchId, Outcome outcome, List<HoldingItem> items, Duration waited) {

        public static HolderAnswer answered(String branchId, List<HoldingItem> items) {
            return new HolderAnswer(branchId, Outcome.ANSWERED, List.copyOf(items), null);
        }

        public static HolderAnswer failed(String branchId, Outcome outcome) {
            return new HolderAnswer(branchId, outcome, List.of(), null);
        }

        public static HolderAnswer timedOut(String branchId, Duration waited) {
            return new HolderAnswer(branchId, Outcome.TIMED_OUT, List.of(), waited);
        }
    }

    /** The branches that hold any of the records (the union catalogue's localisations). */
    Collection<String> holders(Collection<String> pids);

    /** Asks each holder about its items of these records; answers for every branch asked. */
    Map<String, HolderAnswer> availability(Collection<String> branchIds, Collection<String> pids, Duration timeout);
}

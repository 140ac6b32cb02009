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

    record HolderAnswer(String branchId, Outcome outcome, List<HoldingItem> items) {

        public static HolderAnswer answered(String branchId, List<HoldingItem> items) {
            return new HolderAnswer(branchId, Outcome.ANSWERED, List.copyOf(items));
        }

        public static HolderAnswer failed(String branchId, Outcome outcome) {
            return new HolderAnswer(branchId, outcome, List.of());
        }
    }

    /** The branches that hold any of the records (the union catalogue's localisations). */
    Collection<String> holders(Collection<String> pids);

    /** Asks each holder about its items of these records; answers for every branch asked. */
    Map<String, HolderAnswer> availability(Collection<String> branchIds, Collection<String> pids, Duration timeout);
}

package dk.fjernlaan.order;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The lenders an order was sent to, first to last; the last is the current request while it is open. */
final class LenderAttempts {

    private final List<LenderAttempt> attempts;

    LenderAttempts(List<LenderAttempt> stored) {
        attempts = stored == null ? new ArrayList<>() : new ArrayList<>(stored);
    }

    /** A new request; the one before it, if still open, is withdrawn. */
    void sent(String branchId, String agencyId, String pid, Instant now) {
        closeCurrent(LenderAttempt.WITHDRAWN, null, now);
        attempts.add(new LenderAttempt(branchId, agencyId, pid, now, null, null, null));
    }

    void closeCurrent(String how, String why, Instant now) {
        current().ifPresent(open -> attempts.set(attempts.size() - 1, open.ended(how, why, now)));
    }

    Optional<LenderAttempt> current() {
        return attempts.isEmpty() || !last().open() ? Optional.empty() : Optional.of(last());
    }

    /** The edition the branch was last asked for, if known. */
    Optional<String> pidAskedOf(String branchId) {
        for (int i = attempts.size() - 1; i >= 0; i--) {
            if (attempts.get(i).branchId().equals(branchId) && attempts.get(i).pid() != null) {
                return Optional.of(attempts.get(i).pid());
            }
        }
        return Optional.empty();
    }

    /** The lenders tried and how each ended, for the history. */
    String summary() {
        String tried = String.join(", ", attempts.stream().map(a -> a.branchId() + " (" + a.outcome() + ")").toList());
        return tried.isEmpty() ? "-" : tried;
    }

    List<LenderAttempt> list() {
        return List.copyOf(attempts);
    }

    private LenderAttempt last() {
        return attempts.get(attempts.size() - 1);
    }
}

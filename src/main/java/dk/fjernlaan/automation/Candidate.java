package dk.fjernlaan.automation;

import java.time.LocalDate;
import java.util.Comparator;

/**
 * A holder considered by the automation decision: when it can deliver, which edition ({@code pid}: the record of
 * its item that can go soonest), where it stands in the borrower's lending route (1-based; null when not in the
 * route), and, for one left out, why ({@code excludedBecause}:
 * a national reason code such as {@code new_for_responder}, or {@code not_participating},
 * {@code not_allowed_by_borrower}, {@code closed_for_ill}, {@code overbygning_central_libraries_only}).
 */
public record Candidate(String branchId, String agencyId, LocalDate availabilityDate, Integer routePosition,
                        String excludedBecause, String pid) {

    /** How staff read the candidates: those that can lend first, soonest available, then by the lending route. */
    public static final Comparator<Candidate> BEST_FIRST = Comparator.comparing((Candidate c) -> c.excludedBecause() != null)
        .thenComparing(c -> c.availabilityDate() == null ? LocalDate.MAX : c.availabilityDate())
        .thenComparing(c -> c.routePosition() == null ? Integer.MAX_VALUE : c.routePosition());

    static Candidate excluded(String branchId, String agencyId, LocalDate availabilityDate, Integer routePosition, String why) {
        return new Candidate(branchId, agencyId, availabilityDate, routePosition, why, null);
    }
}

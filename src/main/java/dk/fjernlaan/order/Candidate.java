package dk.fjernlaan.order;

import java.time.LocalDate;

/**
 * A holder considered by the automation decision: when it can deliver, where it stands in the borrower's
 * lending route, and (for an excluded one) why it was left out.
 */
public record Candidate(String branchId, String agencyId, LocalDate availabilityDate, Integer routePosition,
                        String excludedBecause) {
}

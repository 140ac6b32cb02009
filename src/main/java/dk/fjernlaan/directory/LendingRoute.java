package dk.fjernlaan.directory;

import java.util.List;

/**
 * A borrower's lending route: agency ids in priority order. The first {@code reorderableCount} entries form
 * the block the library may reorder itself (a public library's own central-library area; a research
 * library's research libraries); the rest follows the SLKS principles and stays in place.
 */
public record LendingRoute(String agencyId, List<String> agencyIds, int reorderableCount, boolean customized) {

    public LendingRoute {
        agencyIds = List.copyOf(agencyIds);
    }

    /** 1-based position of a lender agency in the route, or 0 when it is not in the route. */
    public int positionOf(String lenderAgencyId) {
        int i = agencyIds.indexOf(lenderAgencyId);
        return i < 0 ? 0 : i + 1;
    }
}

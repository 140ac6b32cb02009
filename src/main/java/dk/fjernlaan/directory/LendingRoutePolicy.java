package dk.fjernlaan.directory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dk.fjernlaan.platform.texts.Text;

/**
 * The SLKS principles for lending routes, as plain rules.
 *
 * <p>A public library's default route: 1 its own collection, 2 its own central library and the other public
 * libraries of that central-library area, 3 the overcentral (Det Kgl. Bibliotek), 4 the other central
 * libraries, 5 the other public libraries, 6 research (including law) libraries, then school and other
 * libraries that lend. Block 1-2 is the library's own: it may reorder it; everything after stays.
 *
 * <p>A research (or school/other) library's default route: its own collection and the research libraries
 * (Det Kgl. Bibliotek first), then the central libraries, the other public libraries, school and other
 * libraries. It may reorder its research block.
 *
 * <p>Only agencies that lend by ILL (at least one branch receives ILL) are in a route; within a block they
 * are ordered by agency id, so that generation is stable.
 */
public final class LendingRoutePolicy {

    private LendingRoutePolicy() {}

    public static LendingRoute defaultRoute(Agency borrower, List<Agency> lenders) {
        List<Agency> sorted = lenders.stream().sorted(Comparator.comparing(Agency::agencyId)).toList();
        LinkedHashSet<String> route = new LinkedHashSet<>();
        route.add(borrower.agencyId());
        int reorderable;
        if (borrower.isPublic()) {
            String area = borrower.centralLibraryAreaOf();
            if (area != null) {
                if (contains(sorted, area)) {
                    route.add(area);
                }
                sorted.stream().filter(Agency::isPublic).filter(a -> area.equals(a.centralLibraryAreaOf()))
                    .forEach(a -> route.add(a.agencyId()));
            }
            reorderable = route.size();
            if (contains(sorted, CentralLibraries.KB)) {
                route.add(CentralLibraries.KB);
            }
            addCentralLibraries(route, sorted);
            sorted.stream().filter(Agency::isPublic).forEach(a -> route.add(a.agencyId()));
            sorted.stream().filter(a -> a.type() == AgencyType.RESEARCH).forEach(a -> route.add(a.agencyId()));
        } else {
            if (contains(sorted, CentralLibraries.KB)) {
                route.add(CentralLibraries.KB);
            }
            sorted.stream().filter(a -> a.type() == AgencyType.RESEARCH).forEach(a -> route.add(a.agencyId()));
            reorderable = route.size();
            addCentralLibraries(route, sorted);
            sorted.stream().filter(Agency::isPublic).forEach(a -> route.add(a.agencyId()));
        }
        sorted.stream().filter(a -> a.type() == AgencyType.SCHOOL || a.type() == AgencyType.OTHER)
            .forEach(a -> route.add(a.agencyId()));
        return new LendingRoute(borrower.agencyId(), new ArrayList<>(route), reorderable, false);
    }

    /**
     * Checks a proposed new order of a route against the reordering rule.
     *
     * @return the problem, or empty when the proposal is allowed
     */
    public static Optional<Text> checkReorder(LendingRoute current, List<String> proposed) {
        if (proposed.size() != new HashSet<>(proposed).size()) {
            return Optional.of(Text.of("problem.route.twice"));
        }
        Set<String> known = new HashSet<>(current.agencyIds());
        List<String> unknown = proposed.stream().filter(id -> !known.contains(id)).toList();
        if (!unknown.isEmpty()) {
            return Optional.of(Text.of("problem.route.foreign", String.join(", ", unknown)));
        }
        if (proposed.size() != current.agencyIds().size()) {
            List<String> missing = current.agencyIds().stream().filter(id -> !proposed.contains(id)).toList();
            return Optional.of(missing.size() <= 10 ? Text.of("problem.route.missing", String.join(", ", missing))
                : Text.of("problem.route.missingMore", String.join(", ", missing.subList(0, 10)), missing.size() - 10));
        }
        int block = current.reorderableCount();
        for (int i = block; i < proposed.size(); i++) {
            if (!proposed.get(i).equals(current.agencyIds().get(i))) {
                return Optional.of(Text.of("problem.route.outsideBlock", proposed.get(i), i + 1, block, blockName(current), block + 1));
            }
        }
        return Optional.empty();
    }

    private static Text blockName(LendingRoute route) {
        return Text.of(route.agencyId().startsWith("7") ? "problem.route.block.public" : "problem.route.block.research");
    }

    private static void addCentralLibraries(Set<String> route, List<Agency> lenders) {
        for (String central : CentralLibraries.ALL.stream().sorted().toList()) {
            if (contains(lenders, central)) {
                route.add(central);
            }
        }
    }

    private static boolean contains(List<Agency> agencies, String agencyId) {
        return agencies.stream().anyMatch(a -> a.agencyId().equals(agencyId));
    }

}

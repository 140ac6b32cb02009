package dk.fjernlaan.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import dk.fjernlaan.platform.texts.Text;
import org.junit.jupiter.api.Test;

/** The SLKS principles for default routes and the reordering rule, without an engine or database. */
class LendingRoutePolicyTest {

    static Agency pub(String id, String area) {
        return new Agency(id, "Bibliotek " + id, AgencyType.PUBLIC, CentralLibraries.isCentralLibrary(id), area, null, true);
    }

    static Agency research(String id) {
        return new Agency(id, "Forskning " + id, AgencyType.RESEARCH, false, null, null, true);
    }

    // two areas: Gentofte (København, Frederiksberg) and Vejle (Kolding, Horsens); KB; two research libraries
    static final List<Agency> LENDERS = List.of(
        pub("715700", "715700"), pub("710100", "715700"), pub("714700", "715700"),
        pub("763000", "763000"), pub("762100", "763000"), pub("761500", "763000"),
        pub("726500", "726500"),
        new Agency("800010", "Det Kgl. Bibliotek", AgencyType.RESEARCH, false, null, null, true),
        research("820030"), research("820050"),
        new Agency("900001", "Gymnasium", AgencyType.SCHOOL, false, null, null, true));

    @Test
    void publicRouteFollowsTheSlksOrder() {
        LendingRoute route = LendingRoutePolicy.defaultRoute(pub("762100", "763000"), LENDERS);
        assertThat(route.agencyIds()).containsExactly(
            "762100",                 // 1 own collection
            "763000", "761500",       // 2 own central library and its area
            "800010",                 // 3 overcentral (overbygning)
            "715700", "726500",       // 4 other central libraries
            "710100", "714700",       // 5 other public libraries
            "820030", "820050",       // 6 research libraries
            "900001");                // school and other libraries
        assertThat(route.reorderableCount()).isEqualTo(3);
    }

    @Test
    void centralLibraryRouteStartsWithItsOwnArea() {
        LendingRoute route = LendingRoutePolicy.defaultRoute(pub("715700", "715700"), LENDERS);
        assertThat(route.agencyIds().subList(0, 3)).containsExactly("715700", "710100", "714700");
        assertThat(route.agencyIds().get(3)).isEqualTo("800010");
        assertThat(route.reorderableCount()).isEqualTo(3);
    }

    @Test
    void researchLibrariesBorrowFromEachOtherFirst() {
        LendingRoute route = LendingRoutePolicy.defaultRoute(research("820030"), LENDERS);
        assertThat(route.agencyIds()).startsWith("820030", "800010", "820050");
        assertThat(route.reorderableCount()).isEqualTo(3);
        assertThat(route.agencyIds().indexOf("715700")).isLessThan(route.agencyIds().indexOf("710100"));
    }

    @Test
    void aPublicLibraryMayReorderItsOwnArea() {
        LendingRoute route = LendingRoutePolicy.defaultRoute(pub("762100", "763000"), LENDERS);
        List<String> proposed = new ArrayList<>(route.agencyIds());
        Collections.swap(proposed, 1, 2);
        assertThat(LendingRoutePolicy.checkReorder(route, proposed)).isEmpty();
    }

    @Test
    void aPublicLibraryMayNotMoveLibrariesOutsideItsArea() {
        LendingRoute route = LendingRoutePolicy.defaultRoute(pub("762100", "763000"), LENDERS);
        List<String> proposed = new ArrayList<>(route.agencyIds());
        Collections.swap(proposed, 2, 4); // another central library into the own block
        assertThat(LendingRoutePolicy.checkReorder(route, proposed)).get()
            .satisfies(t -> assertThat(t.key()).isEqualTo("problem.route.outsideBlock"))
            .satisfies(t -> assertThat(t.args()).startsWith(proposed.get(4), 5, 3));
    }

    @Test
    void aRouteMustKeepItsLibrariesOnceEach() {
        LendingRoute route = LendingRoutePolicy.defaultRoute(pub("762100", "763000"), LENDERS);
        List<String> shorter = new ArrayList<>(route.agencyIds());
        shorter.remove("820050");
        assertThat(LendingRoutePolicy.checkReorder(route, shorter)).get().isEqualTo(Text.of("problem.route.missing", "820050"));
        List<String> doubled = new ArrayList<>(route.agencyIds());
        doubled.set(1, "762100");
        assertThat(LendingRoutePolicy.checkReorder(route, doubled)).get().isEqualTo(Text.of("problem.route.twice"));
        List<String> foreign = new ArrayList<>(route.agencyIds());
        foreign.set(1, "999999");
        assertThat(LendingRoutePolicy.checkReorder(route, foreign)).get().isEqualTo(Text.of("problem.route.foreign", "999999"));
    }
}

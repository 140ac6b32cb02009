package dk.fjernlaan.automation.dmn;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileInputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.core.io.ClassPathResource;

/**
 * The seeded decision tables, one case per rule row, on a plain DMN engine (no process engine): every
 * library row reproduces the first row of its library in the published service declarations, and the
 * defaults per library type apply to everyone else.
 */
class DecisionTablesTest {

    static DmnDecision thresholds;
    static DmnDecision profiles;
    static final DmnEngine DMN = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

    @BeforeAll
    static void parse() throws Exception {
        try (InputStream in = new FileInputStream("processes/AgeThresholds.dmn")) {
            thresholds = DMN.parseDecision("AgeThresholds", in);
        }
        try (InputStream in = new FileInputStream("processes/OwnMaterialProfiles.dmn")) {
            profiles = DMN.parseDecision("OwnMaterialProfiles", in);
        }
    }

    static DmnDecisionResult evaluate(String agencyId, String branchId, String type, int materialType) {
        return DMN.evaluateDecision(thresholds, Variables.createVariables().putValue("agencyId", agencyId)
            .putValue("branchId", branchId).putValue("agencyType", type).putValue("materialType", materialType));
    }

    static Integer out(DmnDecisionResult result, String name) {
        Object value = result.getFirstResult().getEntryMap().get(name);
        return value == null ? null : ((Number) value).intValue();
    }

    /** The first row of each library of the service declarations (June 2025). */
    static Stream<Arguments> publishedLibraries() throws Exception {
        List<Arguments> rows = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        try (var reader = new InputStreamReader(new ClassPathResource("data/service-declarations-2025.csv").getInputStream(), StandardCharsets.UTF_8)) {
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
                if (seen.add(r.get("agencyId"))) {
                    rows.add(Arguments.of(r.get("library"), r.get("agencyId"), r.get("borrowerMinAgeDays"), r.get("lenderMinAgeDays")));
                }
            }
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "{0} ({1}): borrower {2}, lender {3}")
    @MethodSource("publishedLibraries")
    void aLibraryRowGivesThePublishedThresholds(String library, String id, String borrower, String lender) {
        // KB Aarhus (800022) is a branch of Det Kgl. Bibliotek: its row is a branch row of agency 800010
        DmnDecisionResult result = id.equals("800022") ? evaluate("800010", "800022", "RESEARCH", 1)
            : evaluate(id, null, id.startsWith("7") ? "PUBLIC" : "RESEARCH", 1);
        assertThat(result).hasSize(1);
        assertThat(out(result, "borrowerMinAgeDays")).isEqualTo(Integer.valueOf(borrower));
        assertThat(out(result, "lenderMinAgeDays")).isEqualTo(lender.isBlank() ? null : Integer.valueOf(lender));
    }

    @Test
    void libraryRowsAreForDanishBooksOnly() {
        DmnDecisionResult herningMusic = evaluate("765700", null, "PUBLIC", 4);
        assertThat(out(herningMusic, "borrowerMinAgeDays")).as("public default").isEqualTo(90);
    }

    @Test
    void defaultRowForPublicLibraries() {
        DmnDecisionResult r = evaluate("774000", null, "PUBLIC", 1);
        assertThat(out(r, "borrowerMinAgeDays")).isEqualTo(90);
        assertThat(out(r, "lenderMinAgeDays")).isEqualTo(90);
    }

    @Test
    void defaultRowForResearchLibraries() {
        DmnDecisionResult r = evaluate("820010", null, "RESEARCH", 1);
        assertThat(out(r, "borrowerMinAgeDays")).isZero();
        assertThat(out(r, "lenderMinAgeDays")).isZero();
    }

    @Test
    void defaultRowForEveryoneElse() {
        DmnDecisionResult r = evaluate("900001", null, "SCHOOL", 3);
        assertThat(out(r, "borrowerMinAgeDays")).isEqualTo(90);
        assertThat(out(r, "lenderMinAgeDays")).isEqualTo(90);
    }

    @Test
    void theBranchRowOfKbAarhusDoesNotApplyToOtherBranchesOfKb() {
        DmnDecisionResult r = evaluate("800010", "800010", "RESEARCH", 1);
        assertThat(out(r, "borrowerMinAgeDays")).isEqualTo(365);
    }

    @Test
    void profile1IsThePublicLibraryProfile() {
        DmnDecisionResult r = DMN.evaluateDecision(profiles, Variables.createVariables().putValue("ownProfile", 1));
        assertThat(out(r, "minAgeDays")).isEqualTo(365);
        assertThat(out(r, "notExpectedBackWithinDays")).isEqualTo(14);
    }

    @Test
    void profile2IsTheResearchLibraryProfile() {
        DmnDecisionResult r = DMN.evaluateDecision(profiles, Variables.createVariables().putValue("ownProfile", 2));
        assertThat(out(r, "minAgeDays")).isZero();
        assertThat(out(r, "notExpectedBackWithinDays")).isEqualTo(10);
    }
}

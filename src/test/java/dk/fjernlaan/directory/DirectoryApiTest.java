package dk.fjernlaan.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dk.fjernlaan.platform.security.Actor;
import dk.fjernlaan.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class DirectoryApiTest extends IntegrationTest {

    @Autowired DirectoryService directory;

    @Test
    void showsALibraryWithItsBranches() throws Exception {
        asAdmin(getJson("/api/libraries/763000"))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.agencyId").value("763000"))
            .andExpect(jsonPath("$.type").value("PUBLIC"))
            .andExpect(jsonPath("$.centralLibrary").value(true))
            .andExpect(jsonPath("$.centralLibraryAreaOf").value("763000"))
            .andExpect(jsonPath("$.branches[0].branchId").exists())
            .andExpect(jsonPath("$.branches[0].junction").exists());
        asAdmin(getJson("/api/libraries/761500")).andExpect(jsonPath("$.centralLibraryAreaOf").value("765700"));
        asAdmin(getJson("/api/libraries/800010")).andExpect(jsonPath("$.type").value("RESEARCH"));
    }

    @Test
    void unknownLibraryIsNotFound() throws Exception {
        asAdmin(getJson("/api/libraries/123456"))
            .andExpect(status().isNotFound())
            .andExpect(header().string("Content-Type", "application/problem+json"))
            .andExpect(jsonPath("$.status").value(404));
    }

    @Test
    void withoutCredentialsTheApiAnswers401() throws Exception {
        mvc.perform(getJson("/api/libraries/763000")).andExpect(status().isUnauthorized())
            .andExpect(header().exists("WWW-Authenticate"));
        identity.ensureUser("wrong-password-user", STAFF_PASSWORD, "x", java.util.Set.of());
        call(getJson("/api/libraries/763000"), "wrong-password-user", "wrong").andExpect(status().isUnauthorized());
    }

    @Test
    void aLibraryReordersItsOwnCentralLibraryArea() throws Exception {
        String library = "762100"; // Kolding, in Vejle's area
        JsonNode route = body(asStaff(library, getJson("/api/libraries/" + library + "/lending-route")).andExpect(status().isOk()));
        List<String> ids = new ArrayList<>();
        route.get("agencyIds").forEach(n -> ids.add(n.asText()));
        int block = route.get("reorderableCount").asInt();
        assertThat(ids.subList(0, block)).startsWith("762100", "763000").contains("751000", "760700");
        assertThat(ids.subList(block, ids.size())).doesNotContain("751000").contains("715700", "761500");

        List<String> proposed = new ArrayList<>(ids);
        Collections.swap(proposed, 1, block - 1);
        asStaff(library, putJson("/api/libraries/" + library + "/lending-route", Map.of("agencyIds", proposed)))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.customized").value(true));
        JsonNode after = body(asAdmin(getJson("/api/libraries/" + library + "/lending-route")));
        assertThat(after.get("agencyIds").get(1).asText()).isEqualTo(proposed.get(1));
    }

    @Test
    void reorderingOutsideTheOwnAreaIs422AndChangesNothing() throws Exception {
        String library = "760700"; // Fredericia, in Vejle's area
        JsonNode route = body(asAdmin(getJson("/api/libraries/" + library + "/lending-route")));
        List<String> ids = new ArrayList<>();
        route.get("agencyIds").forEach(n -> ids.add(n.asText()));
        int block = route.get("reorderableCount").asInt();
        List<String> proposed = new ArrayList<>(ids);
        Collections.swap(proposed, 1, block + 1); // pull a library from outside the area into the top block
        asStaff(library, putJson("/api/libraries/" + library + "/lending-route", Map.of("agencyIds", proposed)))
            .andExpect(status().isUnprocessableEntity())
            .andExpect(jsonPath("$.errors[0].field").value("agencyIds"));
        assertThat(directory.route(library).agencyIds()).isEqualTo(ids);
    }

    @Test
    void onlyTheLibraryItselfMayChangeItsRoute() throws Exception {
        List<String> ids = directory.route("762100").agencyIds();
        asStaff("761500", putJson("/api/libraries/762100/lending-route", Map.of("agencyIds", ids)))
            .andExpect(status().isForbidden());
    }

    @Test
    void malformedRouteIs400() throws Exception {
        asAdmin(putJson("/api/libraries/762100/lending-route", "{\"agencyIds\": []}")).andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("agencyIds"));
        asAdmin(putJson("/api/libraries/762100/lending-route", "{\"agencyIds\": \"763000\"")).andExpect(status().isBadRequest());
    }

    @Test
    void aClosingShutsTheBranchForIllUntilItsEndDate() throws Exception {
        String branch = "746103";
        String agency = directory.findBranch(branch).orElseThrow().agencyId();
        JsonNode created = body(asStaff(agency, postJson("/api/libraries/" + agency + "/closures", Map.of(
                "scope", "ILL", "from", today().toString(), "to", today().plusDays(3).toString(),
                "reason", "Lukket pga. ombygning", "branchIds", List.of(branch))))
            .andExpect(status().isCreated())
            .andExpect(header().exists("Location")));
        long closureId = created.get("closureId").asLong();

        assertThat(directory.isClosedForIll(branch, today())).isTrue();
        assertThat(directory.isClosedForEndUsers(branch, today())).isFalse();
        assertThat(directory.isClosedForIll(branch, today().plusDays(3))).isTrue();
        assertThat(directory.isClosedForIll(branch, today().plusDays(4))).as("open again by itself after the end date").isFalse();
        asAdmin(getJson("/api/libraries/" + agency))
            .andExpect(jsonPath("$.branches[?(@.branchId == '" + branch + "')].closedForIll").value(true));

        asStaff(agency, deleteJson("/api/closures/" + closureId)).andExpect(status().isNoContent());
        assertThat(directory.isClosedForIll(branch, today())).isFalse();
        asAdmin(getJson("/api/closures/" + closureId)).andExpect(jsonPath("$.active").value(false));
    }

    @Test
    void aClosingWithoutBranchesClosesTheWholeLibrary() throws Exception {
        String agency = "751000";
        JsonNode created = body(asAdmin(postJson("/api/libraries/" + agency + "/closures", Map.of(
            "scope", "BOTH", "from", today().plusDays(1).toString(), "to", today().plusDays(2).toString(), "reason", "Inventering")))
            .andExpect(status().isCreated()));
        List<Branch> branches = directory.branches(agency);
        assertThat(branches).isNotEmpty();
        for (Branch b : branches) {
            assertThat(directory.isClosedForIll(b.branchId(), today())).isFalse();
            assertThat(directory.isClosedForIll(b.branchId(), today().plusDays(1))).isTrue();
            assertThat(directory.isClosedForEndUsers(b.branchId(), today().plusDays(2))).isTrue();
        }
        asAdmin(deleteJson("/api/closures/" + created.get("closureId").asLong())).andExpect(status().isNoContent());
    }

    @Test
    void invalidClosingsAreRefusedAndChangeNothing() throws Exception {
        String agency = "773000";
        int before = directory.closures(agency).size();
        asAdmin(postJson("/api/libraries/" + agency + "/closures", Map.of("from", today().toString(), "to", today().toString(), "reason", "x")))
            .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("scope"));
        asAdmin(postJson("/api/libraries/" + agency + "/closures", Map.of("scope", "SOMETIMES", "from", today().toString(), "to", today().toString(), "reason", "x")))
            .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("scope"));
        asAdmin(postJson("/api/libraries/" + agency + "/closures", Map.of("scope", "ILL", "from", "2026-13-01", "to", today().toString(), "reason", "x")))
            .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("from"));
        asAdmin(postJson("/api/libraries/" + agency + "/closures", Map.of("scope", "ILL", "from", today().plusDays(5).toString(), "to", today().plusDays(1).toString(), "reason", "x")))
            .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.errors[0].field").value("to"));
        asAdmin(postJson("/api/libraries/" + agency + "/closures", Map.of("scope", "ILL", "from", today().toString(), "to", today().toString(), "reason", "x", "branchIds", List.of("710104"))))
            .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.errors[0].field").value("branchIds[0]"));
        asStaff("710100", postJson("/api/libraries/" + agency + "/closures", Map.of("scope", "ILL", "from", today().toString(), "to", today().toString(), "reason", "x")))
            .andExpect(status().isForbidden());
        assertThat(directory.closures(agency)).hasSize(before);
        asAdmin(deleteJson("/api/closures/987654321")).andExpect(status().isNotFound());
    }

    @Test
    void routeNumbersAreMaintainedBySlksOnly() throws Exception {
        asStaff("710100", putJson("/api/libraries/710100/branches/710104/route-number", Map.of("routeNumber", "K12")))
            .andExpect(status().isForbidden());
        assertThat(directory.findBranch("710104").orElseThrow().routeNumber()).isNull();
        identity.ensureUser("slks-user", STAFF_PASSWORD, "SLKS", java.util.Set.of(Actor.SLKS_GROUP));
        call(putJson("/api/libraries/710100/branches/710123/route-number", Map.of("routeNumber", "K12")), "slks-user", STAFF_PASSWORD)
            .andExpect(status().isOk()).andExpect(jsonPath("$.routeNumber").value("K12"));
        asAdmin(getJson("/api/libraries/710100"))
            .andExpect(jsonPath("$.branches[?(@.branchId == '710123')].routeNumber").value("K12"));
    }
}

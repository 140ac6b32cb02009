package dk.fjernlaan.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import dk.fjernlaan.support.IntegrationTest;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;

/** Authentication, authorization and the open operational endpoints, over real HTTP where it matters. */
class SecurityAndOperationsTest extends IntegrationTest {

    @Autowired IdentityService identityService;
    @Autowired AuthorizationService authorizationService;
    @Autowired org.springframework.context.ApplicationContext context;

    private HttpResponse<String> http(String path, String user, String password) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theEngineRestApiNeedsAnEngineUser() throws Exception {
        assertThat(http("/engine-rest/process-definition", null, null).statusCode()).isEqualTo(401);
        identity.ensureUser("wrong-password-user", STAFF_PASSWORD, "x", java.util.Set.of());
        assertThat(http("/engine-rest/process-definition", "wrong-password-user", "wrong").statusCode()).isEqualTo(401);
        HttpResponse<String> ok = http("/engine-rest/process-definition?key=IllOrder", ADMIN, ADMIN_PASSWORD);
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).contains("\"key\":\"IllOrder\"");
    }

    private org.springframework.test.web.servlet.ResultActions from(String address, String user, String password) throws Exception {
        return mvc.perform(getJson("/api/libraries/763000")
            .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic(user, password))
            .with(request -> {
                request.setRemoteAddr(address);
                return request;
            }));
    }

    @Test
    void aWrongPasswordNeverLocksTheRightOneOut() throws Exception {
        identity.ensureUser("integration-once", STAFF_PASSWORD, "x", java.util.Set.of("fjernlaan-system"));
        from("10.1.0.1", "integration-once", "wrong").andExpect(status().isUnauthorized());
        // the engine's own lock-out would refuse the right password for 3 s now
        from("10.1.0.1", "integration-once", STAFF_PASSWORD).andExpect(status().isOk());
    }

    @Test
    void aStrangerGuessingAnIntegrationsPasswordLocksOutOnlyItself() throws Exception {
        identity.ensureUser("integration-guessed", STAFF_PASSWORD, "x", java.util.Set.of("fjernlaan-system"));
        String stranger = "10.2.0.66";
        for (int i = 0; i < 10; i++) {
            from(stranger, "integration-guessed", "guess-" + i).andExpect(status().isUnauthorized());
        }
        for (int i = 0; i < 20; i++) {
            from(stranger, "integration-guessed", "guess-more-" + i).andExpect(status().isTooManyRequests())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header().exists("Retry-After"))
                .andExpect(jsonPath("$.status").value(429));
        }
        // not even the right password from the stranger's address
        from(stranger, "integration-guessed", STAFF_PASSWORD).andExpect(status().isTooManyRequests());
        // the integration, from its own address, is not touched, and the engine has not locked the user
        from("10.2.0.1", "integration-guessed", STAFF_PASSWORD).andExpect(status().isOk());
        assertThat(identityService.checkPassword("integration-guessed", STAFF_PASSWORD)).isTrue();
        assertThat(http("/engine-rest/process-definition?key=IllOrder", "integration-guessed", STAFF_PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    void engineAuthorizationsApplyToRestCalls() throws Exception {
        String user = staffOf("746100");
        // library staff see no process definitions unless granted
        HttpResponse<String> answer = http("/engine-rest/process-definition?key=IllOrder", user, STAFF_PASSWORD);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("[]");
    }

    @Test
    void theApiNeedsCredentialsButHealthAndDocsAreOpen() throws Exception {
        assertThat(http("/api/orders", null, null).statusCode()).isEqualTo(401);
        assertThat(http("/actuator/health", null, null).statusCode()).isEqualTo(200);
        assertThat(http("/v3/api-docs", null, null).statusCode()).isEqualTo(200);
    }

    @Test
    void metricsAreForAdministratorsAndIntegrations() throws Exception {
        assertThat(http("/actuator/metrics", null, null).statusCode()).isEqualTo(401);
        assertThat(http("/actuator/metrics", staffOf("746100"), STAFF_PASSWORD).statusCode()).isEqualTo(403);
        HttpResponse<String> metrics = http("/actuator/metrics", ADMIN, ADMIN_PASSWORD);
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("\"http.server.requests\"", "\"jvm.memory.used\"");
        identity.ensureUser("monitoring", STAFF_PASSWORD, "x", java.util.Set.of("fjernlaan-system"));
        assertThat(http("/actuator/metrics/jvm.memory.used", "monitoring", STAFF_PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    void healthIsUpOnlyWhenTheApplicationIsReady() throws Exception {
        // Spring Boot is ready (accepting traffic) only after the start-up runners: directory, groups, demo data
        assertThat(http("/actuator/health", null, null).body()).contains("\"UP\"");
        AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);
        try {
            HttpResponse<String> notReady = http("/actuator/health", null, null);
            assertThat(notReady.statusCode()).isEqualTo(503);
            assertThat(notReady.body()).contains("OUT_OF_SERVICE");
            assertThat(http("/actuator/health/readiness", null, null).statusCode()).isEqualTo(503);
        } finally {
            AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
        }
        assertThat(http("/actuator/health", null, null).statusCode()).isEqualTo(200);
    }

    @Test
    void theOpenApiDocumentDescribesTheContract() throws Exception {
        JsonNode doc = json.readTree(http("/v3/api-docs", null, null).body());
        JsonNode paths = doc.get("paths");
        for (String path : new String[] {"/api/libraries/{agencyId}", "/api/libraries/{agencyId}/lending-route",
                "/api/libraries/{agencyId}/closures", "/api/closures/{closureId}", "/api/records/{pid}",
                "/api/holdings/{pid}/{branchId}", "/api/patrons/{agencyId}/{patronId}", "/api/orders", "/api/orders/{orderId}",
                "/api/libraries/{agencyId}/manual-orders", "/api/orders/{orderId}/manual-decision", "/api/sim/clock"}) {
            assertThat(paths.has(path)).as(path).isTrue();
        }
        assertThat(doc.get("info").get("title").asText()).isEqualTo("Fjernlån");
        JsonNode place = paths.get("/api/orders").get("post").get("responses");
        assertThat(place.has("201")).isTrue();
        assertThat(place.has("200")).as("POST /api/orders answers 201, not 200").isFalse();
        assertThat(place.has("400") && place.has("422")).isTrue();
        assertThat(place.get("422").get("content").has("application/problem+json")).isTrue();
        JsonNode answer = paths.get("/api/orders/{orderId}/supplier-messages").get("post").get("responses");
        assertThat(answer.has("200") && answer.has("202") && answer.has("409")).isTrue();
        assertThat(doc.get("components").get("securitySchemes").get("basic").get("scheme").asText()).isEqualTo("basic");
        assertThat(doc.get("security").toString()).contains("basic");
    }

    @Test
    void theFirstAdministratorComesFromConfigurationAndMayDoEverything() {
        assertThat(identityService.checkPassword(ADMIN, ADMIN_PASSWORD)).isTrue();
        assertThat(identityService.createUserQuery().userId(ADMIN).memberOfGroup("camunda-admin").count()).isEqualTo(1);
        assertThat(identityService.checkPassword("demo", "demo")).isFalse();
        assertThat(authorizationService.isUserAuthorized(ADMIN, java.util.List.of("camunda-admin"), Permissions.ALL, Resources.PROCESS_DEFINITION)).isTrue();
    }

    @Test
    void everyLibraryHasAGroupForItsStaff() {
        assertThat(identityService.createGroupQuery().groupId("710100").singleResult().getName()).isEqualTo("Københavns Biblioteker");
        assertThat(identityService.createGroupQuery().groupType("AGENCY").count()).isEqualTo(679);
    }

    @Test
    void simClockMovesTheOneClock() throws Exception {
        JsonNode before = body(asAdmin(getJson("/api/sim/clock")).andExpect(status().isOk()));
        java.time.Instant start = java.time.Instant.parse(before.get("now").asText());
        JsonNode after = body(asAdmin(postJson("/api/sim/clock", java.util.Map.of("advance", "P3D"))).andExpect(status().isOk()));
        java.time.Instant moved = java.time.Instant.parse(after.get("now").asText());
        assertThat(java.time.Duration.between(start, moved).toDays()).isEqualTo(3);
        assertThat(clock.now()).isEqualTo(moved);
        asAdmin(postJson("/api/sim/clock", java.util.Map.of("now", "2027-01-04T08:00:00Z"))).andExpect(status().isOk())
            .andExpect(jsonPath("$.now").value("2027-01-04T08:00:00Z"));
        assertThat(clock.today()).hasToString("2027-01-04");
        asAdmin(postJson("/api/sim/clock", java.util.Map.of("advance", "soon"))).andExpect(status().isBadRequest());
        asAdmin(postJson("/api/sim/clock", java.util.Map.of("advance", "-P1D"))).andExpect(status().isUnprocessableEntity());
        asAdmin(postJson("/api/sim/clock", java.util.Map.of())).andExpect(status().isBadRequest());
    }
}

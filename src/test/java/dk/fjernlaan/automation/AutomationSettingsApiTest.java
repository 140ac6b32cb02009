package dk.fjernlaan.automation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dk.fjernlaan.support.IntegrationTest;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The automation settings over the API, and threshold changes taking effect on the next order. */
class AutomationSettingsApiTest extends IntegrationTest {

    static final String BORROWER = "725900"; // Køge
    static final String LENDER = "732900";   // Ringsted

    @Autowired RepositoryService repository;

    private int latestVersion() {
        return repository.createDecisionDefinitionQuery().decisionDefinitionKey("AgeThresholds").latestVersion().singleResult().getVersion();
    }

    private Map<String, Object> settings(int borrowerMin, Object lenders, Integer lenderMin) {
        Map<String, Object> lender = new HashMap<>();
        lender.put("willReceive", true);
        lender.put("minAgeDays", lenderMin);
        return Map.of("materialType", 1, "borrower", Map.of("willSend", "YES", "minAgeDays", borrowerMin, "lenders", lenders,
            "reserve", true, "ownMaterial", "NO", "ownProfile", 1), "lender", lender);
    }

    @Test
    void showsTheEffectiveSettingsOfEveryMaterialType() throws Exception {
        JsonNode all = body(asAdmin(getJson("/api/libraries/746100/automation")).andExpect(status().isOk()));
        assertThat(all.get("materialTypes")).hasSize(8);
        JsonNode books = all.get("materialTypes").get(0);
        assertThat(books.get("borrower").get("lenders").asText()).isEqualTo("ALL");
        assertThat(books.get("decisionVersion").asInt()).isEqualTo(latestVersion());
    }

    @Test
    void aThresholdChangeDeploysANewDecisionVersionThatTheNextOrderUses() throws Exception {
        JsonNode before = body(asStaff(BORROWER, putJson("/api/libraries/" + BORROWER + "/automation/1", settings(90, "ALL", 90)))
            .andExpect(status().isOk()));
        participates(LENDER, 0, 0);
        String pid = record("work-" + unique("v"), today().minusDays(60));
        items(pid, LENDER, List.of(Map.of("status", "OnShelf")));
        String patron = patron(BORROWER);
        Map<String, Object> request = Map.of("pickupBranchId", BORROWER, "patronId", patron, "pids", List.of(pid), "orderSystem", "bibliotekdk");

        String first = placeOrder(request).get("orderId").asText();
        runJobs();
        assertThat(order(first).get("automation").get("reason").asText()).isEqualTo("new_for_requester");
        assertThat(order(first).get("automation").get("decisionVersion").asInt()).isEqualTo(before.get("decisionVersion").asInt());

        JsonNode after = body(asStaff(BORROWER, putJson("/api/libraries/" + BORROWER + "/automation/1", settings(30, "ALL", 90)))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.borrower.minAgeDays").value(30)));
        int version = after.get("decisionVersion").asInt();
        assertThat(version).isGreaterThan(before.get("decisionVersion").asInt()).isEqualTo(latestVersion());

        String second = placeOrder(request).get("orderId").asText();
        runJobs();
        JsonNode order = order(second);
        assertThat(order.get("automation").get("result").asText()).isEqualTo("automated");
        assertThat(order.get("automation").get("decisionVersion").asInt()).isEqualTo(version);

        // the same values again change nothing and deploy nothing
        asStaff(BORROWER, putJson("/api/libraries/" + BORROWER + "/automation/1", settings(30, "ALL", 90)))
            .andExpect(jsonPath("$.decisionVersion").value(version));
        assertThat(latestVersion()).isEqualTo(version);
    }

    @Test
    void aDecisionTableDeployedLikeFromCamundaModelerTakesEffectAtOnce() throws Exception {
        participates(BORROWER, 0, 0);
        participates(LENDER, 0, 0);
        DecisionDefinition current = repository.createDecisionDefinitionQuery().decisionDefinitionKey("AgeThresholds").latestVersion().singleResult();
        String xml;
        try (InputStream in = repository.getDecisionModel(current.getId()); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            in.transferTo(out);
            xml = out.toString(StandardCharsets.UTF_8);
        }
        // an administrator adds a row in the Modeler: Ringsted lends only material older than 1000 days
        String row = """
            <rule id="Rule_Modeler_732900">
                    <inputEntry id="Rule_Modeler_In1"><text>"732900"</text></inputEntry>
                    <inputEntry id="Rule_Modeler_In2"><text>-</text></inputEntry>
                    <inputEntry id="Rule_Modeler_In3"><text>-</text></inputEntry>
                    <inputEntry id="Rule_Modeler_In4"><text>1</text></inputEntry>
                    <outputEntry id="Rule_Modeler_Out1"><text>0</text></outputEntry>
                    <outputEntry id="Rule_Modeler_Out2"><text>1000</text></outputEntry>
                  </rule>
                  """;
        int firstRule = xml.indexOf("<rule ");
        String edited = xml.substring(0, firstRule) + row + xml.substring(firstRule);
        repository.createDeployment().name("AgeThresholds").source("Camunda Modeler")
            .addInputStream("AgeThresholds.dmn", new ByteArrayInputStream(edited.getBytes(StandardCharsets.UTF_8))).deploy();
        int version = latestVersion();
        assertThat(version).isEqualTo(current.getVersion() + 1);
        try {
            String pid = record("work-" + unique("m"), today().minusDays(500));
            items(pid, LENDER, List.of(Map.of("status", "OnShelf")));
            String orderId = placeOrder(Map.of("pickupBranchId", BORROWER, "patronId", patron(BORROWER), "pids", List.of(pid),
                "orderSystem", "bibliotekdk")).get("orderId").asText();
            runJobs();
            JsonNode order = order(orderId);
            assertThat(order.get("automation").get("reason").asText()).isEqualTo("new_for_responder");
            assertThat(order.get("automation").get("decisionVersion").asInt()).isEqualTo(version);
            asAdmin(getJson("/api/libraries/" + LENDER + "/automation")).andExpect(jsonPath("$.materialTypes[0].lender.minAgeDays").value(1000));
        } finally {
            // the API edits the latest table: the administrator's row for Ringsted is set back to 0 days
            participates(LENDER, 0, 0);
        }
    }

    @Test
    void invalidSettingsAreRefusedAndChangeNothing() throws Exception {
        int version = latestVersion();
        String path = "/api/libraries/" + BORROWER + "/automation/1";
        asAdmin(putJson(path, Map.of("materialType", 1, "lender", Map.of("willReceive", true, "minAgeDays", 0))))
            .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("borrower"));
        asAdmin(putJson(path, settings(-1, "ALL", 0))).andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("borrower.minAgeDays"));
        asAdmin(putJson(path, settings(10, "SOME", 0))).andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("borrower.lenders"));
        asAdmin(putJson(path, settings(10, List.of("12"), 0))).andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("borrower.lenders[0]"));
        asAdmin(putJson(path, settings(10, "ALL", null))).andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("lender.minAgeDays"));
        asAdmin(putJson(path, "{\"borrower\": {\"willSend\": \"MAYBE\"}}")).andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("borrower.willSend"));
        asAdmin(putJson("/api/libraries/" + BORROWER + "/automation/2", settings(10, "ALL", 0))).andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("materialType"));
        asAdmin(putJson("/api/libraries/" + BORROWER + "/automation/8", Map.of("borrower", ((Map<?, ?>) settings(10, "ALL", 0).get("borrower")),
                "lender", Map.of("willReceive", true, "minAgeDays", 0))))
            .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.errors[0].field").value("materialType"));
        asAdmin(putJson(path, settings(10, List.of("123456"), 0))).andExpect(status().isUnprocessableEntity())
            .andExpect(jsonPath("$.errors[0].field").value("borrower.lenders[0]"));
        asStaff("710100", putJson(path, settings(10, "ALL", 0))).andExpect(status().isForbidden());
        asAdmin(putJson("/api/libraries/123456/automation/1", settings(10, "ALL", 0))).andExpect(status().isNotFound());
        assertThat(latestVersion()).isEqualTo(version);
    }
}

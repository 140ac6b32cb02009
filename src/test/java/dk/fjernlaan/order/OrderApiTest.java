package dk.fjernlaan.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dk.fjernlaan.process.ProcessModel;
import dk.fjernlaan.support.IntegrationTest;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.ResultActions;

/** The order API through the real application: validation, idempotency and the manual path. */
class OrderApiTest extends IntegrationTest {

    @Autowired RuntimeService runtime;
    @Autowired OrderRepository repository;

    /** An order that nobody else holds: automation finds no lender (no_provider) and it goes to the manual queue. */
    private Map<String, Object> newOrder() throws Exception {
        String pid = record("work-" + unique("o"), today().minusYears(2));
        Map<String, Object> order = new HashMap<>();
        order.put("pickupBranchId", "710104");
        order.put("patronId", patron("710100"));
        order.put("pids", List.of(pid));
        order.put("orderSystem", "bibliotekdk");
        return order;
    }

    private long orders() {
        return repository.count(null, null, null);
    }

    private long processes() {
        return runtime.createProcessInstanceQuery().processDefinitionKey(ProcessModel.ILL_ORDER).count();
    }

    @Test
    void anAcceptedOrderStartsItsProcessAndLandsInTheManualQueue() throws Exception {
        Map<String, Object> request = newOrder();
        ResultActions answer = asAdmin(postJson("/api/orders", request))
            .andExpect(status().isCreated())
            .andExpect(header().string("Location", org.hamcrest.Matchers.startsWith("/api/orders/")))
            .andExpect(jsonPath("$.status").value("RECEIVED"))
            .andExpect(jsonPath("$.borrowerAgencyId").value("710100"))
            .andExpect(jsonPath("$.needBeforeDate").value(today().plusDays(180).toString()))
            .andExpect(jsonPath("$.patronId").doesNotExist());
        String orderId = body(answer).get("orderId").asText();
        assertThat(Long.parseLong(orderId)).isBetween(1_000_000_000L, 1_999_999_999L);
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(orderId).count()).isEqualTo(1);

        runJobs();
        JsonNode order = order(orderId);
        assertThat(order.get("status").asText()).isEqualTo("AWAITING_MANUAL");
        assertThat(order.get("statusText").asText()).doesNotContain("automatiseret");
        assertThat(order.get("history")).extracting(h -> h.get("event").asText())
            .containsExactly("RECEIVED", "AUTOMATION_DECIDED", "AWAITING_MANUAL");
        assertThat(order.get("automation").get("reason").asText()).isEqualTo("no_provider");

        JsonNode queue = body(asStaff("710100", getJson("/api/libraries/710100/manual-orders")).andExpect(status().isOk()));
        assertThat(queue).extracting(e -> e.get("order").get("orderId").asText()).contains(orderId);
    }

    @Test
    void staffSendAManualOrderToALender() throws Exception {
        String orderId = placeOrder(newOrder()).get("orderId").asText();
        runJobs();
        asStaff("710100", postJson("/api/orders/" + orderId + "/manual-decision", Map.of("action", "SEND", "lenderBranchId", "763000")))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.status").value("SENT_TO_LENDER"))
            .andExpect(jsonPath("$.lender.branchId").value("763000"))
            .andExpect(jsonPath("$.lender.agencyId").value("763000"));
        JsonNode order = order(orderId);
        assertThat(order.get("history")).extracting(h -> h.get("event").asText())
            .containsExactly("RECEIVED", "AUTOMATION_DECIDED", "AWAITING_MANUAL", "MANUAL_DECISION_SEND", "SENT_TO_LENDER");
        assertThat(order.get("history").get(3).get("actor").asText()).isEqualTo("staff-710100");
        // no longer in the queue; a second decision does not fit the state
        asStaff("710100", postJson("/api/orders/" + orderId + "/manual-decision", Map.of("action", "REJECT", "reason", "x")))
            .andExpect(status().isConflict())
            .andExpect(jsonPath("$.currentStatus").value("SENT_TO_LENDER"));
    }

    @Test
    void staffRejectAManualOrder() throws Exception {
        String orderId = placeOrder(newOrder()).get("orderId").asText();
        runJobs();
        asStaff("710100", postJson("/api/orders/" + orderId + "/manual-decision", Map.of("action", "REJECT", "reason", "Kan ikke skaffes")))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.status").value("UNFILLED"))
            .andExpect(jsonPath("$.closed").value(true))
            .andExpect(jsonPath("$.closeReason").value("Kan ikke skaffes"));
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(orderId).count()).isZero();
    }

    @Test
    void invalidManualDecisionsAreRefusedAndTheOrderStaysInTheQueue() throws Exception {
        String orderId = placeOrder(newOrder()).get("orderId").asText();
        runJobs();
        String path = "/api/orders/" + orderId + "/manual-decision";
        asStaff("710100", postJson(path, Map.of("action", "SEND"))).andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("lenderBranchId"));
        asStaff("710100", postJson(path, Map.of("action", "SEND", "lenderBranchId", "999999"))).andExpect(status().isUnprocessableEntity());
        asStaff("710100", postJson(path, Map.of("action", "SEND", "lenderBranchId", "710105"))).andExpect(status().isUnprocessableEntity())
            .andExpect(jsonPath("$.errors[0].message").value("filial 710105 hører til det lånende bibliotek selv"))
            .andExpect(jsonPath("$.title").value("Kan ikke gennemføres"));
        // in English when the client asks for it
        asStaff("710100", postJson(path, Map.of("action", "SEND", "lenderBranchId", "710105")).header("Accept-Language", "en"))
            .andExpect(status().isUnprocessableEntity())
            .andExpect(jsonPath("$.errors[0].message").value("branch 710105 belongs to the borrowing library itself"))
            .andExpect(jsonPath("$.detail").value("lenderBranchId: branch 710105 belongs to the borrowing library itself"))
            .andExpect(jsonPath("$.title").value("Unprocessable request"));
        asStaff("710100", postJson(path, Map.of("action", "REJECT"))).andExpect(status().isBadRequest());
        asStaff("710100", postJson(path, Map.of("action", "MAYBE"))).andExpect(status().isBadRequest());
        asStaff("775100", postJson(path, Map.of("action", "SEND", "lenderBranchId", "763000"))).andExpect(status().isForbidden());
        asAdmin(postJson("/api/orders/1999999999/manual-decision", Map.of("action", "REJECT", "reason", "x"))).andExpect(status().isNotFound());
        assertThat(order(orderId).get("status").asText()).isEqualTo("AWAITING_MANUAL");
    }

    @Test
    void aLenderChosenByStaffGetsTheRequestDirectly() throws Exception {
        Map<String, Object> request = newOrder();
        request.put("orderSystem", "netpunkt");
        request.put("responderId", "763000");
        String orderId = placeOrder(request).get("orderId").asText();
        runJobs();
        JsonNode order = order(orderId);
        assertThat(order.get("status").asText()).isEqualTo("SENT_TO_LENDER");
        assertThat(order.get("lender").get("branchId").asText()).isEqualTo("763000");
        assertThat(order.get("responderId").asText()).isEqualTo("763000");
    }

    @Test
    void anIdempotentRetryReturnsTheSameOrderAndStartsNothing() throws Exception {
        Map<String, Object> request = newOrder();
        String key = unique("key");
        JsonNode first = body(asAdmin(postJson("/api/orders", request).header("Idempotency-Key", key)).andExpect(status().isCreated()));
        long orders = orders();
        long processes = processes();
        JsonNode again = body(asAdmin(postJson("/api/orders", request).header("Idempotency-Key", key))
            .andExpect(status().isCreated())
            .andExpect(header().string("Idempotent-Replayed", "true")));
        assertThat(again.get("orderId").asText()).isEqualTo(first.get("orderId").asText());
        assertThat(orders()).isEqualTo(orders);
        assertThat(processes()).isEqualTo(processes);

        Map<String, Object> other = new HashMap<>(request);
        other.put("exactEdition", true);
        asAdmin(postJson("/api/orders", other).header("Idempotency-Key", key))
            .andExpect(status().isUnprocessableEntity())
            .andExpect(jsonPath("$.errors[0].field").value("Idempotency-Key"));
        assertThat(orders()).isEqualTo(orders);
    }

    @Test
    void malformedOrdersAre400AndChangeNothing() throws Exception {
        Map<String, Object> valid = newOrder();
        long orders = orders();
        long processes = processes();
        expectBad(without(valid, "pickupBranchId"), 400, "pickupBranchId");
        expectBad(with(valid, "pickupBranchId", "71010"), 400, "pickupBranchId");
        expectBad(without(valid, "patronId"), 400, "patronId");
        expectBad(with(valid, "pids", List.of()), 400, "pids");
        expectBad(with(valid, "pids", "870970-basis:1"), 400, "pids");
        expectBad(with(valid, "pids", List.of("not a pid")), 400, "pids[0]");
        expectBad(with(valid, "needBeforeDate", "1. maj"), 400, "needBeforeDate");
        expectBad(with(valid, "orderSystem", "email"), 400, "orderSystem");
        expectBad(without(valid, "orderSystem"), 400, "orderSystem");
        expectBad(with(valid, "exactEdition", "perhaps"), 400, "exactEdition");
        asAdmin(postJson("/api/orders", "{\"pickupBranchId\": ")).andExpect(status().isBadRequest())
            .andExpect(header().string("Content-Type", "application/problem+json"));
        asAdmin(postJson("/api/orders", "")).andExpect(status().isBadRequest());
        assertThat(orders()).isEqualTo(orders);
        assertThat(processes()).isEqualTo(processes);
    }

    @Test
    void ordersThatBreakTheRulesAre422AndChangeNothing() throws Exception {
        Map<String, Object> valid = newOrder();
        long orders = orders();
        long processes = processes();
        expectBad(with(valid, "pickupBranchId", "123456"), 422, "pickupBranchId");
        expectBad(with(valid, "pickupBranchId", "746105"), 422, "pickupBranchId"); // does not allow pickup
        expectBad(with(valid, "patronId", "P-nobody"), 422, "patronId");
        expectBad(with(valid, "patronId", patron("710100", 200)), 422, "patronId"); // blocked by debt
        expectBad(with(valid, "pids", List.of("870970-basis:unknown")), 422, "pids[0]");
        String otherWork = record("work-" + unique("other"), today().minusYears(1));
        expectBad(with(valid, "pids", List.of(((List<?>) valid.get("pids")).get(0), otherWork)), 422, "pids");
        expectBad(with(valid, "needBeforeDate", today().plusDays(1).toString()), 422, "needBeforeDate");
        expectBad(with(valid, "needBeforeDate", today().minusDays(3).toString()), 422, "needBeforeDate");
        expectBad(with(valid, "responderId", "710105"), 422, "responderId"); // the borrower itself
        expectBad(with(valid, "responderId", "999999"), 422, "responderId");
        assertThat(orders()).isEqualTo(orders);
        assertThat(processes()).isEqualTo(processes);
    }

    @Test
    void anOrderForAClosedPickupBranchIsRefused() throws Exception {
        Map<String, Object> valid = newOrder();
        JsonNode closure = body(asAdmin(postJson("/api/libraries/710100/closures", Map.of("scope", "END_USERS",
            "from", today().toString(), "to", today().plusDays(2).toString(), "reason", "Lukket for ombygning", "branchIds", List.of("710104")))));
        try {
            expectBad(valid, 422, "pickupBranchId");
            // staff in Netpunkt may still order for pickup there
            placeOrder(with(valid, "orderSystem", "netpunkt"));
        } finally {
            asAdmin(deleteJson("/api/closures/" + closure.get("closureId").asLong()));
        }
    }

    @Test
    void aLenderClosedForIllCannotBeChosen() throws Exception {
        Map<String, Object> valid = newOrder();
        JsonNode closure = body(asAdmin(postJson("/api/libraries/763000/closures", Map.of("scope", "ILL",
            "from", today().toString(), "to", today().plusDays(2).toString(), "reason", "Flytning", "branchIds", List.of("763000")))));
        try {
            expectBad(with(with(valid, "orderSystem", "netpunkt"), "responderId", "763000"), 422, "responderId");
        } finally {
            asAdmin(deleteJson("/api/closures/" + closure.get("closureId").asLong()));
        }
    }

    @Test
    void ordersAreListedByBorrowerAndStatus() throws Exception {
        String orderId = placeOrder(newOrder()).get("orderId").asText();
        runJobs();
        JsonNode page = body(asAdmin(getJson("/api/orders?borrowerAgencyId=710100&status=AWAITING_MANUAL&size=200")).andExpect(status().isOk()));
        assertThat(page.get("items")).extracting(i -> i.get("orderId").asText()).contains(orderId);
        assertThat(page.get("totalElements").asLong()).isPositive();
        asAdmin(getJson("/api/orders?status=LOST")).andExpect(status().isBadRequest());
        asAdmin(getJson("/api/orders?size=0")).andExpect(status().isBadRequest());
        asAdmin(getJson("/api/orders/abc")).andExpect(status().isBadRequest());
        asAdmin(getJson("/api/orders/1999999998")).andExpect(status().isNotFound());
    }

    @Test
    void statusTextsAreDanishWithEnglishOnRequest() throws Exception {
        String orderId = placeOrder(newOrder()).get("orderId").asText();
        runJobs();
        asAdmin(getJson("/api/orders/" + orderId)).andExpect(jsonPath("$.statusText").value("Afventer manuel behandling"));
        asAdmin(getJson("/api/orders/" + orderId).header("Accept-Language", "en"))
            .andExpect(jsonPath("$.statusText").value("Awaiting manual handling"));
    }

    private void expectBad(Map<String, Object> request, int status, String field) throws Exception {
        asAdmin(postJson("/api/orders", request))
            .andExpect(status().is(status))
            .andExpect(header().string("Content-Type", "application/problem+json"))
            .andExpect(jsonPath("$.status").value(status))
            .andExpect(jsonPath("$.title").exists())
            .andExpect(jsonPath("$.detail").exists())
            .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.hasItem(field)));
    }

    private static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
        Map<String, Object> copy = new HashMap<>(base);
        copy.put(key, value);
        return copy;
    }

    private static Map<String, Object> without(Map<String, Object> base, String key) {
        Map<String, Object> copy = new HashMap<>(base);
        copy.remove(key);
        return copy;
    }
}

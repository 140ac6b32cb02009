package dk.fjernlaan.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import dk.fjernlaan.support.IntegrationTest;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The same lender message twice, one after the other (a client's retry) or at the same moment (a retry racing the
 * first attempt, the message sent to two nodes): both are answered 200 with the same end state, or 409 naming the
 * state, never 500, and the order moves once. Over real HTTP, so requests run in parallel as in production.
 * The borrower is Hvidovre (716700); the lenders Høje-Taastrup (716900) and Ishøj (718300).
 */
class RepeatedMessagesTest extends IntegrationTest {

    static final String BORROWER = "716700";
    static final String FIRST = "716900";
    static final String SECOND = "718300";

    @Autowired TaskService tasks;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ExecutorService threads = Executors.newFixedThreadPool(2);
    private String patron;

    @BeforeEach
    void libraries() throws Exception {
        participates(BORROWER, 0, 0);
        participates(FIRST, 0, 0);
        participates(SECOND, 0, 0);
        patron = patron(BORROWER);
        staffOf(FIRST);
    }

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    /** An order with the first lender (it has the title on the shelf) and the second as the next (its copy is out). */
    private String orderFrom(String... lenders) throws Exception {
        String pid = record("work-" + unique("r"), today().minusYears(1));
        items(pid, lenders[0], List.of(Map.of("status", "OnShelf")));
        for (int i = 1; i < lenders.length; i++) {
            items(pid, lenders[i], List.of(Map.of("status", "OnLoan", "dueDate", today().plusDays(10).toString())));
        }
        String orderId = placeOrder(Map.of("pickupBranchId", BORROWER, "patronId", patron, "pids", List.of(pid), "orderSystem", "bibliotekdk"))
            .get("orderId").asText();
        runJobs();
        return orderId;
    }

    private HttpResponse<String> post(String orderId, Map<String, Object> message) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/orders/" + orderId + "/supplier-messages"))
            .header("Content-Type", "application/json")
            .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("staff-" + FIRST + ":" + STAFF_PASSWORD).getBytes(StandardCharsets.UTF_8)))
            .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(message)))
            .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** The message once, and the steps it starts. */
    private HttpResponse<String> send(String orderId, Map<String, Object> message) throws Exception {
        HttpResponse<String> answer = post(orderId, message);
        runJobs();
        return answer;
    }

    /** The message sent twice at the same moment; answers both status codes. */
    private List<Integer> twiceAtOnce(String orderId, Map<String, Object> message) throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            answers.add(threads.submit(() -> {
                start.await();
                return post(orderId, message);
            }));
        }
        List<Integer> codes = new ArrayList<>();
        for (Future<HttpResponse<String>> answer : answers) {
            codes.add(answer.get().statusCode());
        }
        runJobs();
        return codes;
    }

    private List<String> events(String orderId) throws Exception {
        List<String> events = new ArrayList<>();
        order(orderId).get("history").forEach(h -> events.add(h.get("event").asText()));
        return events;
    }

    @Test
    void theSameAnswerAtTheSameMomentMovesTheOrderOnce() throws Exception {
        for (int round = 0; round < 8; round++) {
            String orderId = orderFrom(FIRST, SECOND);
            assertThat(twiceAtOnce(orderId, Map.of("status", "WillSupply"))).containsOnly(200);
            assertThat(order(orderId).get("status").asText()).isEqualTo("WILL_SUPPLY");
            assertThat(events(orderId)).filteredOn("LENDER_WILL_SUPPLY"::equals).hasSize(1);
            assertThat(tasks.createTaskQuery().processInstanceBusinessKey(orderId).count()).isEqualTo(1);

            Map<String, Object> loaned = Map.of("status", "Loaned", "dueDate", today().plusDays(30).toString(), "itemId", "i-" + round);
            assertThat(twiceAtOnce(orderId, loaned)).containsOnly(200);
            assertThat(order(orderId).get("status").asText()).isEqualTo("SHIPPED");
            assertThat(events(orderId)).filteredOn("LENDER_SHIPPED"::equals).hasSize(1);
            assertThat(events(orderId)).filteredOn("SHIPMENT_PLANNED"::equals).hasSize(1);
        }
    }

    @Test
    void theSameUnfilledAtTheSameMomentAsksTheNextLenderOnce() throws Exception {
        for (int round = 0; round < 8; round++) {
            String orderId = orderFrom(FIRST, SECOND);
            Map<String, Object> unfilled = new HashMap<>(Map.of("status", "Unfilled", "reason", "not-on-shelf", "supplierBranchId", FIRST));
            // the next lender is found in the background: both are told so (202)
            assertThat(twiceAtOnce(orderId, unfilled)).containsOnly(202);
            JsonNode order = order(orderId);
            assertThat(order.get("lender").get("branchId").asText()).isEqualTo(SECOND);
            assertThat(order.get("lenderAttempts")).hasSize(2);
            assertThat(events(orderId)).filteredOn("SENT_TO_LENDER"::equals).hasSize(2);
            assertThat(events(orderId)).doesNotContain("LATE_ANSWER");
            assertThat(tasks.createTaskQuery().processInstanceBusinessKey(orderId).count()).isEqualTo(1);
        }
    }

    @Test
    void aRetriedAnswerChangesNothingAndADifferentOneIs409() throws Exception {
        String orderId = orderFrom(FIRST);
        assertThat(send(orderId, Map.of("status", "ExpectToSupply", "expectedDeliveryDate", today().plusDays(3).toString())).statusCode()).isEqualTo(202);
        assertThat(send(orderId, Map.of("status", "ExpectToSupply", "expectedDeliveryDate", today().plusDays(3).toString())).statusCode()).isEqualTo(200);
        assertThat(events(orderId)).filteredOn("LENDER_EXPECTS_TO_SUPPLY"::equals).hasSize(1);
        Map<String, Object> loaned = Map.of("status", "Loaned", "dueDate", today().plusDays(30).toString());
        assertThat(send(orderId, loaned).statusCode()).isEqualTo(200);
        HttpResponse<String> again = send(orderId, loaned);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(json.readTree(again.body()).get("status").asText()).isEqualTo("SHIPPED");
        assertThat(events(orderId)).filteredOn("LENDER_SHIPPED"::equals).hasSize(1);
        HttpResponse<String> otherDate = send(orderId, Map.of("status", "Loaned", "dueDate", today().plusDays(40).toString()));
        assertThat(otherDate.statusCode()).isEqualTo(409);
        assertThat(json.readTree(otherDate.body()).get("currentStatus").asText()).isEqualTo("SHIPPED");
        assertThat(order(orderId).get("lender").get("dueDate").asText()).isEqualTo(today().plusDays(30).toString());
    }

    @Test
    void onlyStaffOfTheBranchItNamesMaySendALateAnswer() throws Exception {
        String orderId = orderFrom(FIRST, SECOND);
        asStaff(FIRST, postJson("/api/orders/" + orderId + "/supplier-messages", Map.of("status", "Unfilled"))).andExpect(status().isAccepted());
        runJobs();
        List<String> before = events(orderId);
        // staff of a third library name the first lender's branch: refused, nothing recorded under their name
        asStaff(BORROWER, postJson("/api/orders/" + orderId + "/supplier-messages", Map.of("status", "Loaned",
            "dueDate", today().plusDays(30).toString(), "supplierBranchId", FIRST)))
            .andExpect(status().isForbidden());
        asStaff("746100", postJson("/api/orders/" + orderId + "/supplier-messages", Map.of("status", "WillSupply", "supplierBranchId", FIRST)))
            .andExpect(status().isForbidden()).andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString(FIRST)));
        assertThat(events(orderId)).isEqualTo(before);
        // the first lender itself may: its late answer is recorded and ignored
        asStaff(FIRST, postJson("/api/orders/" + orderId + "/supplier-messages", Map.of("status", "WillSupply", "supplierBranchId", FIRST)))
            .andExpect(status().isOk());
        assertThat(events(orderId)).last().isEqualTo("LATE_ANSWER");
        assertThat(order(orderId).get("lender").get("branchId").asText()).isEqualTo(SECOND);
    }
}

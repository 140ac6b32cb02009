package dk.fjernlaan.iso18626;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dk.fjernlaan.process.ProcessModel;
import dk.fjernlaan.support.IntegrationTest;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Fjernlån as requester over real HTTP: the lender Herlev (716300) has its own library system, played by the peer
 * simulator; the borrower is Glostrup (716100); Albertslund (716500) lends in Tasklist. The request goes out as an
 * ISO 18626 Request, the lender's supplyingAgencyMessages drive the order, and Fjernlån's requestingAgencyMessages
 * (Received, ShippedReturn, Cancel) reach the lender's system.
 */
class Iso18626RequesterTest extends IntegrationTest {

    static final String BORROWER = "716100";
    static final String LENDER = "716300";
    static final String OTHER = "716500";
    static final String SYMBOL = "ISIL:DK-716300";
    static final String ACCOUNT = "herlev";
    static final String CODE = "s3cret-herlev";

    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired PeerDelivery delivery;

    private PeerSimulator lender;
    private String patron;

    @BeforeEach
    void peer() throws Exception {
        participates(BORROWER, 0, 0);
        participates(LENDER, 0, 0);
        participates(OTHER, 0, 0);
        patron = patron(BORROWER);
        lender = new PeerSimulator(SYMBOL);
        asAdmin(putJson("/api/peers/" + SYMBOL, Map.of("name", "Herlev Bibliotek (eget system)", "address", lender.address(),
            "accountId", ACCOUNT, "securityCode", CODE, "version", "1.2", "agencyId", LENDER))).andExpect(status().isOk());
    }

    @AfterEach
    void noPeer() throws Exception {
        asAdmin(deleteJson("/api/peers/" + SYMBOL));
        lender.close();
    }

    /** An automated order held on the shelf by the lender with its own system (and by others as given). */
    private String order(Map<String, List<Map<String, Object>>> otherHolders) throws Exception {
        String pid = record("work-" + unique("iso"), today().minusYears(1));
        items(pid, LENDER, List.of(Map.of("status", "OnShelf")));
        for (Map.Entry<String, List<Map<String, Object>>> other : otherHolders.entrySet()) {
            items(pid, other.getKey(), other.getValue());
        }
        String orderId = placeOrder(new HashMap<>(Map.of("pickupBranchId", BORROWER, "patronId", patron, "pids", List.of(pid),
            "orderSystem", "bibliotekdk"))).get("orderId").asText();
        runJobs();
        return orderId;
    }

    private HttpResponse<String> fromLender(String orderId, String reason, String status, String extra, LocalDate expected, LocalDate due,
                                            String itemId) throws Exception {
        return fromLender(orderId, CODE, reason, status, extra, expected, due, itemId);
    }

    private HttpResponse<String> fromLender(String orderId, String code, String reason, String status, String extra, LocalDate expected,
                                            LocalDate due, String itemId) throws Exception {
        HttpResponse<String> answer = lender.send(endpoint(), lender.supplyingAgencyMessage("ISIL:DK-" + BORROWER, orderId, ACCOUNT, code,
            reason, status, extra, expected, due, itemId));
        runJobs();
        return answer;
    }

    private String endpoint() {
        return "http://127.0.0.1:" + port + "/iso18626";
    }

    private ProcessInstance conversation(String orderId) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(ProcessModel.LENDER_CONVERSATION).processInstanceBusinessKey(orderId)
            .singleResult();
    }

    private static List<String> events(JsonNode order) {
        List<String> events = new ArrayList<>();
        order.get("history").forEach(h -> events.add(h.get("event").asText()));
        return events;
    }

    private void fromBorrower(String orderId, String path, Map<String, Object> body) throws Exception {
        asStaff(BORROWER, postJson("/api/orders/" + orderId + path, body)).andExpect(status().is2xxSuccessful());
        runJobs();
    }

    @Test
    void theLendersOwnSystemGetsTheRequestAndItsMessagesCarryTheWholeLoan() throws Exception {
        String orderId = order(Map.of());
        assertThat(order(orderId).get("status").asText()).isEqualTo("SENT_TO_LENDER");
        assertThat(conversation(orderId)).isWaitingAt(ProcessModel.AWAIT_LENDER_SYSTEM_ANSWER);
        assertThat(tasks.createTaskQuery().taskCandidateGroup(LENDER).processInstanceBusinessKey(orderId).count())
            .as("no Tasklist task for a lender whose own system answers").isZero();

        PeerSimulator.Received request = lender.await(r -> r.type().equals("request") && orderId.equals(r.requestingAgencyRequestId()));
        assertThat(request.text("supplierUniqueRecordId")).isEqualTo(order(orderId).get("pids").get(0).asText());
        assertThat(request.text("serviceType")).isEqualTo("Loan");
        assertThat(request.text("needBeforeDate")).startsWith(order(orderId).get("needBeforeDate").asText());
        assertThat(request.xml()).contains("<ill:agencyIdValue>DK-716100</ill:agencyIdValue>", "<ill:securityCode>" + CODE)
            .doesNotContain(patron);

        HttpResponse<String> willSupply = fromLender(orderId, "RequestResponse", "WillSupply", null, null, null, null);
        assertThat(willSupply.statusCode()).isEqualTo(200);
        assertThat(willSupply.body()).contains("supplyingAgencyMessageConfirmation", ">OK<", "RequestResponse");
        assertThat(order(orderId).get("status").asText()).isEqualTo("WILL_SUPPLY");
        assertThat(conversation(orderId)).isWaitingAt(ProcessModel.AWAIT_LENDER_SYSTEM_SHIPMENT);

        LocalDate due = today().plusDays(40);
        assertThat(fromLender(orderId, "StatusChange", "Loaned", null, null, due, "3274628197").body()).contains(">OK<");
        JsonNode shipped = order(orderId);
        assertThat(shipped.get("status").asText()).isEqualTo("SHIPPED");
        assertThat(shipped.get("lender").get("dueDate").asText()).isEqualTo(due.toString());

        fromBorrower(orderId, "/requester-messages", Map.of("action", "Received"));
        assertThat(lender.await(r -> orderId.equals(r.requestingAgencyRequestId()) && "Received".equals(r.action())).type())
            .isEqualTo("requestingAgencyMessage");
        fromBorrower(orderId, "/patron-events", Map.of("event", "PickedUp"));
        fromBorrower(orderId, "/requester-messages", Map.of("action", "Renew"));
        lender.await(r -> orderId.equals(r.requestingAgencyRequestId()) && "Renew".equals(r.action()));
        assertThat(order(orderId).get("lender").get("dueDate").asText()).as("the lender's system decides").isEqualTo(due.toString());
        LocalDate renewed = due.plusDays(20);
        assertThat(fromLender(orderId, "RenewResponse", "Loaned", "<answerYesNo>Y</answerYesNo>", null, renewed, null).body())
            .contains(">OK<");
        assertThat(order(orderId).get("lender").get("dueDate").asText()).isEqualTo(renewed.toString());
        fromBorrower(orderId, "/requester-messages", Map.of("action", "Renew"));
        assertThat(fromLender(orderId, "RenewResponse", "Loaned", "<answerYesNo>N</answerYesNo>", null, renewed, null).body())
            .contains(">OK<");
        assertThat(events(order(orderId))).containsSubsequence("RENEWAL_ASKED", "RENEWED", "RENEWAL_ASKED", "RENEWAL_REFUSED");
        LocalDate recalled = today().plusDays(10);
        assertThat(fromLender(orderId, "StatusChange", "Recalled", null, null, recalled, null).body()).contains(">OK<");
        assertThat(order(orderId).get("lender").get("dueDate").asText()).isEqualTo(recalled.toString());
        fromBorrower(orderId, "/patron-events", Map.of("event", "Returned"));
        lender.await(r -> orderId.equals(r.requestingAgencyRequestId()) && "ShippedReturn".equals(r.action()));
        assertThat(order(orderId).get("status").asText()).isEqualTo("RETURN_SHIPPED");

        assertThat(fromLender(orderId, "StatusChange", "LoanCompleted", null, null, null, null).body()).contains(">OK<");
        assertThat(order(orderId).get("status").asText()).isEqualTo("COMPLETED");
        assertThat(lender.actionsFor(orderId)).containsExactly("Request", "Received", "Renew", "Renew", "ShippedReturn");

        JsonNode log = delivered(orderId);
        List<String> seen = new ArrayList<>();
        log.forEach(m -> seen.add(m.get("direction").asText() + " " + m.get("type").asText() + " " + m.get("status").asText()));
        assertThat(seen).containsExactly("OUT request OK", "IN supplyingAgencyMessage OK", "IN supplyingAgencyMessage OK",
            "OUT requestingAgencyMessage OK", "OUT requestingAgencyMessage OK", "IN supplyingAgencyMessage OK",
            "OUT requestingAgencyMessage OK", "IN supplyingAgencyMessage OK", "IN supplyingAgencyMessage OK",
            "OUT requestingAgencyMessage OK", "IN supplyingAgencyMessage OK");
        assertThat(log.get(0).get("confirmation").asText()).contains("requestConfirmation");
        assertThat(log.toString()).as("the security codes are never listed").doesNotContain(CODE);
    }

    @Test
    void anItemThatGoesStraightOnToTheNextBorrowerIsShippedForwardInTheLendersSystem() throws Exception {
        String first = order(Map.of());
        lender.await(r -> r.type().equals("request") && first.equals(r.requestingAgencyRequestId()));
        fromLender(first, "RequestResponse", "Loaned", null, null, today().plusDays(40), "3274628197");
        fromBorrower(first, "/requester-messages", Map.of("action", "Received"));
        fromBorrower(first, "/patron-events", Map.of("event", "PickedUp"));

        String pid = order(first).get("pids").get(0).asText();
        items(pid, LENDER, List.of(Map.of("status", "OnLoan", "dueDate", today().plusDays(40).toString())));
        String next = placeOrder(new HashMap<>(Map.of("pickupBranchId", BORROWER, "patronId", patron(BORROWER), "pids", List.of(pid),
            "orderSystem", "bibliotekdk", "needBeforeDate", today().plusDays(90).toString()))).get("orderId").asText();
        runJobs();
        assertThat(order(next).get("lender").get("branchId").asText()).isEqualTo(LENDER);
        lender.await(r -> r.type().equals("request") && next.equals(r.requestingAgencyRequestId()));

        fromBorrower(first, "/patron-events", Map.of("event", "Returned"));
        assertThat(order(first).get("status").asText()).isEqualTo("FORWARDED");
        assertThat(order(next).get("status").asText()).isEqualTo("SHIPPED");
        PeerSimulator.Received forwarded = lender.await(r -> first.equals(r.requestingAgencyRequestId()) && "ShippedForward".equals(r.action()));
        assertThat(forwarded.text("note")).contains(next);
        assertThat(lender.actionsFor(first)).containsExactly("Request", "Received", "ShippedForward");

        fromBorrower(next, "/requester-messages", Map.of("action", "Received"));
        lender.await(r -> next.equals(r.requestingAgencyRequestId()) && "Received".equals(r.action()));
        assertThat(order(first).get("status").asText()).isEqualTo("COMPLETED");
    }

    @Test
    void anUnfilledFromTheLendersSystemSendsTheRequestToTheNextLender() throws Exception {
        String orderId = order(Map.of(OTHER, List.of(Map.of("status", "OnLoan", "dueDate", today().plusDays(4).toString()))));
        assertThat(order(orderId).get("lender").get("branchId").asText()).isEqualTo(LENDER);
        lender.await(r -> r.type().equals("request") && orderId.equals(r.requestingAgencyRequestId()));

        HttpResponse<String> unfilled = fromLender(orderId, "RequestResponse", "Unfilled",
            "<reasonUnfilled>NotOnShelf</reasonUnfilled>", null, null, null);
        assertThat(unfilled.body()).contains(">OK<");
        JsonNode order = order(orderId);
        assertThat(order.get("lender").get("branchId").asText()).isEqualTo(OTHER);
        assertThat(order.get("lenderAttempts").get(0).get("outcome").asText()).isEqualTo("UNFILLED");
        assertThat(order.get("lenderAttempts").get(0).get("reason").asText()).isEqualTo("NotOnShelf");
        assertThat(tasks.createTaskQuery().taskCandidateGroup(OTHER).processInstanceBusinessKey(orderId).count())
            .as("the next lender works in Tasklist").isEqualTo(1);
    }

    @Test
    void theSameMessageTwiceIsConfirmedBothTimesAndTakenOnce() throws Exception {
        String orderId = order(Map.of());
        lender.await(r -> r.type().equals("request") && orderId.equals(r.requestingAgencyRequestId()));
        String xml = lender.supplyingAgencyMessage("ISIL:DK-" + BORROWER, orderId, ACCOUNT, CODE, "RequestResponse", "ExpectToSupply", null,
            today().plusDays(3), null, null);
        assertThat(lender.send(endpoint(), xml).body()).contains(">OK<");
        runJobs();
        assertThat(lender.send(endpoint(), xml).body()).contains(">OK<");
        runJobs();
        JsonNode order = order(orderId);
        assertThat(order.get("status").asText()).isEqualTo("EXPECT_TO_SUPPLY");
        assertThat(events(order).stream().filter("LENDER_EXPECTS_TO_SUPPLY"::equals)).hasSize(1);
    }

    @Test
    void aMessageThatCannotBeTakenIsConfirmedWithAnErrorAndChangesNothing() throws Exception {
        String orderId = order(Map.of());
        lender.await(r -> r.type().equals("request") && orderId.equals(r.requestingAgencyRequestId()));
        JsonNode before = order(orderId);

        HttpResponse<String> wrongCode = fromLender(orderId, "not-the-code", "RequestResponse", "WillSupply", null, null, null, null);
        assertThat(wrongCode.statusCode()).isEqualTo(200);
        assertThat(wrongCode.body()).contains(">ERROR<", "UnrecognisedDataValue", "requestingAgencyAuthentication");
        assertThat(fromLender("99999999", "RequestResponse", "WillSupply", null, null, null, null).body())
            .contains(">ERROR<", "requestingAgencyRequestId");
        assertThat(fromLender(orderId, "StatusChange", "Loaned", null, null, null, null).body())
            .as("Loaned needs its due date").contains(">ERROR<", "dueDate");
        assertThat(fromLender(orderId, "StatusChange", "LoanCompleted", null, null, null, null).body())
            .as("a status that does not fit the order").contains(">ERROR<", "SENT_TO_LENDER");
        assertThat(fromLender(orderId, "StatusChange", "CopyCompleted", null, null, null, null).body()).contains(">ERROR<");

        JsonNode order = order(orderId);
        assertThat(order.get("status").asText()).isEqualTo("SENT_TO_LENDER");
        assertThat(order.get("history")).isEqualTo(before.get("history"));
        assertThat(order.get("lenderAttempts")).isEqualTo(before.get("lenderAttempts"));
        assertThat(conversation(orderId)).isWaitingAt(ProcessModel.AWAIT_LENDER_SYSTEM_ANSWER);
    }

    @Test
    void aCancelledOrderIsCancelledInTheLendersSystemEvenBeforeItAnswered() throws Exception {
        String orderId = order(Map.of());
        lender.await(r -> r.type().equals("request") && orderId.equals(r.requestingAgencyRequestId()));
        fromBorrower(orderId, "/requester-messages", Map.of("action", "Cancel"));
        assertThat(order(orderId).get("status").asText()).isEqualTo("CANCELLED");
        lender.await(r -> orderId.equals(r.requestingAgencyRequestId()) && "Cancel".equals(r.action()));
        assertThat(fromLender(orderId, "CancelResponse", "Cancelled", "<answerYesNo>Y</answerYesNo>", null, null, null).body())
            .contains(">OK<");
        assertThat(order(orderId).get("status").asText()).isEqualTo("CANCELLED");
    }

    @Test
    void whileTheLendersSystemIsDownItsMessagesWaitAndThenArriveInOrder() throws Exception {
        lender.behave(PeerSimulator.Behaviour.HTTP_500);
        String orderId = order(Map.of());
        fromBorrower(orderId, "/requester-messages", Map.of("action", "Cancel"));
        awaitRefusals(2);
        JsonNode peer = body(asAdmin(getJson("/api/peers/" + SYMBOL)).andExpect(status().isOk()));
        assertThat(peer.get("pendingMessages").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(peer.get("lastError").asText()).contains("HTTP 500");
        assertThat(peer.has("securityCode")).isFalse();
        assertThat(lender.received(orderId)).isEmpty();

        lender.behave(PeerSimulator.Behaviour.OK);
        lender.await(r -> orderId.equals(r.requestingAgencyRequestId()) && "Cancel".equals(r.action()));
        assertThat(lender.actionsFor(orderId)).containsExactly("Request", "Cancel");
        delivered(orderId);
        JsonNode after = body(asAdmin(getJson("/api/peers/" + SYMBOL)).andExpect(status().isOk()));
        assertThat(after.get("pendingMessages").asInt()).isZero();
        assertThat(after.path("lastError").isMissingNode() || after.get("lastError").isNull()).isTrue();
    }

    @Test
    void aLenderSystemThatDoesNotConfirmInTimeGetsTheMessageAgain() throws Exception {
        lender.behave(PeerSimulator.Behaviour.SLOW);
        String orderId = order(Map.of());
        awaitRefusals(1);
        lender.behave(PeerSimulator.Behaviour.OK);
        lender.await(r -> r.type().equals("request") && orderId.equals(r.requestingAgencyRequestId()));
        JsonNode log = delivered(orderId);
        assertThat(log.get(0).get("status").asText()).isEqualTo("OK");
        assertThat(log.get(0).get("attempts").asInt()).isGreaterThan(1);
    }

    @Test
    void aSilentLenderSystemLosesTheRequestAndTheNextLenderIsAsked() throws Exception {
        asAdmin(postJson("/api/sim/clock", Map.of("now", "2027-01-08T09:00:00Z"))); // Friday, 10:00 in Denmark
        String orderId = order(Map.of(OTHER, List.of(Map.of("status", "OnLoan", "dueDate", "2027-01-12"))));
        lender.await(r -> r.type().equals("request") && orderId.equals(r.requestingAgencyRequestId()));
        asAdmin(postJson("/api/sim/clock", Map.of("now", "2027-01-13T09:01:00Z"))); // Wednesday: three working days
        runJobs();
        JsonNode order = order(orderId);
        assertThat(order.get("lender").get("branchId").asText()).isEqualTo(OTHER);
        assertThat(order.get("lenderAttempts").get(0).get("outcome").asText()).isEqualTo("SILENT");
        lender.await(r -> orderId.equals(r.requestingAgencyRequestId()) && "Cancel".equals(r.action()));
    }

    /**
     * The order's message log once every message is delivered: the simulator keeps a message before it answers,
     * so the confirmation may still be on its way when the simulator has it.
     */
    private JsonNode delivered(String orderId) throws Exception {
        long until = System.nanoTime() + 20_000_000_000L;
        JsonNode log = body(asStaff(BORROWER, getJson("/api/orders/" + orderId + "/iso18626-messages")).andExpect(status().isOk()));
        while (log.toString().contains("\"PENDING\"") && System.nanoTime() < until) {
            Thread.sleep(50);
            log = body(asStaff(BORROWER, getJson("/api/orders/" + orderId + "/iso18626-messages")).andExpect(status().isOk()));
        }
        return log;
    }

    private void awaitRefusals(int attempts) throws InterruptedException {
        long until = System.nanoTime() + 20_000_000_000L;
        while (lender.refusedAttempts() < attempts && System.nanoTime() < until) {
            Thread.sleep(50);
        }
        assertThat(lender.refusedAttempts()).isGreaterThanOrEqualTo(attempts);
    }
}

package dk.fjernlaan.iso18626;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dk.fjernlaan.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Fjernlån as supplying broker over real HTTP: Lyngby-Taarbæk (717300) borrows from its own library system, played
 * by the peer simulator; the Danish lenders Rødovre (717500) and Tårnby (718500) work in Tasklist and the JSON API.
 * The peer's Request becomes an order of that library; the peer hears how it moves and drives its end with its own
 * messages.
 */
class Iso18626BrokerTest extends IntegrationTest {

    static final String BORROWER = "717300";
    static final String LENDER = "717500";
    static final String SECOND = "718500";
    static final String SYMBOL = "ISIL:DK-717300";
    static final String BROKER = "ISIL:DK-FJERNLAAN";
    static final String ACCOUNT = "lyngby";
    static final String CODE = "s3cret-lyngby";

    private PeerSimulator borrower;

    @BeforeEach
    void peer() throws Exception {
        participates(BORROWER, 0, 0);
        participates(LENDER, 0, 0);
        participates(SECOND, 0, 0);
        borrower = new PeerSimulator(SYMBOL);
        asAdmin(putJson("/api/peers/" + SYMBOL, Map.of("name", "Lyngby-Taarbæk Bibliotekerne (eget system)", "address", borrower.address(),
            "accountId", ACCOUNT, "securityCode", CODE, "version", "1.2", "agencyId", BORROWER))).andExpect(status().isOk());
    }

    @AfterEach
    void noPeer() throws Exception {
        asAdmin(deleteJson("/api/peers/" + SYMBOL));
        borrower.close();
    }

    private String endpoint() {
        return "http://127.0.0.1:" + port + "/iso18626";
    }

    private String recordHeldBy(Map<String, List<Map<String, Object>>> holders) throws Exception {
        String pid = record("work-" + unique("broker"), today().minusYears(1));
        for (Map.Entry<String, List<Map<String, Object>>> holder : holders.entrySet()) {
            items(pid, holder.getKey(), holder.getValue());
        }
        return pid;
    }

    private HttpResponse<String> request(String requestId, String pid) throws Exception {
        HttpResponse<String> answer = borrower.send(endpoint(), borrower.request(BROKER, requestId, ACCOUNT, CODE, pid,
            today().plusDays(30), null));
        runJobs();
        return answer;
    }

    private HttpResponse<String> tell(String requestId, String action) throws Exception {
        HttpResponse<String> answer = borrower.send(endpoint(), borrower.requestingAgencyMessage(BROKER, requestId, ACCOUNT, CODE, action));
        runJobs();
        return answer;
    }

    /** The order the peer's request became, read from the first report it got (its supplyingAgencyRequestId). */
    private String orderOf(String requestId) {
        return borrower.await(r -> requestId.equals(r.requestingAgencyRequestId()) && "supplyingAgencyMessage".equals(r.type()))
            .text("supplyingAgencyRequestId");
    }

    private PeerSimulator.Received report(String requestId, String status) {
        return borrower.await(r -> requestId.equals(r.requestingAgencyRequestId()) && status.equals(r.status()));
    }

    private void lender(String lender, String orderId, Map<String, Object> message) throws Exception {
        asStaff(lender, postJson("/api/orders/" + orderId + "/supplier-messages", message)).andExpect(status().is2xxSuccessful());
        runJobs();
    }

    private List<String> statuses(String requestId) {
        return borrower.received(requestId).stream().map(r -> r.text("reasonForMessage") + "/" + r.status()).toList();
    }

    @Test
    void aLibrarysOwnSystemBorrowsThroughFjernlaanAndHearsHowTheOrderMoves() throws Exception {
        String pid = recordHeldBy(Map.of(LENDER, List.of(Map.of("status", "OnShelf"))));
        String requestId = unique("LTK-");
        HttpResponse<String> confirmed = request(requestId, pid);
        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(confirmed.body()).contains("requestConfirmation", ">OK<", requestId);

        String orderId = orderOf(requestId);
        JsonNode order = order(orderId);
        assertThat(order.get("orderSystem").asText()).isEqualTo("iso18626");
        assertThat(order.get("borrowerAgencyId").asText()).isEqualTo(BORROWER);
        assertThat(order.get("status").asText()).isEqualTo("SENT_TO_LENDER");
        assertThat(order.get("lender").get("branchId").asText()).isEqualTo(LENDER);
        PeerSimulator.Received asked = report(requestId, "ExpectToSupply");
        assertThat(asked.text("reasonForMessage")).isEqualTo("RequestResponse");
        assertThat(asked.xml()).contains("<ill:agencyIdValue>DK-FJERNLAAN</ill:agencyIdValue>", "<ill:securityCode>" + CODE);

        lender(LENDER, orderId, Map.of("status", "WillSupply"));
        report(requestId, "WillSupply");
        lender(LENDER, orderId, Map.of("status", "Loaned", "dueDate", today().plusDays(40).toString(), "itemId", "5080123456"));
        PeerSimulator.Received loaned = report(requestId, "Loaned");
        assertThat(loaned.text("dueDate")).startsWith(today().plusDays(40).toString());
        assertThat(loaned.text("itemId")).isEqualTo("5080123456");

        assertThat(tell(requestId, "Received").body()).contains(">OK<", "<ill:action>Received</ill:action>");
        assertThat(order(orderId).get("status").asText()).as("the library lends it to its patron itself").isEqualTo("ON_LOAN");

        assertThat(tell(requestId, "Renew").body()).contains(">OK<");
        PeerSimulator.Received renewed = borrower.await(r -> requestId.equals(r.requestingAgencyRequestId())
            && "RenewResponse".equals(r.text("reasonForMessage")));
        assertThat(renewed.text("answerYesNo")).isEqualTo("Y");

        assertThat(tell(requestId, "ShippedReturn").body()).contains(">OK<");
        assertThat(order(orderId).get("status").asText()).isEqualTo("RETURN_SHIPPED");
        lender(LENDER, orderId, Map.of("status", "LoanCompleted"));
        assertThat(order(orderId).get("status").asText()).isEqualTo("COMPLETED");
        report(requestId, "LoanCompleted");

        assertThat(statuses(requestId)).containsExactly("RequestResponse/ExpectToSupply", "StatusChange/WillSupply", "StatusChange/Loaned",
            "RenewResponse/Loaned", "StatusChange/LoanCompleted");
        assertThat(body(asAdmin(getJson("/api/orders/" + orderId + "/mails")))).as("the library tells its patron, not Fjernlån").isEmpty();
        JsonNode log = body(asStaff(BORROWER, getJson("/api/orders/" + orderId + "/iso18626-messages")).andExpect(status().isOk()));
        assertThat(log.toString()).as("no patron names, no security codes").doesNotContain("Hansen", CODE).contains("patronInfo/", "***");
    }

    @Test
    void theSameRequestAgainIsTheSameOrderAndAnotherRequestWithItsIdIsRefused() throws Exception {
        String pid = recordHeldBy(Map.of(LENDER, List.of(Map.of("status", "OnShelf"))));
        String requestId = unique("LTK-");
        String xml = borrower.request(BROKER, requestId, ACCOUNT, CODE, pid, today().plusDays(30), null);
        assertThat(borrower.send(endpoint(), xml).body()).contains(">OK<");
        assertThat(borrower.send(endpoint(), xml).body()).contains(">OK<");
        runJobs();
        String orderId = orderOf(requestId);
        assertThat(body(asAdmin(getJson("/api/orders?borrowerAgencyId=" + BORROWER + "&size=200"))).findValuesAsText("orderId").stream()
            .filter(id -> read(id).path("pids").get(0).asText().equals(pid))).containsExactly(orderId);

        String other = recordHeldBy(Map.of(LENDER, List.of(Map.of("status", "OnShelf"))));
        HttpResponse<String> reused = borrower.send(endpoint(), borrower.request(BROKER, requestId, ACCOUNT, CODE, other, today().plusDays(30),
            null));
        assertThat(reused.body()).contains(">ERROR<", "UnrecognisedDataValue");
        assertThat(borrower.send(endpoint(), borrower.request(BROKER, unique("LTK-"), ACCOUNT, CODE, "870970-basis:NOSUCH1", null, null))
            .body()).as("a record Fjernlån does not know").contains(">ERROR<");
    }

    private JsonNode read(String orderId) {
        try {
            return order(orderId);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aCancelBeforeDispatchCancelsTheOrderAndAfterDispatchIsAnsweredNo() throws Exception {
        String pid = recordHeldBy(Map.of(LENDER, List.of(Map.of("status", "OnShelf"))));
        String early = unique("LTK-");
        request(early, pid);
        String earlyOrder = orderOf(early);
        assertThat(tell(early, "Cancel").body()).contains(">OK<", "<ill:action>Cancel</ill:action>");
        assertThat(order(earlyOrder).get("status").asText()).isEqualTo("CANCELLED");
        PeerSimulator.Received cancelled = report(early, "Cancelled");
        assertThat(cancelled.text("reasonForMessage")).isEqualTo("CancelResponse");
        assertThat(cancelled.text("answerYesNo")).isEqualTo("Y");

        String late = unique("LTK-");
        request(late, pid);
        String lateOrder = orderOf(late);
        lender(LENDER, lateOrder, Map.of("status", "Loaned", "dueDate", today().plusDays(30).toString()));
        assertThat(tell(late, "Cancel").body()).contains(">OK<");
        PeerSimulator.Received refused = borrower.await(r -> late.equals(r.requestingAgencyRequestId())
            && "CancelResponse".equals(r.text("reasonForMessage")));
        assertThat(refused.text("answerYesNo")).isEqualTo("N");
        assertThat(order(lateOrder).get("status").asText()).isEqualTo("SHIPPED");
    }

    @Test
    void aLenderThatCannotSupplyIsANotificationAndUnfilledComesOnlyWhenTheOrderEnds() throws Exception {
        String pid = recordHeldBy(Map.of(LENDER, List.of(Map.of("status", "OnShelf")),
            SECOND, List.of(Map.of("status", "OnLoan", "dueDate", today().plusDays(4).toString()))));
        String requestId = unique("LTK-");
        request(requestId, pid);
        String orderId = orderOf(requestId);
        lender(LENDER, orderId, Map.of("status", "Unfilled", "reason", "NotOnShelf"));
        assertThat(order(orderId).get("lender").get("branchId").asText()).isEqualTo(SECOND);
        lender(SECOND, orderId, Map.of("status", "Unfilled", "reason", "NotOnShelf"));
        assertThat(order(orderId).get("status").asText()).isEqualTo("AWAITING_MANUAL");
        assertThat(borrower.received(requestId).stream().map(PeerSimulator.Received::status)).doesNotContain("Unfilled");

        asStaff(BORROWER, postJson("/api/orders/" + orderId + "/manual-decision", Map.of("action", "REJECT", "reason", "Ikke til udlån")))
            .andExpect(status().is2xxSuccessful());
        runJobs();
        report(requestId, "Unfilled");
        assertThat(statuses(requestId)).containsExactly("RequestResponse/ExpectToSupply", "Notification/ExpectToSupply",
            "StatusChange/ExpectToSupply", "Notification/ExpectToSupply", "Notification/ExpectToSupply", "StatusChange/Unfilled");
    }
}

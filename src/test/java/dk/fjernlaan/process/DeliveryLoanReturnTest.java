package dk.fjernlaan.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import dk.fjernlaan.platform.time.WorkingDays;
import dk.fjernlaan.support.IntegrationTest;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

/**
 * From dispatch to the end: the courier scheme, arrival and the patron's mail, pickup, the loan with reminders,
 * renewals and recall, the return home, and the transfer straight to the next borrower. Mails are read from a
 * real SMTP server (GreenMail). The lender is Assens (742000); the borrowers are Middelfart (741000),
 * Faaborg-Midtfyn (743000) and Kerteminde (744000), all served from Odense's junction.
 */
class DeliveryLoanReturnTest extends IntegrationTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

    static final String LENDER = "742000";
    static final String BORROWER = "741000";
    static final String SECOND = "743000";
    static final String THIRD = "744000";

    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;
    @Autowired WorkingDays workingDays;

    @BeforeEach
    void libraries() throws Exception {
        participates(LENDER, 0, 0);
        for (String borrower : List.of(BORROWER, SECOND, THIRD)) {
            participates(borrower, 0, 0);
        }
    }

    private String patronWithMail(String agency) throws Exception {
        String id = unique("P");
        asAdmin(putJson("/api/patrons/" + agency + "/" + id, Map.of("name", "Inger Christensen", "email", id.toLowerCase() + "@example.org",
            "debtKr", 0))).andExpect(status().is2xxSuccessful());
        return id;
    }

    private String book() throws Exception {
        String pid = record(uniquePid(), "work-" + unique("d"), today().minusYears(2), Map.of("title", "Alfabet"));
        items(pid, LENDER, List.of(Map.of("status", "OnShelf", "itemId", "ASSENS-1")));
        return pid;
    }

    private String order(String pid, String borrower, String patron, Map<String, Object> extra) throws Exception {
        Map<String, Object> request = new HashMap<>(Map.of("pickupBranchId", borrower, "patronId", patron, "pids", List.of(pid),
            "orderSystem", "bibliotekdk"));
        request.putAll(extra);
        String orderId = placeOrder(request).get("orderId").asText();
        runJobs();
        return orderId;
    }

    /** The answer to a change: the order after it, once the steps it started in the background have run too. */
    private JsonNode ok(ResultActions result) throws Exception {
        MvcResult answer = result.andReturn();
        int status = answer.getResponse().getStatus();
        assertThat(status).as(answer.getResponse().getContentAsString()).isIn(200, 202);
        runJobs();
        if (status == 200) {
            return body(result);
        }
        return body(asAdmin(getJson(answer.getResponse().getHeader("Location"))).andExpect(status().isOk()));
    }

    private JsonNode lender(String orderId, Map<String, Object> message) throws Exception {
        return ok(asStaff(LENDER, postJson("/api/orders/" + orderId + "/supplier-messages", message)));
    }

    private JsonNode requester(String borrower, String orderId, String action) throws Exception {
        return ok(asStaff(borrower, postJson("/api/orders/" + orderId + "/requester-messages", Map.of("action", action))));
    }

    private JsonNode patronEvent(String borrower, String orderId, String event) throws Exception {
        return ok(asStaff(borrower, postJson("/api/orders/" + orderId + "/patron-events", Map.of("event", event))));
    }

    /** An order of the borrower that the lender has shipped with the given due date. */
    private String shipped(String pid, String borrower, String patron, LocalDate lenderDue) throws Exception {
        String orderId = order(pid, borrower, patron, Map.of());
        lender(orderId, Map.of("status", "Loaned", "dueDate", lenderDue.toString(), "itemId", "ASSENS-1"));
        return orderId;
    }

    private ProcessInstance illOrder(String orderId) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(ProcessModel.ILL_ORDER).processInstanceBusinessKey(orderId).singleResult();
    }

    private List<MimeMessage> mailsTo(String patron) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return m.getRecipients(Message.RecipientType.TO)[0].toString().equals(patron.toLowerCase() + "@example.org");
            } catch (Exception e) {
                return false;
            }
        }).toList();
    }

    private static List<String> subjects(List<MimeMessage> mails) throws Exception {
        List<String> subjects = new ArrayList<>();
        for (MimeMessage m : mails) {
            subjects.add(m.getSubject());
        }
        return subjects;
    }

    private void moveClockTo(Instant instant) throws Exception {
        asAdmin(postJson("/api/sim/clock", Map.of("now", instant.toString()))).andExpect(status().isOk());
        runJobs();
    }

    private Instant at(LocalDate day, int hour) {
        return day.atTime(hour, 0).atZone(clock.zone()).toInstant();
    }

    @Test
    void pickUpAndReturnTheWholeWay() throws Exception {
        String patron = patronWithMail(BORROWER);
        LocalDate lenderDue = today().plusDays(40);
        String orderId = shipped(book(), BORROWER, patron, lenderDue);
        JsonNode shipped = order(orderId);
        assertThat(shipped.get("status").asText()).isEqualTo("SHIPPED");
        JsonNode shipment = shipped.get("shipment");
        assertThat(shipment.get("fromBranchId").asText()).isEqualTo(LENDER);
        assertThat(shipment.get("toBranchId").asText()).isEqualTo(BORROWER);
        assertThat(shipment.get("sameJunction").asBoolean()).isTrue();
        assertThat(shipment.get("expectedArrival").asText()).isEqualTo(workingDays.plusWorkingDays(today(), 2).toString());
        assertThat(illOrder(orderId)).isWaitingAt(ProcessModel.DELIVERY_CALL);

        JsonNode arrived = requester(BORROWER, orderId, "Received");
        assertThat(arrived.get("status").asText()).isEqualTo("AT_PICKUP");
        assertThat(arrived.get("loan").get("pickupBy").asText()).isEqualTo(today().plusDays(7).toString());
        List<MimeMessage> mails = mailsTo(patron);
        assertThat(mails).hasSize(1);
        String body = GreenMailUtil.getBody(mails.get(0));
        assertThat(mails.get(0).getSubject()).isEqualTo("Dit fjernlån er klar til afhentning: Alfabet");
        assertThat(body).contains("Inger Christensen", "Middelfart", today().plusDays(7).toString()).doesNotContain(patron);

        JsonNode onLoan = patronEvent(BORROWER, orderId, "PickedUp");
        assertThat(onLoan.get("status").asText()).isEqualTo("ON_LOAN");
        assertThat(onLoan.get("loan").get("patronDueDate").asText()).isEqualTo(workingDays.minusWorkingDays(lenderDue, 2).toString());

        JsonNode returned = patronEvent(BORROWER, orderId, "Returned");
        assertThat(returned.get("status").asText()).isEqualTo("RETURN_SHIPPED");
        assertThat(returned.get("shipment").get("toBranchId").asText()).isEqualTo("742000");
        asAdmin(getJson("/api/libraries/" + LENDER + "/items-on-ill"))
            .andExpect(jsonPath("$[?(@.orderId == '" + orderId + "')].where").value("IN_TRANSIT_TO_LENDER"));

        JsonNode completed = lender(orderId, Map.of("status", "LoanCompleted"));
        assertThat(completed.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(completed.get("closed").asBoolean()).isTrue();
        assertThat(illOrder(orderId)).isNull();
        asAdmin(getJson("/api/orders/" + orderId + "/mails")).andExpect(jsonPath("$[0].kind").value("PICKUP_READY"))
            .andExpect(jsonPath("$[0].status").value("SENT")).andExpect(jsonPath("$[0].recipient").doesNotExist());
    }

    @Test
    void anItemNotPickedUpInTimeGoesBackToTheLender() throws Exception {
        String orderId = shipped(book(), BORROWER, patronWithMail(BORROWER), today().plusDays(40));
        requester(BORROWER, orderId, "Received");
        moveClockTo(at(today().plusDays(8), 8));
        JsonNode order = order(orderId);
        assertThat(order.get("status").asText()).isEqualTo("RETURN_SHIPPED");
        assertThat(order.get("history").toString()).contains("NOT_PICKED_UP");
    }

    @Test
    void theLibraryCanSayTheItemWasNotPickedUp() throws Exception {
        String orderId = shipped(book(), BORROWER, patronWithMail(BORROWER), today().plusDays(40));
        requester(BORROWER, orderId, "Received");
        assertThat(patronEvent(BORROWER, orderId, "NotPickedUp").get("status").asText()).isEqualTo("RETURN_SHIPPED");
    }

    @Test
    void aRenewalIsGrantedWhenNobodyWaitsAndTheLendersRulesAllow() throws Exception {
        String patron = patronWithMail(BORROWER);
        String orderId = shipped(book(), BORROWER, patron, today().plusDays(40));
        requester(BORROWER, orderId, "Received");
        JsonNode loan = patronEvent(BORROWER, orderId, "PickedUp");
        LocalDate before = LocalDate.parse(loan.get("loan").get("patronDueDate").asText());
        JsonNode renewed = requester(BORROWER, orderId, "Renew");
        assertThat(renewed.get("loan").get("renewals").asInt()).isEqualTo(1);
        assertThat(renewed.get("lender").get("dueDate").asText()).isEqualTo(today().plusDays(70).toString());
        assertThat(LocalDate.parse(renewed.get("loan").get("patronDueDate").asText())).isAfter(before);
        assertThat(subjects(mailsTo(patron))).contains("Dit lån er fornyet: Alfabet");
        assertThat(illOrder(orderId)).isWaitingAt(ProcessModel.LOAN_CALL);
    }

    @Test
    void aRenewalIsRefusedWhenAnotherPatronWaits() throws Exception {
        String patron = patronWithMail(BORROWER);
        String pid = book();
        String orderId = shipped(pid, BORROWER, patron, today().plusDays(40));
        requester(BORROWER, orderId, "Received");
        patronEvent(BORROWER, orderId, "PickedUp");
        items(pid, LENDER, List.of(Map.of("status", "OnLoan", "dueDate", today().plusDays(40).toString())));
        String waiting = order(pid, SECOND, patronWithMail(SECOND), Map.of());
        assertThat(order(waiting).get("lender").get("agencyId").asText()).isEqualTo(LENDER);

        JsonNode refused = requester(BORROWER, orderId, "Renew");
        assertThat(refused.get("loan").get("renewals").asInt()).isZero();
        assertThat(refused.get("history").toString()).contains("RENEWAL_REFUSED", "en anden låner venter");
        assertThat(subjects(mailsTo(patron))).contains("Dit lån kan ikke fornyes: Alfabet");
    }

    @Test
    void aRenewalRefusedNearTheDueDateNeitherRemindsAgainNorRestartsTheOverdueNotices() throws Exception {
        String patron = patronWithMail(BORROWER);
        String pid = book();
        String orderId = shipped(pid, BORROWER, patron, today().plusDays(30));
        requester(BORROWER, orderId, "Received");
        LocalDate due = LocalDate.parse(patronEvent(BORROWER, orderId, "PickedUp").get("loan").get("patronDueDate").asText());
        moveClockTo(at(due.minusDays(3), 10));
        assertThat(count(subjects(mailsTo(patron)), "Husk at aflevere")).isEqualTo(1);
        // two days before the due date the patron asks to renew, but another patron waits
        moveClockTo(at(due.minusDays(2), 10));
        items(pid, LENDER, List.of(Map.of("status", "OnLoan", "dueDate", today().plusDays(40).toString())));
        order(pid, SECOND, patronWithMail(SECOND), Map.of());
        assertThat(requester(BORROWER, orderId, "Renew").get("history").toString()).contains("RENEWAL_REFUSED");
        assertThat(count(subjects(mailsTo(patron)), "Husk at aflevere")).as("reminders").isEqualTo(1);
        // the overdue notices: three at the most, a week apart
        moveClockTo(at(due.plusDays(1), 10));
        assertThat(count(subjects(mailsTo(patron)), "Overskredet")).isEqualTo(1);
        for (int days = 2; days <= 29; days++) {
            moveClockTo(at(due.plusDays(days), 10));
        }
        assertThat(count(subjects(mailsTo(patron)), "Overskredet")).as("overdue notices").isEqualTo(3);
    }

    private static long count(List<String> subjects, String prefix) {
        return subjects.stream().filter(s -> s.startsWith(prefix)).count();
    }

    private JsonNode inEnglish(String orderId) throws Exception {
        return body(asAdmin(getJson("/api/orders/" + orderId).header("Accept-Language", "en")).andExpect(status().isOk()));
    }

    @Test
    void theHistoryIsInTheReadersLanguage() throws Exception {
        // Odense is its own junction and Kerteminde's: an item from there to Kerteminde goes straight, with no stop on the way
        participates("746100", 0, 0);
        String pid = record(uniquePid(), "work-" + unique("d"), today().minusYears(2), Map.of("title", "Alfabet"));
        items(pid, "746100", List.of(Map.of("status", "OnShelf")));
        String patron = patronWithMail(THIRD);
        String orderId = order(pid, THIRD, patron, Map.of());
        assertThat(order(orderId).get("lender").get("branchId").asText()).isEqualTo("746100");
        asAdmin(postJson("/api/orders/" + orderId + "/supplier-messages", Map.of("status", "Loaned", "dueDate", today().plusDays(40).toString())))
            .andExpect(status().isOk());
        runJobs();
        requester(THIRD, orderId, "Received");
        patronEvent(THIRD, orderId, "PickedUp");
        items(pid, "746100", List.of(Map.of("status", "OnLoan", "dueDate", today().plusDays(40).toString())));
        order(pid, SECOND, patronWithMail(SECOND), Map.of());
        requester(THIRD, orderId, "Renew");

        String danish = order(orderId).get("history").toString();
        assertThat(danish).contains("Transport: fra 746100 til " + THIRD + " (direkte)", "Fornyelse afvist: en anden låner venter på materialet")
            .doesNotContain("via ;");
        String english = inEnglish(orderId).get("history").toString();
        assertThat(english).contains("Transport: from 746100 to " + THIRD + " (directly)", "Renewal refused: another patron waits for the item")
            .doesNotContain("låner");
    }

    @Test
    void aRenewalIsRefusedBeyondTheLendersMaximum() throws Exception {
        asAdmin(putJson("/api/libraries/" + LENDER + "/automation/1", Map.of("materialType", 1,
            "borrower", Map.of("willSend", "YES", "minAgeDays", 0, "lenders", "ALL", "reserve", true, "ownMaterial", "NO", "ownProfile", 1),
            "lender", Map.of("willReceive", true, "minAgeDays", 0, "maxRenewals", 1, "renewalDays", 14))))
            .andExpect(jsonPath("$.lender.maxRenewals").value(1));
        try {
            String orderId = shipped(book(), BORROWER, patronWithMail(BORROWER), today().plusDays(40));
            requester(BORROWER, orderId, "Received");
            patronEvent(BORROWER, orderId, "PickedUp");
            assertThat(requester(BORROWER, orderId, "Renew").get("lender").get("dueDate").asText()).isEqualTo(today().plusDays(54).toString());
            JsonNode second = requester(BORROWER, orderId, "Renew");
            assertThat(second.get("loan").get("renewals").asInt()).isEqualTo(1);
            assertThat(second.get("history").toString()).contains("højst 1 fornyelser");
        } finally {
            asAdmin(putJson("/api/libraries/" + LENDER + "/automation/1", Map.of("materialType", 1,
                "borrower", Map.of("willSend", "YES", "minAgeDays", 0, "lenders", "ALL", "reserve", true, "ownMaterial", "NO", "ownProfile", 1),
                "lender", Map.of("willReceive", true, "minAgeDays", 0, "maxRenewals", 2, "renewalDays", 30))));
        }
    }

    @Test
    void aRecallShortensTheLoanAndTellsThePatron() throws Exception {
        String patron = patronWithMail(BORROWER);
        String orderId = shipped(book(), BORROWER, patron, today().plusDays(40));
        requester(BORROWER, orderId, "Received");
        patronEvent(BORROWER, orderId, "PickedUp");
        JsonNode recalled = lender(orderId, Map.of("status", "Recalled", "dueDate", today().plusDays(10).toString()));
        assertThat(recalled.get("lender").get("dueDate").asText()).isEqualTo(today().plusDays(10).toString());
        assertThat(recalled.get("loan").get("patronDueDate").asText()).isEqualTo(workingDays.minusWorkingDays(today().plusDays(10), 2).toString());
        assertThat(subjects(mailsTo(patron))).contains("Materialet er kaldt hjem: Alfabet");
    }

    @Test
    void aRecallWithoutADateGivesTheItemBackWithinTheRecallPeriod() throws Exception {
        String patron = patronWithMail(BORROWER);
        String orderId = shipped(book(), BORROWER, patron, today().plusDays(40));
        requester(BORROWER, orderId, "Received");
        patronEvent(BORROWER, orderId, "PickedUp");
        JsonNode recalled = lender(orderId, Map.of("status", "Recalled"));
        assertThat(recalled.get("lender").get("dueDate").asText()).isEqualTo(today().plusDays(7).toString());
        assertThat(subjects(mailsTo(patron))).contains("Materialet er kaldt hjem: Alfabet");
        // a recall never lengthens a loan: one that ends sooner keeps its date
        String soon = shipped(book(), BORROWER, patronWithMail(BORROWER), today().plusDays(5));
        requester(BORROWER, soon, "Received");
        patronEvent(BORROWER, soon, "PickedUp");
        assertThat(lender(soon, Map.of("status", "Recalled")).get("lender").get("dueDate").asText()).isEqualTo(today().plusDays(5).toString());
    }

    @Test
    void aReminderBeforeTheDueDateAndOverdueNoticesAfterIt() throws Exception {
        String patron = patronWithMail(BORROWER);
        String orderId = shipped(book(), BORROWER, patron, today().plusDays(30));
        requester(BORROWER, orderId, "Received");
        LocalDate due = LocalDate.parse(patronEvent(BORROWER, orderId, "PickedUp").get("loan").get("patronDueDate").asText());
        moveClockTo(at(due.minusDays(3), 10));
        assertThat(subjects(mailsTo(patron))).contains("Husk at aflevere: Alfabet");
        moveClockTo(at(due.plusDays(1), 10));
        assertThat(subjects(mailsTo(patron)).stream().filter(s -> s.startsWith("Overskredet")).count()).isEqualTo(1);
        moveClockTo(at(due.plusDays(8), 10));
        assertThat(subjects(mailsTo(patron)).stream().filter(s -> s.startsWith("Overskredet")).count()).isEqualTo(2);
        assertThat(order(orderId).get("status").asText()).isEqualTo("ON_LOAN");
    }

    @Test
    void aReturnedItemGoesStraightToTheNextBorrowerWaitingForIt() throws Exception {
        String pid = book();
        String first = shipped(pid, BORROWER, patronWithMail(BORROWER), today().plusDays(40));
        requester(BORROWER, first, "Received");
        patronEvent(BORROWER, first, "PickedUp");
        // the lender's only copy is out: the next order is sent to it with the copy's due date
        items(pid, LENDER, List.of(Map.of("status", "OnLoan", "dueDate", today().plusDays(40).toString())));
        String secondPatron = patronWithMail(SECOND);
        String next = order(pid, SECOND, secondPatron, Map.of());
        assertThat(order(next).get("status").asText()).isEqualTo("SENT_TO_LENDER");

        JsonNode forwarded = patronEvent(BORROWER, first, "Returned");
        assertThat(forwarded.get("status").asText()).isEqualTo("FORWARDED");
        assertThat(forwarded.get("loan").get("forwardedTo").asText()).isEqualTo(next);
        assertThat(forwarded.get("shipment").get("toBranchId").asText()).isEqualTo(SECOND);
        JsonNode nextOrder = order(next);
        assertThat(nextOrder.get("status").asText()).isEqualTo("SHIPPED");
        assertThat(nextOrder.get("lender").get("agencyId").asText()).isEqualTo(LENDER);
        assertThat(nextOrder.get("lender").get("itemId").asText()).isEqualTo("ASSENS-1");
        assertThat(nextOrder.get("loan").get("forwardedFrom").asText()).isEqualTo(first);
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(next).taskCandidateGroup(LENDER).count())
            .as("the lender's request disappears").isZero();
        asAdmin(getJson("/api/libraries/" + LENDER + "/items-on-ill"))
            .andExpect(jsonPath("$[?(@.orderId == '" + next + "')].where").value("IN_TRANSIT_TO_PICKUP"))
            .andExpect(jsonPath("$[?(@.orderId == '" + next + "')].branchId").value(SECOND))
            .andExpect(jsonPath("$[?(@.orderId == '" + first + "')]").isEmpty());

        requester(SECOND, next, "Received");
        assertThat(order(first).get("status").asText()).isEqualTo("COMPLETED");
        assertThat(order(next).get("status").asText()).isEqualTo("AT_PICKUP");
        assertThat(subjects(mailsTo(secondPatron))).contains("Dit fjernlån er klar til afhentning: Alfabet");
    }

    @Test
    void theStepsThatTouchAnotherOrderRunInTheirOwnJobsNotInTheCallersTransaction() throws Exception {
        String pid = book();
        String first = shipped(pid, BORROWER, patronWithMail(BORROWER), today().plusDays(40));
        requester(BORROWER, first, "Received");
        patronEvent(BORROWER, first, "PickedUp");
        items(pid, LENDER, List.of(Map.of("status", "OnLoan", "dueDate", today().plusDays(40).toString())));
        String next = order(pid, SECOND, patronWithMail(SECOND), Map.of());

        asStaff(BORROWER, postJson("/api/orders/" + first + "/patron-events", Map.of("event", "Returned")))
            .andExpect(status().isAccepted()).andExpect(header().string("Location", org.hamcrest.Matchers.endsWith("/api/orders/" + first)));
        assertThat(order(next).get("status").asText()).as("the next order, before the job ran").isEqualTo("SENT_TO_LENDER");
        assertThat(jobs().activityId(ProcessModel.FIND_NEXT_BORROWER).count()).isEqualTo(1);
        runJobs();
        assertThat(order(next).get("status").asText()).isEqualTo("SHIPPED");

        asStaff(SECOND, postJson("/api/orders/" + next + "/requester-messages", Map.of("action", "Received")))
            .andExpect(status().isAccepted());
        assertThat(order(first).get("status").asText()).as("the order it came from, before the job ran").isEqualTo("FORWARDED");
        assertThat(jobs().activityId(ProcessModel.TELL_FORWARDING_ORDER).count()).isEqualTo(1);
        runJobs();
        assertThat(order(first).get("status").asText()).isEqualTo("COMPLETED");
        assertThat(order(next).get("status").asText()).isEqualTo("AT_PICKUP");
    }

    private org.camunda.bpm.engine.runtime.JobQuery jobs() {
        return management.createJobQuery();
    }

    @Test
    void theNextBorrowerIsTheOneWithTheEarliestNeedBeforeDateThatIsStillWaiting() throws Exception {
        String pid = book();
        String first = shipped(pid, BORROWER, patronWithMail(BORROWER), today().plusDays(40));
        requester(BORROWER, first, "Received");
        patronEvent(BORROWER, first, "PickedUp");
        items(pid, LENDER, List.of(Map.of("status", "OnLoan", "dueDate", today().plusDays(20).toString())));
        String later = order(pid, SECOND, patronWithMail(SECOND), Map.of("needBeforeDate", today().plusDays(90).toString()));
        String sooner = order(pid, THIRD, patronWithMail(THIRD), Map.of("needBeforeDate", today().plusDays(30).toString()));
        // the one that needs it first cancels before the item comes back
        asStaff(THIRD, postJson("/api/orders/" + sooner + "/requester-messages", Map.of("action", "Cancel"))).andExpect(status().isOk());

        patronEvent(BORROWER, first, "Returned");
        assertThat(order(first).get("loan").get("forwardedTo").asText()).isEqualTo(later);
        assertThat(order(later).get("status").asText()).isEqualTo("SHIPPED");
        assertThat(order(sooner).get("status").asText()).isEqualTo("CANCELLED");
    }

    @Test
    void anOrderWithNoLenderYetCanGetTheItemToo() throws Exception {
        String pid = book();
        String first = shipped(pid, BORROWER, patronWithMail(BORROWER), today().plusDays(40));
        requester(BORROWER, first, "Received");
        items(pid, LENDER, List.of()); // the lender no longer shows it: the next order lands in the manual queue
        String manual = order(pid, THIRD, patronWithMail(THIRD), Map.of());
        assertThat(order(manual).get("status").asText()).isEqualTo("AWAITING_MANUAL");
        patronEvent(BORROWER, first, "NotPickedUp");
        assertThat(order(first).get("status").asText()).isEqualTo("FORWARDED");
        assertThat(order(manual).get("status").asText()).isEqualTo("SHIPPED");
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(manual).taskDefinitionKey(ProcessModel.HANDLE_MANUALLY).count()).isZero();
    }

    @Test
    void withoutAWaitingOrderOrWhenTheLenderDoesNotAllowItTheItemGoesHome() throws Exception {
        String pid = book();
        String first = shipped(pid, BORROWER, patronWithMail(BORROWER), today().plusDays(40));
        requester(BORROWER, first, "Received");
        patronEvent(BORROWER, first, "PickedUp");
        items(pid, LENDER, List.of(Map.of("status", "OnLoan", "dueDate", today().plusDays(40).toString())));
        String waiting = order(pid, SECOND, patronWithMail(SECOND), Map.of());
        asAdmin(putJson("/api/libraries/" + LENDER + "/automation/1", Map.of("materialType", 1,
            "borrower", Map.of("willSend", "YES", "minAgeDays", 0, "lenders", "ALL", "reserve", true, "ownMaterial", "NO", "ownProfile", 1),
            "lender", Map.of("willReceive", true, "minAgeDays", 0, "allowForwarding", false))))
            .andExpect(jsonPath("$.lender.allowForwarding").value(false));
        try {
            assertThat(patronEvent(BORROWER, first, "Returned").get("status").asText()).isEqualTo("RETURN_SHIPPED");
            assertThat(order(waiting).get("status").asText()).isEqualTo("SENT_TO_LENDER");
        } finally {
            asAdmin(putJson("/api/libraries/" + LENDER + "/automation/1", Map.of("materialType", 1,
                "borrower", Map.of("willSend", "YES", "minAgeDays", 0, "lenders", "ALL", "reserve", true, "ownMaterial", "NO", "ownProfile", 1),
                "lender", Map.of("willReceive", true, "minAgeDays", 0, "allowForwarding", true))));
        }
    }

    @Test
    void theWholeLifeRunsThroughTasklistToo() throws Exception {
        String orderId = order(book(), BORROWER, patronWithMail(BORROWER), Map.of());
        org.camunda.bpm.engine.task.Task request = tasks.createTaskQuery().processInstanceBusinessKey(orderId).taskCandidateGroup(LENDER).singleResult();
        tasks.complete(request.getId(), Map.of("supplierStatus", "WillSupply"));
        org.camunda.bpm.engine.task.Task ship = tasks.createTaskQuery().processInstanceBusinessKey(orderId).taskCandidateGroup(LENDER).singleResult();
        tasks.complete(ship.getId(), Map.of("supplierStatus", "Loaned", "dueDate", today().plusDays(30).toString(), "supplierItemId", "A-7"));
        runJobs();
        org.camunda.bpm.engine.task.Task arrival = tasks.createTaskQuery().processInstanceBusinessKey(orderId).taskCandidateGroup(BORROWER).singleResult();
        assertThat(arrival.getName()).startsWith("Modtag materialet " + orderId);
        tasks.complete(arrival.getId());
        assertThat(order(orderId).get("status").asText()).isEqualTo("AT_PICKUP");
        org.camunda.bpm.engine.task.Task pickup = tasks.createTaskQuery().processInstanceBusinessKey(orderId).taskCandidateGroup(BORROWER).singleResult();
        assertThat(pickup.getTaskDefinitionKey()).isEqualTo(ProcessModel.AWAIT_PICKUP);
        // no outcome, or one that is not in the form, is refused with the reason (not an engine error, not "not picked up")
        assertThatThrownBy(() -> tasks.complete(pickup.getId()))
            .isInstanceOf(org.camunda.bpm.engine.ProcessEngineException.class).hasMessageContaining("Afhentning: ");
        assertThatThrownBy(() -> tasks.complete(pickup.getId(), Map.of("pickupOutcome", "Hentet")))
            .isInstanceOf(org.camunda.bpm.engine.ProcessEngineException.class).hasMessageContaining("Hentet");
        assertThat(order(orderId).get("status").asText()).isEqualTo("AT_PICKUP");
        tasks.complete(pickup.getId(), Map.of("pickupOutcome", "PickedUp"));
        assertThat(order(orderId).get("status").asText()).isEqualTo("ON_LOAN");
        org.camunda.bpm.engine.task.Task onLoan = tasks.createTaskQuery().processInstanceBusinessKey(orderId).taskCandidateGroup(BORROWER).singleResult();
        tasks.complete(onLoan.getId());
        runJobs(); // the next borrower is looked for in a job of its own
        assertThat(order(orderId).get("status").asText()).isEqualTo("RETURN_SHIPPED");
        org.camunda.bpm.engine.task.Task receipt = tasks.createTaskQuery().processInstanceBusinessKey(orderId).taskCandidateGroup(LENDER).singleResult();
        assertThat(receipt.getTaskDefinitionKey()).isEqualTo(ProcessModel.AWAIT_LENDER);
        tasks.complete(receipt.getId());
        JsonNode done = order(orderId);
        assertThat(done.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(done.get("lender").get("itemId").asText()).isEqualTo("A-7");
        assertThat(illOrder(orderId)).isNull();
    }

    @Test
    void messagesAfterDispatchThatDoNotFitTheStateAre409() throws Exception {
        String orderId = shipped(book(), BORROWER, patronWithMail(BORROWER), today().plusDays(40));
        asStaff(BORROWER, postJson("/api/orders/" + orderId + "/patron-events", Map.of("event", "PickedUp")))
            .andExpect(status().isConflict()).andExpect(jsonPath("$.currentStatus").value("SHIPPED"));
        asStaff(BORROWER, postJson("/api/orders/" + orderId + "/requester-messages", Map.of("action", "Renew")))
            .andExpect(status().isConflict());
        asStaff(LENDER, postJson("/api/orders/" + orderId + "/supplier-messages", Map.of("status", "LoanCompleted")))
            .andExpect(status().isConflict());
        requester(BORROWER, orderId, "Received");
        asStaff(BORROWER, postJson("/api/orders/" + orderId + "/requester-messages", Map.of("action", "Received")))
            .andExpect(status().isConflict()).andExpect(jsonPath("$.currentStatus").value("AT_PICKUP"));
        asStaff(BORROWER, postJson("/api/orders/" + orderId + "/patron-events", Map.of("event", "Returned"))).andExpect(status().isConflict());
        asStaff(BORROWER, postJson("/api/orders/" + orderId + "/patron-events", Map.of("event", "Lost"))).andExpect(status().isBadRequest());
        asStaff(SECOND, postJson("/api/orders/" + orderId + "/patron-events", Map.of("event", "PickedUp"))).andExpect(status().isForbidden());
        assertThat(order(orderId).get("status").asText()).isEqualTo("AT_PICKUP");
    }
}

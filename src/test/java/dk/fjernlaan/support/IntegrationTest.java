package dk.fjernlaan.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.fjernlaan.platform.engine.JobRunner;
import dk.fjernlaan.platform.security.IdentitySetup;
import dk.fjernlaan.platform.time.FjernlaanClock;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Base of the tests that run the real application: the engine, the database (H2, or PostgreSQL with
 * {@code -Dtest.db=postgres}), the security filters and the REST API through MockMvc. All such tests share
 * one application context, served on a random port for the few tests that need real HTTP (engine REST). Each test makes its own records, holdings and patrons with unique ids, so tests
 * do not see each other's data.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles(resolver = TestProfiles.class)
public abstract class IntegrationTest {

    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "test-admin-secret";
    public static final String STAFF_PASSWORD = "staff-secret";

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @Autowired protected MockMvc mvc;
    @Autowired protected ObjectMapper json;
    @Autowired protected ProcessEngine engine;
    @Autowired protected JobRunner jobs;
    @Autowired protected FjernlaanClock clock;
    @Autowired protected IdentitySetup identity;
    @org.springframework.boot.test.web.server.LocalServerPort protected int port;

    @BeforeEach
    void initEngineAssertions() {
        BpmnAwareTests.init(engine);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    /** A fresh id for test data (records, patrons, works). */
    protected static String unique(String prefix) {
        return prefix + System.nanoTime() % 100000 + "x" + SEQUENCE.incrementAndGet();
    }

    protected static String uniquePid() {
        return "870970-basis:T" + System.nanoTime() % 1000000 + "x" + SEQUENCE.incrementAndGet();
    }

    protected LocalDate today() {
        return clock.today();
    }

    // HTTP -------------------------------------------------------------------------------------

    protected ResultActions call(MockHttpServletRequestBuilder request, String user, String password) throws Exception {
        return mvc.perform(request.with(httpBasic(user, password)).contentType(MediaType.APPLICATION_JSON));
    }

    protected ResultActions asAdmin(MockHttpServletRequestBuilder request) throws Exception {
        return call(request, ADMIN, ADMIN_PASSWORD);
    }

    /** Staff of one library: a user in the library's group. */
    protected String staffOf(String agencyId) {
        String user = "staff-" + agencyId;
        identity.ensureUser(user, STAFF_PASSWORD, "Staff " + agencyId, Set.of(agencyId));
        return user;
    }

    protected ResultActions asStaff(String agencyId, MockHttpServletRequestBuilder request) throws Exception {
        return call(request, staffOf(agencyId), STAFF_PASSWORD);
    }

    protected MockHttpServletRequestBuilder getJson(String path) {
        return get(path);
    }

    protected MockHttpServletRequestBuilder postJson(String path, Object body) throws Exception {
        return post(path).content(body instanceof String s ? s : json.writeValueAsString(body));
    }

    protected MockHttpServletRequestBuilder putJson(String path, Object body) throws Exception {
        return put(path).content(body instanceof String s ? s : json.writeValueAsString(body));
    }

    protected MockHttpServletRequestBuilder deleteJson(String path) {
        return delete(path);
    }

    protected JsonNode body(ResultActions result) throws Exception {
        MvcResult r = result.andReturn();
        String text = r.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        return text.isEmpty() ? json.nullNode() : json.readTree(text);
    }

    // test data through the API ----------------------------------------------------------------

    protected String record(String workId, LocalDate created) throws Exception {
        return record(uniquePid(), workId, created, Map.of());
    }

    protected String record(String pid, String workId, LocalDate created, Map<String, Object> extra) throws Exception {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("workId", workId, "title", "Testtitel " + workId,
            "author", "Test Forfatter", "materialType", 1, "recordCreated", created.toString(), "physical", true));
        body.putAll(extra);
        asAdmin(putJson("/api/records/" + pid, body)).andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().is2xxSuccessful());
        return pid;
    }

    protected void holding(String pid, String branchId, String status, LocalDate dueDate) throws Exception {
        Map<String, Object> item = new java.util.HashMap<>(Map.of("itemId", "item-" + branchId, "status", status));
        if (dueDate != null) {
            item.put("dueDate", dueDate.toString());
        }
        asAdmin(putJson("/api/holdings/" + pid + "/" + branchId, Map.of("items", List.of(item))))
            .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk());
    }

    /** Replaces a branch's items of a record: each item as {status, dueDate (or null), loanableForIll}. */
    protected void items(String pid, String branchId, List<Map<String, Object>> items) throws Exception {
        List<Map<String, Object>> body = new java.util.ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Map<String, Object> item = new java.util.HashMap<>(items.get(i));
            item.putIfAbsent("itemId", "item-" + branchId + "-" + i);
            body.add(item);
        }
        asAdmin(putJson("/api/holdings/" + pid + "/" + branchId, Map.of("items", body)))
            .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk());
    }

    /**
     * Sets a library's automated-ILL settings for Danish books (material type 1). Tests that depend on settings
     * set them, so they do not depend on each other or on the seeded values.
     */
    protected JsonNode automation(String agencyId, String willSend, int borrowerMinAge, Object lenders, boolean reserve,
                                  String ownMaterial, int ownProfile, boolean willReceive, Integer lenderMinAge) throws Exception {
        Map<String, Object> borrower = Map.of("willSend", willSend, "minAgeDays", borrowerMinAge, "lenders", lenders,
            "reserve", reserve, "ownMaterial", ownMaterial, "ownProfile", ownProfile);
        Map<String, Object> lender = new java.util.HashMap<>();
        lender.put("willReceive", willReceive);
        lender.put("minAgeDays", lenderMinAge);
        return body(asAdmin(putJson("/api/libraries/" + agencyId + "/automation/1", Map.of("materialType", 1, "borrower", borrower, "lender", lender)))
            .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk()));
    }

    /** A library that takes part as borrower and lender, with the given age thresholds, holds allowed, own material not. */
    protected JsonNode participates(String agencyId, int borrowerMinAge, int lenderMinAge) throws Exception {
        return automation(agencyId, "YES", borrowerMinAge, "ALL", true, "NO", 1, true, lenderMinAge);
    }

    protected String patron(String agencyId) throws Exception {
        return patron(agencyId, 0);
    }

    protected String patron(String agencyId, int debtKr) throws Exception {
        String patronId = unique("P");
        asAdmin(putJson("/api/patrons/" + agencyId + "/" + patronId,
            Map.of("name", "Test Låner", "email", patronId.toLowerCase() + "@example.org", "debtKr", debtKr)))
            .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().is2xxSuccessful());
        return patronId;
    }

    /** Places an order as the administrator and answers the order JSON. */
    protected JsonNode placeOrder(Map<String, Object> order) throws Exception {
        return body(asAdmin(postJson("/api/orders", order))
            .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isCreated()));
    }

    protected JsonNode order(String orderId) throws Exception {
        return body(asAdmin(getJson("/api/orders/" + orderId))
            .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk()));
    }

    /** Runs every due job (the process's asynchronous steps) and answers how many remained. */
    protected long runJobs() {
        return jobs.runDueJobs(java.time.Duration.ofSeconds(30));
    }
}

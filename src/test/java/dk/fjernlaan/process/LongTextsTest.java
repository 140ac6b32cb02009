package dk.fjernlaan.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dk.fjernlaan.support.IntegrationTest;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The longest texts the API allows go through the whole order: what is built from them (task names, mail subjects)
 * is cut to what the engine and the outbox can store, so no order stops on a column that is too short.
 */
class LongTextsTest extends IntegrationTest {

    static final String BORROWER = "715100"; // Ballerup
    static final String LENDER = "715300";   // Brøndby

    @Autowired TaskService tasks;

    @Test
    void anOrderForARecordWithTheLongestAllowedTitleGoesToTheLenderAndMailsThePatron() throws Exception {
        participates(BORROWER, 0, 0);
        participates(LENDER, 0, 0);
        String title = "Meget lang titel ".repeat(40).substring(0, 500);
        String pid = record(uniquePid(), "work-" + unique("long"), today().minusYears(1), Map.of("title", title));
        items(pid, LENDER, List.of(Map.of("status", "OnShelf")));
        String orderId = placeOrder(Map.of("pickupBranchId", BORROWER, "patronId", patron(BORROWER), "pids", List.of(pid),
            "orderSystem", "bibliotekdk")).get("orderId").asText();
        runJobs();

        assertThat(order(orderId).get("status").asText()).isEqualTo("SENT_TO_LENDER");
        Task request = tasks.createTaskQuery().processInstanceBusinessKey(orderId).singleResult();
        assertThat(request.getName()).hasSizeLessThanOrEqualTo(255).startsWith("Besvar fjernlånsanmodning " + orderId + ": Meget lang titel")
            .endsWith("…");

        for (Map<String, Object> message : List.of(Map.<String, Object>of("status", "WillSupply"),
                Map.<String, Object>of("status", "Loaned", "dueDate", today().plusDays(40).toString()))) {
            asStaff(LENDER, postJson("/api/orders/" + orderId + "/supplier-messages", message)).andExpect(status().isOk());
            runJobs();
        }
        asStaff(BORROWER, postJson("/api/orders/" + orderId + "/requester-messages", Map.of("action", "Received"))).andExpect(status().isOk());
        runJobs();
        assertThat(order(orderId).get("status").asText()).isEqualTo("AT_PICKUP");
        JsonNode mails = body(asAdmin(getJson("/api/orders/" + orderId + "/mails")).andExpect(status().isOk()));
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).get("subject").asText()).hasSizeLessThanOrEqualTo(300).startsWith("Dit fjernlån er klar til afhentning: Meget");
        assertThat(mails.get(0).get("body").asText()).contains(title);
    }
}

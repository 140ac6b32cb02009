package dk.fjernlaan.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;

import dk.fjernlaan.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class CatalogueApiTest extends IntegrationTest {

    @Autowired CatalogueRepository repository;

    private Map<String, Object> record(String workId) {
        return Map.of("workId", workId, "title", "Kongens fald", "author", "Johannes V. Jensen", "firstEdition", false,
            "materialType", 1, "recordCreated", "2015-03-02", "overbygning", false, "physical", true);
    }

    @Test
    void createsAndReplacesARecord() throws Exception {
        String pid = uniquePid();
        asAdmin(putJson("/api/records/" + pid, record("w1"))).andExpect(status().isCreated())
            .andExpect(jsonPath("$.recordCreated").value("2015-03-02"));
        asAdmin(putJson("/api/records/" + pid, Map.of("workId", "w1", "title", "Kongens fald", "materialType", 1,
                "recordCreated", "2016-01-01", "bkmWeek", "BKM201602")))
            .andExpect(status().isOk());
        BibRecord saved = repository.findRecord(pid).orElseThrow();
        assertThat(saved.recordCreated()).hasToString("2016-01-01");
        assertThat(saved.bkmWeek()).isEqualTo("BKM201602");
        assertThat(saved.physical()).as("physical by default").isTrue();
        assertThat(saved.firstEdition()).isFalse();
    }

    @Test
    void malformedRecordsAre400AndUnknownMaterialTypes422() throws Exception {
        asAdmin(putJson("/api/records/not-a-pid", record("w"))).andExpect(status().isBadRequest());
        String pid = uniquePid();
        asAdmin(putJson("/api/records/" + pid, Map.of("title", "x", "materialType", 1, "recordCreated", "2015-03-02")))
            .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("workId"));
        asAdmin(putJson("/api/records/" + pid, Map.of("workId", "w", "title", "x", "materialType", "one", "recordCreated", "2015-03-02")))
            .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("materialType"));
        asAdmin(putJson("/api/records/" + pid, Map.of("workId", "w", "title", "x", "materialType", 1, "recordCreated", "02-03-2015")))
            .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("recordCreated"));
        asAdmin(putJson("/api/records/" + pid, Map.of("workId", "w", "title", "x", "materialType", 1, "recordCreated", "2015-03-02", "bkmWeek", "2015-20")))
            .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("bkmWeek"));
        asAdmin(putJson("/api/records/" + pid, Map.of("workId", "w", "title", "x", "materialType", 8, "recordCreated", "2015-03-02")))
            .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.errors[0].field").value("materialType"));
        asAdmin(putJson("/api/records/" + pid, Map.of("workId", "w", "title", "x", "materialType", 1, "recordCreated", today().plusDays(1).toString())))
            .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.errors[0].field").value("recordCreated"));
        assertThat(repository.findRecord(pid)).isEmpty();
    }

    @Test
    void holdingsAreReplacedPerBranchAndAnEmptyListRemovesThem() throws Exception {
        String pid = record("w-" + unique("h"), today().minusYears(1));
        asAdmin(putJson("/api/holdings/" + pid + "/763000", Map.of("items", List.of(
                Map.of("itemId", "a", "status", "OnShelf"),
                Map.of("itemId", "b", "status", "OnLoan", "dueDate", today().plusDays(7).toString(), "loanableForIll", false,
                    "reservationQueue", 3)))))
            .andExpect(status().isOk()).andExpect(jsonPath("$.items.length()").value(2))
            .andExpect(jsonPath("$.items[1].reservationQueue").value(3));
        assertThat(repository.findHoldings(pid, "763000")).extracting(HoldingItem::itemId, HoldingItem::loanableForIll, HoldingItem::reservationQueue)
            .containsExactly(org.assertj.core.groups.Tuple.tuple("a", true, null), org.assertj.core.groups.Tuple.tuple("b", false, 3));
        asAdmin(putJson("/api/holdings/" + pid + "/763000", Map.of("items", List.of(Map.of("itemId", "c", "status", "OnShelf",
                "reservationQueue", -1))))).andExpect(status().isBadRequest());
        assertThat(repository.findHoldings(pid, "763000")).hasSize(2);
        asAdmin(putJson("/api/holdings/" + pid + "/763000", Map.of("items", List.of()))).andExpect(status().isOk());
        assertThat(repository.findHoldings(pid)).isEmpty();
    }

    @Test
    void invalidHoldingsAreRefusedAndChangeNothing() throws Exception {
        String pid = record("w-" + unique("h"), today().minusYears(1));
        holding(pid, "763000", "OnShelf", null);
        asAdmin(putJson("/api/holdings/" + pid + "/763000", Map.of("items", List.of(Map.of("itemId", "x", "status", "OnLoan")))))
            .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("items[0].dueDate"));
        asAdmin(putJson("/api/holdings/" + pid + "/763000", Map.of("items", List.of(Map.of("itemId", "x", "status", "Borrowed")))))
            .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("items[0].status"));
        asAdmin(putJson("/api/holdings/" + pid + "/763000", Map.of("items", List.of(Map.of("itemId", "x", "status", "OnShelf"), Map.of("itemId", "x", "status", "Lost")))))
            .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("items[1].itemId"));
        asAdmin(putJson("/api/holdings/" + pid + "/000000", Map.of("items", List.of(Map.of("itemId", "x", "status", "OnShelf")))))
            .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.errors[0].field").value("branchId"));
        asAdmin(putJson("/api/holdings/870970-basis:unknown/763000", Map.of("items", List.of(Map.of("itemId", "x", "status", "OnShelf")))))
            .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.errors[0].field").value("pid"));
        asStaff("710100", putJson("/api/holdings/" + pid + "/763000", Map.of("items", List.of())))
            .andExpect(status().isForbidden());
        assertThat(repository.findHoldings(pid)).extracting(HoldingItem::itemId).containsExactly("item-763000");
    }
}

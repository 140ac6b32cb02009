package dk.fjernlaan.patron;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;

import dk.fjernlaan.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class PatronApiTest extends IntegrationTest {

    @Autowired PatronService patrons;

    @Test
    void registersAPatronWithoutEchoingPersonalData() throws Exception {
        String id = unique("P");
        asStaff("710100", putJson("/api/patrons/710100/" + id, Map.of("name", "Karen Blixen", "email", "karen@example.org", "debtKr", 250)))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.blocked").value(true))
            .andExpect(jsonPath("$.name").doesNotExist())
            .andExpect(jsonPath("$.email").doesNotExist());
        assertThat(patrons.find("710100", id).orElseThrow().blocked()).isTrue();
        asAdmin(putJson("/api/patrons/710100/" + id, Map.of("name", "Karen Blixen", "email", "karen@example.org", "debtKr", 199.5)))
            .andExpect(status().isOk()).andExpect(jsonPath("$.blocked").value(false));
    }

    @Test
    void invalidPatronsAreRefused() throws Exception {
        String id = unique("P");
        asAdmin(putJson("/api/patrons/710100/" + id, Map.of("name", "X", "email", "not-an-email", "debtKr", 0)))
            .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("email"));
        asAdmin(putJson("/api/patrons/710100/" + id, Map.of("name", "X", "email", "x@example.org", "debtKr", -1)))
            .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("debtKr"));
        asAdmin(putJson("/api/patrons/123456/" + id, Map.of("name", "X", "email", "x@example.org", "debtKr", 0)))
            .andExpect(status().isUnprocessableEntity());
        asStaff("775100", putJson("/api/patrons/710100/" + id, Map.of("name", "X", "email", "x@example.org", "debtKr", 0)))
            .andExpect(status().isForbidden());
        assertThat(patrons.find("710100", id)).isEmpty();
    }

    @Test
    void aPatronWithoutOpenOrdersCanBeDeleted() throws Exception {
        String id = patron("710100");
        asAdmin(deleteJson("/api/patrons/710100/" + id)).andExpect(status().isNoContent());
        assertThat(patrons.find("710100", id)).isEmpty();
        asAdmin(deleteJson("/api/patrons/710100/" + id)).andExpect(status().isNotFound());
    }
}

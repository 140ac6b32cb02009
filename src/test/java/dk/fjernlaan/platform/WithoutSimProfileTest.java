package dk.fjernlaan.platform;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dk.fjernlaan.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** Without profile sim the simulation clock does not exist. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK,
    properties = "spring.datasource.url=jdbc:h2:mem:fjernlaan-nosim;DB_CLOSE_DELAY=-1")
@AutoConfigureMockMvc
@ActiveProfiles("test")
class WithoutSimProfileTest {

    @Autowired MockMvc mvc;

    @Test
    void theSimulationClockIs404() throws Exception {
        mvc.perform(get("/api/sim/clock").with(httpBasic(IntegrationTest.ADMIN, IntegrationTest.ADMIN_PASSWORD)))
            .andExpect(status().isNotFound());
    }
}

package dk.fjernlaan.support;

import org.springframework.test.context.ActiveProfilesResolver;

/**
 * Tests run on the embedded H2 by default; {@code -Dtest.db=postgres} runs the same tests on the local
 * PostgreSQL (database fjernlaan_test).
 */
public class TestProfiles implements ActiveProfilesResolver {

    @Override
    public String[] resolve(Class<?> testClass) {
        boolean postgres = "postgres".equalsIgnoreCase(System.getProperty("test.db", ""));
        return postgres ? new String[] {"test", "sim", "pgtest"} : new String[] {"test", "sim"};
    }
}

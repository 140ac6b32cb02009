package dk.fjernlaan.automation.dmn;

import java.io.IOException;
import java.io.InputStream;

import org.camunda.bpm.engine.RepositoryService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys the decision tables of {@code processes/} once, when the engine has no version of them yet. After
 * that they belong to the administrators (the automation API, Camunda Modeler, the REST API): a new release of
 * the app never overwrites their thresholds.
 */
@Component
@Order(1)
class DecisionSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DecisionSeeder.class);

    private final RepositoryService repository;

    DecisionSeeder(RepositoryService repository) {
        this.repository = repository;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:processes/*.dmn")) {
            String file = resource.getFilename();
            String key = file.substring(0, file.length() - ".dmn".length());
            if (repository.createDecisionDefinitionQuery().decisionDefinitionKey(key).count() > 0) {
                continue;
            }
            try (InputStream in = resource.getInputStream()) {
                repository.createDeployment().name(key).source("Fjernlån seed").addInputStream(file, in).deploy();
            }
            log.info("Deployed the seed of decision {}", key);
        }
    }
}

package dk.fjernlaan.automation.dmn;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.springframework.stereotype.Component;

/**
 * Counts deployments of decision tables on this engine, so that the latest version of a table can be kept in
 * memory until the next deployment (the count moves when a deployment with a DMN resource is made and again when
 * it is committed). Deployments made by another node of a cluster are seen after the cache's time limit.
 */
@Component
class DecisionDeployments extends AbstractProcessEnginePlugin {

    private final AtomicLong generation = new AtomicLong();

    long generation() {
        return generation.get();
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<Deployer> deployers = configuration.getCustomPostDeployers() == null
            ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostDeployers());
        deployers.add(deployment -> {
            if (deployment.getResources() != null
                    && deployment.getResources().keySet().stream().anyMatch(name -> name.endsWith(".dmn") || name.endsWith(".dmn11.xml"))) {
                generation.incrementAndGet();
                CommandContext context = Context.getCommandContext();
                if (context != null) {
                    context.getTransactionContext().addTransactionListener(TransactionState.COMMITTED, c -> generation.incrementAndGet());
                }
            }
        });
        configuration.setCustomPostDeployers(deployers);
    }
}

package dk.fjernlaan.platform.engine;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * A node that stops gracefully hands back the jobs it has taken: it stops taking new ones, lets the jobs that are
 * running finish, and releases the lock of every job it took but did not begin, so that another node runs them at
 * once instead of after the lock time. Runs before the engine and its thread pool are closed.
 */
@Component
class GracefulJobRelease {

    private static final Logger log = LoggerFactory.getLogger(GracefulJobRelease.class);

    private final Optional<JobExecutor> jobExecutor;
    private final Optional<TaskExecutor> pool;
    private final JdbcClient jdbc;

    /** Injected directly (not looked up later), so that this is destroyed before the engine, the executor and the pool. */
    GracefulJobRelease(ProcessEngine engine, Optional<JobExecutor> jobExecutor,
                       @Qualifier("camundaTaskExecutor") Optional<TaskExecutor> pool, JdbcClient jdbc) {
        this.jobExecutor = jobExecutor;
        this.pool = pool;
        this.jdbc = jdbc;
    }

    @PreDestroy
    void releaseJobs() {
        JobExecutor executor = jobExecutor.orElse(null);
        if (executor == null || !executor.isActive()) {
            return;
        }
        // no more acquisitions; the job runnables still queued hand their jobs back (the engine unlocks them)
        executor.shutdown();
        if (pool.orElse(null) instanceof ThreadPoolTaskExecutor threads) {
            ThreadPoolExecutor running = threads.getThreadPoolExecutor();
            running.shutdown();
            try {
                if (!running.awaitTermination(Duration.ofMillis(executor.getLockTimeInMillis()).toSeconds(), TimeUnit.SECONDS)) {
                    log.warn("Jobs still running at shutdown; their locks expire by themselves");
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        // nothing of this node runs any more: whatever it still holds was taken and never begun
        int released = jdbc.sql("UPDATE ACT_RU_JOB SET LOCK_OWNER_ = NULL, LOCK_EXP_TIME_ = NULL, REV_ = REV_ + 1 WHERE LOCK_OWNER_ = ?")
            .param(executor.getLockOwner()).update();
        log.info("Job executor stopped; {} jobs taken but not begun were handed back", released);
    }
}

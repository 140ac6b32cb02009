package dk.fjernlaan.platform.engine;

import java.time.Duration;
import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs the jobs that are due now (async continuations and timers whose time has come) in the calling
 * thread, until none is left. The simulation clock uses it after moving time; tests use it to drive the
 * engine deterministically. A job that fails keeps the engine's retry behaviour (retries are counted down,
 * the last failure becomes an incident).
 */
@Component
public class JobRunner {

    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);
    private static final int BATCH = 200;

    private final ManagementService managementService;

    public JobRunner(ManagementService managementService) {
        this.managementService = managementService;
    }

    /** @return the number of due jobs still waiting when the time ran out (0 when all ran) */
    public long runDueJobs(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            List<Job> due = managementService.createJobQuery().executable().active().listPage(0, BATCH);
            if (due.isEmpty()) {
                return 0;
            }
            int ran = 0;
            for (Job job : due) {
                if (System.nanoTime() >= deadline) {
                    break;
                }
                try {
                    managementService.executeJob(job.getId());
                    ran++;
                } catch (RuntimeException e) {
                    // already run by the job executor, or failed: the engine has recorded the failure
                    log.debug("Job {} did not complete here: {}", job.getId(), e.getMessage());
                }
            }
            if (ran == 0 && stillTheSame(due)) {
                // every due job failed: their retries are scheduled later, nothing more is due now
                return 0;
            }
        }
        return managementService.createJobQuery().executable().active().count();
    }

    public long runDueJobs() {
        return runDueJobs(Duration.ofSeconds(60));
    }

    private boolean stillTheSame(List<Job> before) {
        List<Job> now = managementService.createJobQuery().executable().active().listPage(0, BATCH);
        return now.size() == before.size()
            && now.stream().map(Job::getId).toList().equals(before.stream().map(Job::getId).toList());
    }
}

package dk.fjernlaan.bench;

import java.util.concurrent.atomic.AtomicLong;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.annotation.Profile;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The benchmark's baseline (profile bench only): HTTP requests that start and drive processes of the same shape
 * and transactions as an order (see {@link Benchmark}) whose steps do nothing.
 */
@RestController
@Profile("bench")
class BaselineEndpoint {

    private static final AtomicLong KEYS = new AtomicLong();

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final TransactionTemplate tx;

    BaselineEndpoint(RuntimeService runtime, TaskService tasks, TransactionTemplate tx) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.tx = tx;
    }

    @PostMapping("/api/bench/baseline")
    ResponseEntity<String> start() {
        String key = "B" + KEYS.incrementAndGet();
        tx.executeWithoutResult(s -> runtime.startProcessInstanceByKey(Benchmark.BASELINE, key));
        return ResponseEntity.status(201).body("{\"orderId\":\"" + key + "\"}");
    }

    /** A message in the baseline: completes the one task the no-op processes of the key wait at. */
    @PostMapping("/api/bench/baseline/{key}/answer")
    ResponseEntity<String> answer(@PathVariable String key) {
        tx.executeWithoutResult(s -> {
            Task task = tasks.createTaskQuery().processInstanceBusinessKey(key).singleResult();
            tasks.complete(task.getId());
        });
        return ResponseEntity.ok("{}");
    }
}

package dk.fjernlaan.bench;

import java.util.concurrent.atomic.AtomicLong;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.annotation.Profile;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The benchmark's baseline (profile bench only): an HTTP request that starts a process with the same
 * transactions as an order (the request, the step after the start, the decision step) and no-op steps.
 */
@RestController
@Profile("bench")
class BaselineEndpoint {

    private static final AtomicLong KEYS = new AtomicLong();

    private final RuntimeService runtime;
    private final TransactionTemplate tx;

    BaselineEndpoint(RuntimeService runtime, TransactionTemplate tx) {
        this.runtime = runtime;
        this.tx = tx;
    }

    @PostMapping("/api/bench/baseline")
    ResponseEntity<String> start() {
        String key = "B" + KEYS.incrementAndGet();
        tx.executeWithoutResult(s -> runtime.startProcessInstanceByKey(Benchmark.BASELINE, key));
        return ResponseEntity.status(201).body("{\"key\":\"" + key + "\"}");
    }
}

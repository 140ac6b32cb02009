package dk.fjernlaan.platform.engine;

import java.util.function.Supplier;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a step in its own transaction and runs it again when it collided with another change of the same order
 * (an answer at the moment a timer fires, two returned items for the same next borrower). The step reads the
 * state again each time, so the second run decides on what is true now.
 */
@Component
public class ConflictRetry {

    private static final int ATTEMPTS = 10;

    private final TransactionTemplate tx;

    public ConflictRetry(TransactionTemplate tx) {
        this.tx = tx;
    }

    public <T> T inTransaction(Supplier<T> step) {
        RuntimeException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                return tx.execute(status -> step.get());
            } catch (RuntimeException e) {
                if (!isConflict(e)) {
                    throw e;
                }
                last = e;
                sleepBriefly(attempt);
            }
        }
        throw last;
    }

    /**
     * SQL states of a collision that the database resolved by failing one side: serialization failure and deadlock
     * (PostgreSQL, H2), lock timeout and concurrent update (H2).
     */
    private static final java.util.Set<String> COLLISIONS = java.util.Set.of("40001", "40P01", "HYT00", "90131");

    /** A collision with a concurrent change, also when the engine wrapped it (a step's update in a delegate). */
    public static boolean isConflict(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConcurrencyFailureException || t instanceof OptimisticLockingException) {
                return true;
            }
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null && COLLISIONS.contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static void sleepBriefly(int attempt) {
        try {
            Thread.sleep(5L * attempt + java.util.concurrent.ThreadLocalRandom.current().nextLong(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

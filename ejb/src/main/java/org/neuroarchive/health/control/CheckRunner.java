package org.neuroarchive.health.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs health checks side by side, each given the same time from the start of the call; a check that
 * does not answer in time is down. A check still running from an earlier call (a database or broker
 * that does not answer) is waited for again, never started a second time: however often a balancer
 * asks during an outage, each kind of check holds at most one thread.
 */
@ApplicationScoped
public class CheckRunner {

    private static final Logger LOG = Logger.getLogger(CheckRunner.class.getName());

    private final Duration limit;
    private final Map<String, CompletableFuture<Boolean>> running = new ConcurrentHashMap<>();

    /** For CDI: {@value HealthChecks#CHECK_SECONDS} s per call. */
    public CheckRunner() {
        this(Duration.ofSeconds(HealthChecks.CHECK_SECONDS));
    }

    CheckRunner(Duration limit) {
        this.limit = limit;
    }

    /** The report of {@code checks} (name → check, in order), run on {@code executor}. */
    public HealthReport run(Map<String, BooleanSupplier> checks, Executor executor) {
        Map<String, CompletableFuture<Boolean>> started = new LinkedHashMap<>();
        for (Map.Entry<String, BooleanSupplier> check : checks.entrySet()) {
            started.put(check.getKey(), running.compute(check.getKey(),
                    (name, earlier) -> earlier != null && !earlier.isDone() ? earlier : start(name, check.getValue(), executor)));
        }
        long deadline = System.nanoTime() + limit.toNanos();
        List<HealthReport.Check> results = new ArrayList<>();
        for (Map.Entry<String, CompletableFuture<Boolean>> check : started.entrySet()) {
            results.add(HealthReport.Check.of(check.getKey(), outcome(check.getKey(), check.getValue(), deadline)));
        }
        return HealthReport.of(results);
    }

    private static CompletableFuture<Boolean> start(String name, BooleanSupplier check, Executor executor) {
        try {
            return CompletableFuture.supplyAsync(check::getAsBoolean, executor);
        } catch (RejectedExecutionException busy) {
            LOG.warning(() -> "health: no thread free for the check " + name);
            return CompletableFuture.completedFuture(false);
        }
    }

    private boolean outcome(String name, CompletableFuture<Boolean> check, long deadline) {
        try {
            return check.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException slow) {
            LOG.warning(() -> "health: the check " + name + " did not answer within " + limit.toSeconds() + " s");
        } catch (ExecutionException failed) {
            LOG.log(Level.WARNING, "health: the check {0} failed: {1}", new Object[] {name, String.valueOf(failed.getCause())});
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }
}

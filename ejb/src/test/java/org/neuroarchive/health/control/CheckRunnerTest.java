package org.neuroarchive.health.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CheckRunnerTest {

    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final CheckRunner runner = new CheckRunner(Duration.ofMillis(300));

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    private static Map<String, BooleanSupplier> checks(Object... nameThenCheck) {
        Map<String, BooleanSupplier> checks = new LinkedHashMap<>();
        for (int i = 0; i < nameThenCheck.length; i += 2) {
            checks.put((String) nameThenCheck[i], (BooleanSupplier) nameThenCheck[i + 1]);
        }
        return checks;
    }

    @Test
    void everyCheckIsReportedInOrderAndAFailureIsDown() {
        BooleanSupplier throwing = () -> {
            throw new IllegalStateException("the pool is closed");
        };
        HealthReport report = runner.run(checks("database", (BooleanSupplier) () -> true, "broker", throwing,
                "receiver", (BooleanSupplier) () -> false), pool);
        assertEquals(List.of(HealthReport.Check.of("database", true), HealthReport.Check.of("broker", false),
                HealthReport.Check.of("receiver", false)), report.checks());
    }

    @Test
    void aCheckThatHangsIsDownAndNeverRunsTwiceAtOnce() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger started = new AtomicInteger();
        BooleanSupplier hanging = () -> {
            started.incrementAndGet();
            try {
                return release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                return false;
            }
        };
        for (int call = 0; call < 3; call++) {
            long begun = System.nanoTime();
            HealthReport report = runner.run(checks("database", hanging, "broker", (BooleanSupplier) () -> true), pool);
            assertEquals(List.of("database"), report.failing());
            assertTrue(System.nanoTime() - begun < Duration.ofSeconds(5).toNanos(), "a call waits for the limit only");
        }
        assertEquals(1, started.get(), "the hanging check was started once, then waited for again");
        release.countDown();
        for (long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
             !runner.run(checks("database", hanging), pool).up() && System.nanoTime() < deadline; ) {
            Thread.sleep(20);
        }
        assertTrue(runner.run(checks("database", hanging), pool).up(), "once it answers, the check is up");
        assertTrue(started.get() >= 2, "a finished check is started anew by the next call");
    }

    @Test
    void noThreadForACheckIsDown() {
        HealthReport report = runner.run(checks("database", (BooleanSupplier) () -> true), task -> {
            throw new RejectedExecutionException("busy");
        });
        assertEquals(List.of("database"), report.failing());
    }
}

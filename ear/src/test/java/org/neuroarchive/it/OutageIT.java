package org.neuroarchive.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The production back-ends go away for 30 s in the middle of a global import — the broker is
 * restarted, or the database cannot be reached — and more files arrive meanwhile: nothing is lost,
 * and once the back-end is back the archive ends exactly as without the outage. Runs when the
 * tests run on MySQL/MariaDB and an external broker ({@code .ci/run}'s second pass).
 */
class OutageIT {

    private static final int SERIES = 12;
    private static final int LATE_SERIES = 4;
    private static final int PER_SERIES = 50;
    private static final Duration OUTAGE = Duration.ofSeconds(30);

    private final OwnServer own = new OwnServer("outage", 250);
    private final StandaloneImport importing = own.importing;

    @AfterEach
    void stopServer() throws Exception {
        own.close();
    }

    @Test
    @EnabledIfEnvironmentVariable(named = "NEUROARCHIVE_BROKER_URL", matches = ".+")
    void brokerRestartDuringAnImportLosesNothing() throws Exception {
        importThrough(() -> own.backends.broker().stop(), () -> own.backends.broker().start(), false);
    }

    @Test
    @EnabledIfEnvironmentVariable(named = "NEUROARCHIVE_DB_URL", matches = ".+")
    void databaseOutageDuringAnImportLosesNothing() throws Exception {
        importThrough(() -> own.backends.databaseProxy().cut(), () -> own.backends.databaseProxy().restore(), true);
    }

    /** The beginning or the end of an outage. */
    private interface Step {
        void run() throws Exception;
    }

    private void importThrough(Step beginOutage, Step endOutage, boolean databaseThroughProxy) throws Exception {
        own.start(databaseThroughProxy);
        Path target = OwnServer.TARGET;

        Set<String> expected = new HashSet<>(importing.writeSeries(target.resolve("outage-source/first"), "NA-OUTAGE", 1, SERIES, PER_SERIES));
        Set<String> late = importing.writeSeries(target.resolve("outage-source/late"), "NA-OUTAGE", SERIES + 1, LATE_SERIES, PER_SERIES);
        expected.addAll(late);
        importing.drop(target.resolve("outage-source/first"), "first");
        importing.scan();

        JsonObject atOutage = awaitArchivingStarted();
        beginOutage.run();
        long begun = System.nanoTime();
        System.out.println("OutageIT: back-end gone with " + atOutage);
        assertTrue(atOutage.getInt("instances") < SERIES * PER_SERIES,
                "the import finished before the outage, so it proves nothing: " + atOutage);
        Thread.sleep(5_000);
        importing.drop(target.resolve("outage-source/late"), "late");  // files keep arriving meanwhile
        Thread.sleep(Math.max(0, OUTAGE.toMillis() - Duration.ofNanos(System.nanoTime() - begun).toMillis()));
        endOutage.run();
        long ended = System.nanoTime();

        JsonObject done = importing.awaitAll(expected, Duration.ofMinutes(5));
        System.out.printf("OutageIT: import complete %.1f s after the back-end came back: %s%n",
                (System.nanoTime() - ended) / 1e9, done);
        importing.assertArchiveHoldsExactly(expected, SERIES + LATE_SERIES);
    }

    private JsonObject awaitArchivingStarted() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            JsonObject stats = importing.stats();
            if (stats.getInt("instances") > 0) {
                return stats;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("the import did not start");
    }
}

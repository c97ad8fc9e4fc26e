package org.neuroarchive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The broker's primary killed (SIGKILL) in the middle of a global import, on a replicated primary/backup
 * pair ({@code server-config/artemis/create-ha-pair.sh}) with the server's connection factory set for
 * failover ({@code remote-artemis-ha.cli}): the backup takes over, the server's senders and
 * message-driven beans follow it, files that arrive meanwhile are imported through it, and the archive
 * ends with every instance once; nothing in the problem folder, the queues or the dead-letter queue, no
 * XA branch left prepared. Then the primary starts again, takes over from the backup (fail-back) and a
 * further import completes as well. Runs when the tests run on MySQL/MariaDB and an external broker
 * ({@code .ci/production-backends}).
 */
class BrokerFailoverIT {

    /** Three times as many series as archive transactions run at once: the primary dies while most still wait. */
    private static final int SERIES = 24;
    private static final int LATE_SERIES = 4;
    private static final int FAILBACK_SERIES = 4;
    private static final int PER_SERIES = 25;
    private static final List<String> QUEUES = List.of("jms.queue.NeuroArchiveImportSeries", "jms.queue.NeuroArchiveIndividualImport", "DLQ");

    @AutoClose
    private final OwnServer own = new OwnServer("failover", Integer.getInteger("it.port.offset", 100) + 65, true);
    private final StandaloneImport importing = own.importing;

    @Test
    @EnabledIfEnvironmentVariable(named = "NEUROARCHIVE_BROKER_URL", matches = ".+")
    @EnabledIfEnvironmentVariable(named = "NEUROARCHIVE_DB_URL", matches = ".+")
    void primaryKilledDuringAnImportLosesNothingAndDuplicatesNothing() throws Exception {
        long begun = System.nanoTime();
        own.start(false);
        BrokerPair brokers = own.backends.brokerPair();
        Path source = OwnServer.TARGET.resolve("failover-source");
        Set<String> expected = new HashSet<>(importing.writeSeries(source.resolve("first"), "NA-FAILOVER", 1, SERIES, PER_SERIES));
        Set<String> late = importing.writeSeries(source.resolve("late"), "NA-FAILOVER", SERIES + 1, LATE_SERIES, PER_SERIES);
        Set<String> failback = importing.writeSeries(source.resolve("failback"), "NA-FAILOVER", SERIES + LATE_SERIES + 1,
                FAILBACK_SERIES, PER_SERIES);

        importing.drop(source.resolve("first"), "first");
        importing.scan();
        JsonObject atKill = importing.awaitArchivingStarted(Duration.ofSeconds(90));
        brokers.killPrimary();
        long killed = System.nanoTime();
        assertTrue(atKill.getInt("instances") < SERIES * PER_SERIES, "the import finished before the primary was killed: " + atKill);
        Duration takeover = brokers.awaitBackupActive(Duration.ofSeconds(60));
        System.out.printf("BrokerFailoverIT: primary killed at %s; the backup was active %.1f s later%n", atKill, takeover.toMillis() / 1e3);

        // files keep arriving: the scanner's archive requests now go to the backup
        expected.addAll(late);
        importing.drop(source.resolve("late"), "late");
        JsonObject done = importing.awaitAll(expected, Duration.ofMinutes(5));
        System.out.printf("BrokerFailoverIT: import complete %.1f s after the primary was killed: %s%n", (System.nanoTime() - killed) / 1e9, done);
        importing.assertArchiveHoldsExactly(expected, SERIES + LATE_SERIES);
        assertNothingLeftOver(brokers.backup());

        // the primary returns: it copies the journal back from the active backup before it takes over, so nothing
        // its own (stale) journal still held is delivered again
        Duration back = brokers.restartPrimary();
        System.out.printf("BrokerFailoverIT: the primary took over again %.1f s after it was started%n", back.toMillis() / 1e3);
        expected.addAll(failback);
        importing.drop(source.resolve("failback"), "failback");
        importing.awaitAll(expected, Duration.ofMinutes(3));
        importing.assertArchiveHoldsExactly(expected, SERIES + LATE_SERIES + FAILBACK_SERIES);
        assertNothingLeftOver(brokers.primary());
        System.out.printf("BrokerFailoverIT: %d instances in %d series, each archived once; %.0f s in all%n", expected.size(),
                SERIES + LATE_SERIES + FAILBACK_SERIES, (System.nanoTime() - begun) / 1e9);
    }

    /**
     * Nothing waits on the active broker (also not in its dead-letter queue), nothing in the problem folder, the
     * server ready, and no XA branch of the server's left prepared in the database once XA recovery (every 30 s) has run.
     */
    private void assertNothingLeftOver(BrokerProcess active) throws Exception {
        for (String queue : QUEUES) {
            assertEquals(0, active.messageCount(queue), queue + " on the active broker");
        }
        assertEquals(List.of(), importing.files(own.data.resolve("problem")), "nothing in the problem folder");
        HttpResponse<String> ready = importing.health("ready");
        for (long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos(); ready.statusCode() != 200
                && System.nanoTime() < deadline; ready = importing.health("ready")) {
            Thread.sleep(1_000);
        }
        assertEquals(200, ready.statusCode(), "ready on the broker that is active now: " + ready.body());
        List<String> prepared = ExternalBackends.preparedBranches(own.backends.transactionNode());
        for (long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos(); !prepared.isEmpty()
                && System.nanoTime() < deadline; prepared = ExternalBackends.preparedBranches(own.backends.transactionNode())) {
            Thread.sleep(1_000);
        }
        assertEquals(List.of(), prepared, "XA recovery has finished every transaction the failover left in doubt");
    }
}

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
 * XA branch left prepared. The server, restarted while the primary is still away, finds the backup and
 * imports through it. Then the primary starts again, takes over from the backup (fail-back) and a further
 * import completes as well. Runs when the tests run on MySQL/MariaDB and an external broker
 * ({@code .ci/production-backends}).
 */
class BrokerFailoverIT {

    /** Three times as many series as archive transactions run at once: the primary dies while most still wait. */
    private static final int SERIES = 24;
    /** What arrives later: during the failover, at a restart of the server on the backup, after the fail-back. */
    private static final int MORE_SERIES = 4;
    private static final int PER_SERIES = 25;
    private static final String PATIENT = "NA-FAILOVER";
    private static final Path SOURCE = OwnServer.TARGET.resolve("failover-source");
    private static final List<String> QUEUES = List.of("jms.queue.NeuroArchiveImportSeries", "jms.queue.NeuroArchiveIndividualImport", "DLQ");

    @AutoClose
    private final OwnServer own = new OwnServer("failover", Integer.getInteger("it.port.offset", 100) + 65, true);
    private final StandaloneImport importing = own.importing;
    private final Set<String> expected = new HashSet<>();
    private int series;

    @Test
    @EnabledIfEnvironmentVariable(named = "NEUROARCHIVE_BROKER_URL", matches = ".+")
    @EnabledIfEnvironmentVariable(named = "NEUROARCHIVE_DB_URL", matches = ".+")
    void primaryKilledDuringAnImportLosesNothingAndDuplicatesNothing() throws Exception {
        long begun = System.nanoTime();
        ServerProcess.deleteTree(SOURCE);  // an earlier run's series
        own.start(false);
        BrokerPair brokers = own.backends.brokerPair();
        Set<String> first = importing.writeSeries(SOURCE.resolve("first"), PATIENT, 1, SERIES, PER_SERIES);
        expected.addAll(first);
        series = SERIES;
        importing.drop(SOURCE.resolve("first"), "first");
        importing.scan();
        JsonObject atKill = importing.awaitArchivingStarted(Duration.ofSeconds(90));
        brokers.killPrimary();
        long killed = System.nanoTime();
        assertTrue(atKill.getInt("instances") < first.size(), "the import finished before the primary was killed: " + atKill);
        Duration takeover = brokers.awaitBackupActive(Duration.ofSeconds(60));
        System.out.printf("BrokerFailoverIT: primary killed at %s; the backup was active %.1f s later%n", atKill, takeover.toMillis() / 1e3);
        // files keep arriving: the scanner's archive requests now go to the backup
        JsonObject done = importMore("late", Duration.ofMinutes(5));
        System.out.printf("BrokerFailoverIT: import complete %.1f s after the primary was killed: %s%n", (System.nanoTime() - killed) / 1e9, done);
        assertNothingLeftOver(brokers.backup());

        // a server (re)started while the primary is still away finds the backup (its connectors name both)
        own.server.stop();
        own.server.start(OwnServer.START_TIMEOUT);
        importMore("restarted", Duration.ofMinutes(3));
        assertNothingLeftOver(brokers.backup());

        // the primary returns: it copies the journal back from the active backup before it takes over, so nothing
        // its own (stale) journal still held is delivered again; the server follows it
        Duration back = brokers.restartPrimary();
        System.out.printf("BrokerFailoverIT: the primary took over again %.1f s after it was started%n", back.toMillis() / 1e3);
        importMore("failback", Duration.ofMinutes(3));
        assertNothingLeftOver(brokers.primary());
        System.out.printf("BrokerFailoverIT: %d instances in %d series, each archived once; %.0f s in all%n", expected.size(), series,
                (System.nanoTime() - begun) / 1e9);
    }

    /**
     * Imports {@link #MORE_SERIES} further series through incomingdir as {@code name}; waits until the archive
     * holds every instance so far exactly once. Answers the statistics then.
     */
    private JsonObject importMore(String name, Duration timeout) throws Exception {
        expected.addAll(importing.writeSeries(SOURCE.resolve(name), PATIENT, series + 1, MORE_SERIES, PER_SERIES));
        series += MORE_SERIES;
        importing.drop(SOURCE.resolve(name), name);
        JsonObject done = importing.awaitAll(expected, timeout);
        importing.assertArchiveHoldsExactly(expected, series);
        return done;
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

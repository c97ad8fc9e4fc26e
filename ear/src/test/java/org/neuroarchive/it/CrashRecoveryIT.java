package org.neuroarchive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * kill -9 of the server in the middle of a global import of several hundred files, then a restart:
 * the archive must end exactly as without the crash — every instance archived once, nothing left in
 * incomingdir or claim folders, no orphan or temporary files, database and files in agreement.
 */
class CrashRecoveryIT {

    /**
     * More series than archive transactions run at once (WildFly's message-driven bean pool), so that the
     * kill comes while some are committed and others still wait: with 8 series, all 8 committed within
     * one poll once the archive had become fast enough (issue 14).
     */
    private static final int SERIES = 32;
    private static final int PER_SERIES = 20;

    private OwnServer own;
    private StandaloneImport importing;

    /**
     * WildFly always; Payara Server too when the tests run on MySQL/MariaDB and an external broker (its test
     * domain needs both, see {@link PayaraProcess}), unless {@code -Dit.crash.servers} names the servers.
     */
    static List<ServerKind> servers() {
        String chosen = System.getProperty("it.crash.servers",
                ExternalBackends.database() && ExternalBackends.broker() ? "WILDFLY,PAYARA" : "WILDFLY");
        return Arrays.stream(chosen.split(",")).map(String::trim).map(ServerKind::valueOf).toList();
    }

    /** This test's server of its own, on 127.0.0.1 (WildFly: every port + 150). */
    private void serverOn(ServerKind kind) {
        own = new OwnServer("crash", kind, 150, false);
        importing = own.importing;
    }

    @AfterEach
    void stopServer() throws Exception {
        if (own != null) {
            own.close();
        }
    }

    /**
     * On Payara too (its test domain on the test's Artemis broker through artemis-ra, see {@link PayaraProcess}):
     * there the database ends each archive transaction in one phase ({@link OutageIT}'s transcript), and
     * the restart relies on Payara's own start-up and the application's recovery, not on WildFly's.
     */
    @ParameterizedTest(name = "on {0}")
    @MethodSource("servers")
    void killedWhileArchivingTheArchiveEndsAsWithoutTheCrash(ServerKind kind) throws Exception {
        serverOn(kind);
        importKillRestartAndCompare(KillPoint.WHILE_ARCHIVING);
    }

    @Test
    void killedWhileClaimingTheArchiveEndsAsWithoutTheCrash() throws Exception {
        serverOn(ServerKind.WILDFLY);
        importKillRestartAndCompare(KillPoint.WHILE_CLAIMING);
    }

    /**
     * On MySQL/MariaDB a transaction that a crash left prepared keeps its rows locked until XA recovery ends
     * it, and recovery runs once the server is up: the start-up must not wait for those rows. Here the
     * branch holds a new commit mark, next to a mark two days old that the start-up removes (a range delete
     * of old marks waited for the new mark's lock, and the deployment failed at the lock wait timeout).
     */
    @Test
    void startsWhileATransactionLeftPreparedHoldsACommitMark() throws Exception {
        assumeTrue(ExternalBackends.database(), "only a MySQL/MariaDB database keeps a prepared branch across a restart");
        serverOn(ServerKind.WILDFLY);
        own.start(false);
        own.server.kill();
        String database = "crash";
        ExternalBackends.execute(database, "INSERT INTO commit_mark (id, node, created_at) VALUES ('left-by-a-crash', 'it', NOW(3) - INTERVAL 2 DAY)");
        String inDoubt = own.backends.transactionNode() + "-in-doubt";
        ExternalBackends.prepareBranch(database, inDoubt, "INSERT INTO commit_mark (id, node, created_at) VALUES ('in-doubt', 'it', NOW(3))");
        try {
            own.server.start(OwnServer.START_TIMEOUT);
            assertEquals(0, ExternalBackends.number(database, "SELECT COUNT(*) FROM commit_mark WHERE id = 'left-by-a-crash'"),
                    "the start-up removed the old mark");
        } finally {
            ExternalBackends.rollBackBranch(inDoubt);
        }
    }

    /** When the server is killed. */
    private enum KillPoint {
        /** Some series archived, others queued: archive transactions committing, files moving. */
        WHILE_ARCHIVING,
        /** Series being claimed and queued, none archived yet. */
        WHILE_CLAIMING
    }

    private void importKillRestartAndCompare(KillPoint killPoint) throws Exception {
        own.start(false);

        Path source = OwnServer.TARGET.resolve("crash-source");
        Set<String> expected = importing.writeSeries(source, "NA-CRASH", 1, SERIES, PER_SERIES);
        importing.drop(source, "batch");
        importing.scan();

        JsonObject atKill = awaitThenKill(killPoint);
        System.out.println("CrashRecoveryIT: killed with " + atKill);

        own.server.start(OwnServer.START_TIMEOUT);
        importing.awaitAll(expected, Duration.ofSeconds(120));
        importing.assertArchiveHoldsExactly(expected, SERIES);
        assertTheBrokerHoldsNoArchiveMessage();
    }

    /**
     * With a broker of its own: no archive message stays behind on it. A message whose acknowledgement the
     * kill left in a prepared XA branch stays in delivery until the server's recovery ends that branch.
     */
    private void assertTheBrokerHoldsNoArchiveMessage() throws Exception {
        BrokerProcess broker = own.backends.broker();
        if (broker == null) {
            return;
        }
        String queue = "jms.queue.NeuroArchiveImportSeries";
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        int left = broker.messageCount(queue);
        while (left > 0 && System.nanoTime() < deadline) {
            Thread.sleep(1000);
            left = broker.messageCount(queue);
        }
        assertEquals(0, left, "archive messages left on the broker's " + queue + " after the import ended");
    }

    /** Waits for the kill point, then kills the server; answers the stats seen just before. */
    private JsonObject awaitThenKill(KillPoint killPoint) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            JsonObject stats = importing.stats();
            boolean reached = killPoint == KillPoint.WHILE_ARCHIVING
                    ? stats.getInt("instances") > 0
                    : stats.getInt("queuedSeries") > 0 || !importing.files(own.data.resolve("incoming.claimed")).isEmpty();
            if (reached) {
                own.server.kill();
                assertTrue(stats.getInt("instances") < SERIES * PER_SERIES,
                        "the import finished before the kill, so it proves nothing: " + stats);
                return stats;
            }
            Thread.sleep(2);
        }
        throw new AssertionError("the import did not start");
    }
}

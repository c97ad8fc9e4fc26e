package org.neuroarchive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The production back-ends go away for 30 s in the middle of a global import — the broker is
 * restarted, or the database cannot be reached — and more files arrive meanwhile: nothing is lost,
 * and once the back-end is back the archive ends exactly as without the outage; the same when the
 * connection to the database drops at the very end of archive transactions. Runs when the
 * tests run on MySQL/MariaDB and an external broker ({@code .ci/production-backends}), on WildFly and
 * on Payara Server ({@link ServerKind}: each test's server of its own, {@link OwnServer}).
 */
class OutageIT {

    /** Three times as many series as archive transactions run at once: the outage comes while most still wait. */
    private static final int SERIES = 24;
    private static final int LATE_SERIES = 4;
    private static final int PER_SERIES = 25;
    private static final Duration OUTAGE = Duration.ofSeconds(30);
    /**
     * Enough series that archiving lasts into the outage. (More than WildFly's 15 MDB sessions, yet the
     * consumers were seen to have buffered every archive message before the broker stopped.)
     */
    private static final int INDIVIDUAL_SERIES = 24;
    private static final int INDIVIDUAL_PER_SERIES = 25;
    private static final int CUT_SERIES = 24;
    private static final int CUT_PER_SERIES = 20;
    /** What an archive transaction of the global import sends: its batch is done. */
    private static final Pattern ARCHIVE_TRANSACTION = Pattern.compile("(?is)UPDATE import_batch SET .*'DONE'");

    private OwnServer own;
    private StandaloneImport importing;

    /** The servers the tests run on: both, or those of {@code -Dit.outage.servers} (e.g. {@code PAYARA}). */
    static List<ServerKind> servers() {
        return Arrays.stream(System.getProperty("it.outage.servers", "WILDFLY,PAYARA").split(",")).map(String::trim)
                .map(ServerKind::valueOf).toList();
    }

    /** This test's server of its own, on 127.0.0.1 (WildFly: every port + 250). */
    private void serverOn(ServerKind kind) {
        own = new OwnServer("outage", kind, 250, false);
        importing = own.importing;
    }

    @AfterEach
    void stopServer() throws Exception {
        if (own != null) {
            own.close();
        }
    }

    /** On Payara, its test domain is on the test's Artemis broker ({@code artemis-ra.rar}). */
    @ParameterizedTest(name = "on {0}")
    @MethodSource("servers")
    @EnabledIfEnvironmentVariable(named = "NEUROARCHIVE_BROKER_URL", matches = ".+")
    void brokerRestartDuringAnImportLosesNothing(ServerKind kind) throws Exception {
        serverOn(kind);
        importThrough(() -> own.backends.broker().stop(), () -> own.backends.broker().start(), false, "broker");
    }

    @ParameterizedTest(name = "on {0}")
    @MethodSource("servers")
    @EnabledIfEnvironmentVariable(named = "NEUROARCHIVE_DB_URL", matches = ".+")
    void databaseOutageDuringAnImportLosesNothing(ServerKind kind) throws Exception {
        serverOn(kind);
        importThrough(() -> own.backends.databaseProxy().cut(), () -> own.backends.databaseProxy().restore(), true, "database");
    }

    /**
     * The connection to the database drops exactly while an archive transaction ends: before the
     * database gets the prepare or the commit, or after it got it but before the server hears the
     * answer. The server cannot know the outcome at once, yet files and rows must agree in the end:
     * no file placed or moved for rows that were rolled back, no row without its file.
     */
    @ParameterizedTest(name = "on {0}")
    @MethodSource("servers")
    @EnabledIfEnvironmentVariable(named = "NEUROARCHIVE_DB_URL", matches = ".+")
    void connectionLostWhileAnArchiveTransactionEndsLosesNothing(ServerKind kind) throws Exception {
        serverOn(kind);
        own.start(true);
        Path source = OwnServer.TARGET.resolve("outage-source/commit-cut");
        Set<String> expected = importing.writeSeries(source, "NA-OUTAGE", 1, CUT_SERIES, CUT_PER_SERIES);
        TcpProxy proxy = own.backends.databaseProxy();
        proxy.transcript(OwnServer.TARGET.resolve("outage-" + kind.name().toLowerCase() + "-transactions.log"), ARCHIVE_TRANSACTION);
        List<Cut> cuts = cuts(kind);
        for (Cut next : cuts) {
            CountDownLatch cut = proxy.cutAt(next.statement(), ARCHIVE_TRANSACTION, next.forwarded());
            if (next == cuts.get(0)) {
                importing.drop(source, "commit-cut");
                importing.scan();
            } else {
                proxy.restore();
            }
            // after a cut between prepare and commit, the prepared branch keeps its row locks until XA recovery
            // finishes it (every 30 s), and archive transactions wait meanwhile
            assertTrue(cut.await(4, TimeUnit.MINUTES), "no archive transaction ended with " + next + " within 4 minutes");
            System.out.println("OutageIT: connection cut at " + next);
            Thread.sleep(3_000);
        }
        proxy.restore();
        long restored = System.nanoTime();
        JsonObject done = importing.awaitAll(expected, Duration.ofMinutes(6));
        System.out.printf("OutageIT: import complete %.1f s after the last cut: %s%n", (System.nanoTime() - restored) / 1e9, done);
        importing.assertArchiveHoldsExactly(expected, CUT_SERIES);
        assertEquals(List.of(), ExternalBackends.preparedBranches(own.backends.transactionNode()),
                "XA recovery has finished every transaction left in doubt");
    }

    /**
     * An individual import whose selected series are being archived when the broker restarts: the
     * import completes on its own once the broker is back, every series archived, none reported failed.
     * WildFly only: CI's time, as {@link #databaseOutageWhileAnIndividualImportArchivesLosesNothing}.
     */
    @ParameterizedTest(name = "on {0}")
    @EnumSource(names = "WILDFLY")
    @EnabledIfEnvironmentVariable(named = "NEUROARCHIVE_BROKER_URL", matches = ".+")
    void brokerRestartWhileAnIndividualImportArchivesLosesNothing(ServerKind kind) throws Exception {
        serverOn(kind);
        archiveIndividualImportThrough(() -> own.backends.broker().stop(), () -> own.backends.broker().start(), false);
    }

    /**
     * The same with the database out of reach for 30 s. WildFly only: CI's time (Payara's share of this class,
     * its domain made once, stays near ten minutes with the three tests of the global import).
     */
    @ParameterizedTest(name = "on {0}")
    @EnumSource(names = "WILDFLY")
    @EnabledIfEnvironmentVariable(named = "NEUROARCHIVE_DB_URL", matches = ".+")
    void databaseOutageWhileAnIndividualImportArchivesLosesNothing(ServerKind kind) throws Exception {
        serverOn(kind);
        archiveIndividualImportThrough(() -> own.backends.databaseProxy().cut(), () -> own.backends.databaseProxy().restore(), true);
    }

    private void archiveIndividualImportThrough(Step beginOutage, Step endOutage, boolean databaseThroughProxy) throws Exception {
        own.start(databaseThroughProxy);
        Path source = own.data.resolve("import/outage");  // under the default allowed root, <data>/import
        Set<String> expected = importing.writeSeries(source, "NA-OUTAGE-IND", 1, INDIVIDUAL_SERIES, INDIVIDUAL_PER_SERIES);
        ImportApi imports = new ImportApi(own.server.baseUrl());
        long id = imports.createFromPath(source, "");
        imports.await(id, "parsingcomplete", Duration.ofMinutes(3));
        assertEquals(202, imports.archive(id, null).status());

        long ended = outage(beginOutage, () -> { }, endOutage, expected.size(), "while individual import " + id + " archives");

        JsonObject done = awaitImport(imports, id, Duration.ofMinutes(5));
        System.out.printf("OutageIT: individual import %s %.1f s after the back-end came back: %s%n", done.getString("status"),
                (System.nanoTime() - ended) / 1e9, done.getString("message"));
        assertEquals("archivecomplete", done.getString("status"), done.getString("message") + "\n" + ImportApi.log(done));
        assertEquals(expected.size(), importing.stats().getInt("instances"), "a row for every archived instance");
        importing.assertArchiveHoldsExactly(expected, INDIVIDUAL_SERIES);
        assertFalse(Files.exists(own.data.resolve("staging/import-" + id)), "the staging folder is removed");
    }

    /** Polls the import until it ends; the server may fail to answer for a while after an outage. */
    private static JsonObject awaitImport(ImportApi imports, long id, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            try {
                JsonObject detail = imports.detail(id);
                if (Set.of("archivecomplete", "archiveerror").contains(detail.getString("status"))) {
                    return detail;
                }
                last = detail.getString("status") + ": " + detail.getString("message");
            } catch (IOException | AssertionError unanswered) {
                last = unanswered.toString();
            }
            Thread.sleep(500);
        }
        throw new AssertionError("individual import " + id + " did not end within " + timeout + "; last: " + last);
    }

    /**
     * Where the archive transactions end on each server. WildFly: the commit first (with the one-phase
     * optimisation there is no prepare), then the prepare of a two-phase commit. Payara, on OpenMQ as on Artemis,
     * ends every archive transaction on the database in one phase: {@code XA END xid}, then {@code XA COMMIT xid
     * ONE PHASE}, never a prepare (its transcript: {@code target/outage-payara-transactions.log}).
     */
    private static List<Cut> cuts(ServerKind kind) {
        return switch (kind) {
            case WILDFLY -> List.of(new Cut("XA COMMIT", false), new Cut("XA COMMIT", true), new Cut("XA PREPARE", false),
                    new Cut("XA PREPARE", true));
            case PAYARA -> List.of(new Cut("XA COMMIT", false), new Cut("XA COMMIT", true));
        };
    }

    /** Where the connection is cut: at this statement, which reaches the database or not. */
    private record Cut(String statement, boolean forwarded) {
        @Override
        public String toString() {
            return statement + (forwarded ? " (forwarded)" : " (withheld)");
        }
    }

    /** The beginning or the end of an outage, or what happens meanwhile. */
    private interface Step {
        void run() throws Exception;
    }

    /**
     * A global import through an outage of a back-end; meanwhile the server says it is not ready and
     * names the {@code failingCheck}, and it is ready again once the import has completed.
     */
    private void importThrough(Step beginOutage, Step endOutage, boolean databaseThroughProxy, String failingCheck)
            throws Exception {
        own.start(databaseThroughProxy);
        Path target = OwnServer.TARGET;

        Set<String> expected = new HashSet<>(importing.writeSeries(target.resolve("outage-source/first"), "NA-OUTAGE", 1, SERIES, PER_SERIES));
        Set<String> late = importing.writeSeries(target.resolve("outage-source/late"), "NA-OUTAGE", SERIES + 1, LATE_SERIES, PER_SERIES);
        expected.addAll(late);
        importing.drop(target.resolve("outage-source/first"), "first");
        importing.scan();

        // files keep arriving meanwhile
        long ended = outage(beginOutage, () -> {
            HttpResponse<String> ready = importing.health("ready");
            System.out.println("OutageIT: during the outage, ready answered " + ready.statusCode() + " " + ready.body());
            assertEquals(503, ready.statusCode(), ready.body());
            assertTrue(ready.body().contains("{\"name\":\"" + failingCheck + "\",\"status\":\"DOWN\"}"), ready.body());
            assertEquals(200, importing.health("live").statusCode(), "alive all the same");
            importing.drop(target.resolve("outage-source/late"), "late");
        }, endOutage, SERIES * PER_SERIES, "during a global import");

        JsonObject done = importing.awaitAll(expected, Duration.ofMinutes(5));
        System.out.printf("OutageIT: import complete %.1f s after the back-end came back: %s%n",
                (System.nanoTime() - ended) / 1e9, done);
        importing.assertArchiveHoldsExactly(expected, SERIES + LATE_SERIES);
        HttpResponse<String> ready = importing.health("ready");
        for (long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos(); ready.statusCode() != 200
                && System.nanoTime() < deadline; ready = importing.health("ready")) {
            Thread.sleep(1_000);
        }
        assertEquals(200, ready.statusCode(), "ready again once the back-end is back: " + ready.body());
    }

    /**
     * Once archiving has begun (and before all {@code instances} are archived), takes the back-end away for {@link #OUTAGE}, runs
     * {@code meanwhile} 5 s into the outage, and brings the back-end back; answers when (nanoTime).
     */
    private long outage(Step beginOutage, Step meanwhile, Step endOutage, int instances, String when) throws Exception {
        JsonObject atOutage = awaitArchivingStarted();
        beginOutage.run();
        long begun = System.nanoTime();
        System.out.println("OutageIT: back-end gone " + when + ": " + atOutage);
        assertTrue(atOutage.getInt("instances") < instances, "the import finished before the outage, so it proves nothing: " + atOutage);
        Thread.sleep(5_000);
        meanwhile.run();
        Thread.sleep(Math.max(0, OUTAGE.toMillis() - Duration.ofNanos(System.nanoTime() - begun).toMillis()));
        endOutage.run();
        return System.nanoTime();
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

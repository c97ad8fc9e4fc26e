package org.neuroarchive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.neuroarchive.testing.SyntheticSeries;

/**
 * Two nodes on one MariaDB database, one Artemis broker and one data folder, behind HAProxy with the
 * project's configuration (issue 16). Several thousand instances arrive through incomingdir, through
 * uploads spread by the balancer and through the balancer's DICOM port: every instance is archived
 * exactly once, both nodes do a fair share, one node scans at a time. Then one node is killed (SIGKILL)
 * at the very moment it commits an archive transaction, leaving a prepared branch with its row locks
 * in the database: the survivor goes on, the import completes once the killed node is back and its XA
 * recovery has finished the branch, and its start-up takes nothing from the running node. Last, the
 * primary of the replicated broker pair is killed mid-import: the backup takes over and the import
 * completes, node 2 (back in the cluster) archiving its share of it. Runs on the production back-ends only ({@code .ci/production-backends}).
 */
@EnabledIfEnvironmentVariable(named = "NEUROARCHIVE_DB_URL", matches = ".+")
@EnabledIfEnvironmentVariable(named = "NEUROARCHIVE_BROKER_URL", matches = ".+")
class ClusterIT {

    private static final Path WORK = OwnServer.TARGET.resolve("cluster-source");
    /** What an archive transaction of the global import sends: its batch is done. */
    private static final Pattern ARCHIVE_TRANSACTION = Pattern.compile("(?is)UPDATE import_batch SET .*'DONE'");

    @AutoClose
    private final TestCluster cluster = new TestCluster("cluster", List.of(500, 600));

    private ArchiveApi api;
    private ClusterWatch watch;

    @Test
    void twoNodesShareTheWorkArchiveEveryInstanceOnceAndSurviveTheLossOfOne() throws Exception {
        long begun = System.nanoTime();
        cluster.start();
        api = new ArchiveApi(cluster.balancer().baseUrl());
        watch = new ClusterWatch(api, cluster.data());
        System.out.printf("ClusterIT: two nodes and HAProxy up in %.0f s%n", (System.nanoTime() - begun) / 1e9);

        Set<String> expected = new HashSet<>(spreadOverBothNodes());
        expected.addAll(survivesTheLossOfANode(expected.size()));
        expected.addAll(survivesTheLossOfThePrimaryBroker(expected.size()));
        watch.assertArchiveHoldsExactly(expected);
        watch.assertClean(List.of(cluster.nodeName(1), cluster.nodeName(2)));
    }

    /** The three ways in at once; both nodes archive at least 30 % of the series; one scanner at a time. */
    private Set<String> spreadOverBothNodes() throws Exception {
        long begun = System.nanoTime();
        Set<String> expected = new HashSet<>();
        StandaloneImport incoming = new StandaloneImport(cluster.node(1), cluster.data());
        expected.addAll(incoming.writeSeries(WORK.resolve("folder"), "NA-CLUSTER-F", 1, 60, 40));
        List<Path> sent = new ArrayList<>();
        List<Process> senders = new ArrayList<>();
        for (int a = 0; a < 4; a++) {
            List<Path> files = SyntheticSeries.mr().patient("NA-CLUSTER-D" + a, "Cluster^Dicom").size(128, 128)
                    .study(SyntheticSeries.newUid(), "20260601", "090000", "Cluster").series(1, "sent " + a)
                    .instances(50).writeTo(WORK.resolve("dicom-" + a), "d");
            sent.addAll(files);
            senders.add(storescu(files));
        }
        incoming.drop(WORK.resolve("folder"), "cluster-folder");
        api.postJson("/api/incoming/scan", "{}");
        ImportApi imports = new ImportApi(cluster.balancer().baseUrl());
        List<Long> uploads = new ArrayList<>();
        for (int u = 0; u < 4; u++) {
            List<Path> files = new ArrayList<>();
            for (int s = 1; s <= 2; s++) {
                files.addAll(SyntheticSeries.mr().patient("NA-CLUSTER-U" + u, "Cluster^Upload").size(128, 128)
                        .study(SyntheticSeries.newUid(), "20260602", "090000", "Cluster").series(s, "uploaded")
                        .instances(25).writeTo(WORK.resolve("upload-" + u + "-" + s), "u"));
            }
            expected.addAll(watch.uids(files));
            uploads.add(imports.uploaded("{\"modality\":\"auto\"}", files));
        }
        for (Process sender : senders) {
            assertTrue(sender.waitFor(5, TimeUnit.MINUTES), "storescu did not end");
            assertEquals(0, sender.exitValue(), "storescu through HAProxy's DICOM port");
        }
        expected.addAll(watch.uids(sent));
        for (long id : uploads) {
            imports.await(id, "parsingcomplete", Duration.ofMinutes(3));
            assertEquals(202, imports.archive(id, null).status());
        }
        JsonObject done = watch.awaitAll(expected.size(), Duration.ofMinutes(8));
        for (long id : uploads) {
            imports.await(id, "archivecomplete", Duration.ofMinutes(3));
        }
        System.out.printf("ClusterIT: %d instances through incomingdir, uploads and DICOM in %.0f s: %s%n", expected.size(),
                (System.nanoTime() - begun) / 1e9, done.get("nodes"));
        assertEquals(72, done.getInt("series"), "60 folder series, 8 uploaded, 4 sent");
        Map<String, Long> series = seriesByNode(done);
        // a series whose files came in two batches archived on both nodes counts for both
        long total = series.values().stream().mapToLong(Long::longValue).sum();
        assertTrue(total >= 72, "every series archived by a node: " + series);
        for (int k = 1; k <= 2; k++) {
            long share = series.getOrDefault(cluster.nodeName(k), 0L);
            assertTrue(share * 100 >= 30 * total, cluster.nodeName(k) + " archived " + share + " of " + total + " series: " + series);
        }
        assertEquals(0, done.getInt("duplicateFiles"), "no file claimed or archived twice");
        assertTrue(watch.mostScannersSeenAtOnce() <= 1, "one node scans incomingdir at a time");
        watch.assertLogNamesNodes(Set.of(cluster.nodeName(1), cluster.nodeName(2)));
        return expected;
    }

    /**
     * Node 2 is killed as it sends the commit of an archive transaction that both the database and the
     * broker have prepared: its row locks stay. Node 1 goes on; what needs the locked rows waits and is
     * retried; node 2 comes back, its XA recovery commits the branch, and everything ends archived once.
     * Meanwhile more files arrive, which node 2's start-up must leave to node 1.
     */
    private Set<String> survivesTheLossOfANode(int archivedBefore) throws Exception {
        StandaloneImport incoming = new StandaloneImport(cluster.node(1), cluster.data());
        // more series of a subject archived already: the branch left prepared locks that subject's rows
        Set<String> expected = new HashSet<>(incoming.writeSeries(WORK.resolve("kill"), "NA-CLUSTER-F", 101, 40, 40));
        CountDownLatch cut = cluster.lastNodesDatabase().cutAt("XA COMMIT", ARCHIVE_TRANSACTION, false);
        incoming.drop(WORK.resolve("kill"), "cluster-kill");
        api.postJson("/api/incoming/scan", "{}");
        assertTrue(cut.await(3, TimeUnit.MINUTES), "node 2 committed no archive transaction within 3 minutes");
        cluster.node(2).kill();
        long killed = System.nanoTime();
        int prepared = ExternalBackends.preparedBranches(cluster.nodeName(2)).size();
        System.out.println("ClusterIT: node 2 killed while committing; prepared branches left: " + prepared);
        assertTrue(prepared >= 1, "the killed node left the prepared branch of the transaction it was committing");
        expected.addAll(incoming.writeSeries(WORK.resolve("later"), "NA-CLUSTER-L", 1, 20, 40));
        incoming.drop(WORK.resolve("later"), "cluster-later");
        watch.awaitProgress(Duration.ofMinutes(2)); // node 1 archives on while node 2 is away
        cluster.lastNodesDatabase().restore();
        cluster.node(2).start(TestCluster.START);
        JsonObject done = watch.awaitAll(archivedBefore + expected.size(), Duration.ofMinutes(8));
        System.out.printf("ClusterIT: complete %.0f s after the kill: %s%n", (System.nanoTime() - killed) / 1e9, done.get("nodes"));
        assertEquals(List.of(), ExternalBackends.preparedBranches(cluster.nodeName(2)), "XA recovery of node 2 finished its branches");
        return expected;
    }

    /**
     * The primary broker is killed (SIGKILL) while both nodes archive: its backup takes over, both nodes
     * fail over to it, and the import completes, each instance once.
     */
    private Set<String> survivesTheLossOfThePrimaryBroker(int archivedBefore) throws Exception {
        StandaloneImport incoming = new StandaloneImport(cluster.node(1), cluster.data());
        long node2Before = seriesByNode(watch.stats()).getOrDefault(cluster.nodeName(2), 0L);
        Set<String> expected = new HashSet<>(incoming.writeSeries(WORK.resolve("failover"), "NA-CLUSTER-B", 1, 40, 40));
        incoming.drop(WORK.resolve("failover"), "cluster-failover");
        api.postJson("/api/incoming/scan", "{}");
        watch.awaitProgress(Duration.ofMinutes(2));
        int atKill = watch.stats().getInt("instances");
        cluster.brokers().killPrimary();
        assertTrue(atKill < archivedBefore + expected.size(), "the primary broker is killed mid-import");
        Duration takeover = cluster.brokers().awaitBackupActive(Duration.ofMinutes(2));
        long killed = System.nanoTime();
        JsonObject done = watch.awaitAll(archivedBefore + expected.size(), Duration.ofMinutes(8));
        System.out.printf("ClusterIT: primary broker killed with %d of %d instances archived, backup active after %d ms;"
                + " complete %.0f s later: %s%n", atKill - archivedBefore, expected.size(), takeover.toMillis(),
                (System.nanoTime() - killed) / 1e9, done.get("nodes"));
        long node2Now = seriesByNode(done).getOrDefault(cluster.nodeName(2), 0L);
        assertTrue(node2Now - node2Before >= 8, "node 2, back in the cluster, takes its share of new work: "
                + (node2Now - node2Before) + " of 40 series");
        return expected;
    }

    private static Map<String, Long> seriesByNode(JsonObject stats) {
        Map<String, Long> series = new HashMap<>();
        for (JsonValue node : stats.getJsonArray("nodes")) {
            JsonObject n = node.asJsonObject();
            series.put(n.getString("name"), n.getJsonNumber("seriesArchived").longValue());
        }
        return series;
    }

    private Process storescu(List<Path> files) throws Exception {
        List<String> command = new ArrayList<>(List.of("storescu", "-aet", "SCANNER1", "-aec", "NEUROARCHIVE", "127.0.0.1",
                Integer.toString(cluster.balancer().dicomPort())));
        files.forEach(f -> command.add(f.toString()));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(OwnServer.TARGET.resolve("cluster-storescu.log").toFile())).start();
    }
}

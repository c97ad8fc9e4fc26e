package org.neuroarchive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.neuroarchive.dicom.DicomReader;

/**
 * What a cluster test reads of the cluster: {@code /api/stats} through the balancer (any node answers,
 * and every node answers the same), the shared data folder and the database's prepared XA branches.
 * While it waits it notes how many nodes said they scan incomingdir at once.
 */
final class ClusterWatch {

    private final ArchiveApi api;
    private final Path data;
    private int mostScanners;

    ClusterWatch(ArchiveApi api, Path data) {
        this.api = api;
        this.data = data;
    }

    /** {@code /api/stats}, asked again while the balancer has no node to answer (a node just killed). */
    JsonObject stats() throws InterruptedException {
        for (int attempt = 0; ; attempt++) {
            try {
                ArchiveApi.Reply reply = api.get("/api/stats");
                if (reply.status() == 200) {
                    JsonObject stats = jakarta.json.Json.createReader(new java.io.StringReader(reply.body())).readObject();
                    int scanners = 0;
                    for (JsonValue node : stats.getJsonArray("nodes")) {
                        scanners += node.asJsonObject().getBoolean("scanner") ? 1 : 0;
                    }
                    mostScanners = Math.max(mostScanners, scanners);
                    return stats;
                }
            } catch (IOException e) {
                // the balancer found no node: asked again below
            }
            assertTrue(attempt < 120, "/api/stats did not answer through the balancer for a minute");
            Thread.sleep(500);
        }
    }

    int mostScannersSeenAtOnce() {
        return mostScanners;
    }

    /** Waits until {@code instances} are recorded and nothing is queued, waiting or claimed. */
    JsonObject awaitAll(int instances, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonObject stats = stats();
        while (!(stats.getInt("instances") == instances && idle(stats))) {
            assertTrue(System.nanoTime() < deadline, "the import did not finish (" + instances + " instances expected): " + stats);
            Thread.sleep(500);
            stats = stats();
        }
        return stats;
    }

    /** Waits until more instances are recorded than now (work goes on), at most {@code timeout}. */
    void awaitProgress(Duration timeout) throws Exception {
        int before = stats().getInt("instances");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (stats().getInt("instances") <= before) {
            assertTrue(System.nanoTime() < deadline, "no instance was archived for " + timeout + " while a node was away");
            Thread.sleep(500);
        }
    }

    private boolean idle(JsonObject stats) throws IOException {
        return stats.getInt("queuedSeries") == 0 && stats.getInt("waitingFiles") == 0 && files("incoming").isEmpty()
                && files("incoming.claimed").isEmpty();
    }

    /** The SOPInstanceUIDs of {@code files}. */
    Set<String> uids(List<Path> files) throws Exception {
        Set<String> uids = new HashSet<>();
        for (Path file : files) {
            uids.add(new DicomReader().readHeader(file).sopInstanceUid());
        }
        return uids;
    }

    /** The import log names both nodes among the lines that archived files. */
    void assertLogNamesNodes(Set<String> nodes) throws Exception {
        ArchiveApi.Reply reply = api.get("/api/import-logs?limit=1000");
        assertEquals(200, reply.status(), reply.body());
        Set<String> named = new HashSet<>();
        for (JsonValue line : reply.json().asJsonArray()) {
            JsonObject l = line.asJsonObject();
            if (l.containsKey("node") && !l.isNull("node")) {
                named.add(l.getString("node"));
            }
        }
        assertTrue(named.containsAll(nodes), "the import log names the nodes that wrote it: " + named);
    }

    /** The archive holds each expected instance once and nothing else but thumbnails; nothing failed or quarantined. */
    void assertArchiveHoldsExactly(Set<String> expected) throws Exception {
        JsonObject stats = stats();
        assertEquals(expected.size(), stats.getInt("instances"));
        assertEquals(0, stats.getInt("problemFiles"), "nothing quarantined");
        assertEquals(0, stats.getInt("failedSeries"));
        assertEquals(0, stats.getInt("heldSeries"));
        assertEquals(0, stats.getInt("duplicateFiles"), "no file archived twice");
        List<Path> archived = files("archive").stream().filter(p -> p.getParent().getFileName().toString().equals("dicom")).toList();
        assertEquals(expected.size(), archived.size(), "one file per instance");
        Set<String> uids = new HashSet<>();
        for (Path file : archived) {
            uids.add(new DicomReader().inspect(file).header().sopInstanceUid());
        }
        assertEquals(expected, uids);
    }

    /** Nothing left behind: no file waiting, claimed or arriving, no prepared branch, every node up. */
    void assertClean(List<String> nodes) throws Exception {
        assertEquals(List.of(), files("incoming"));
        assertEquals(List.of(), files("incoming.claimed"));
        assertEquals(List.of(), files("incoming.receiving"));
        assertEquals(List.of(), files("problem"));
        for (String node : nodes) {
            assertEquals(List.of(), ExternalBackends.preparedBranches(node), node + " left prepared branches");
        }
        JsonObject stats = stats();
        for (JsonValue node : stats.getJsonArray("nodes")) {
            assertTrue(node.asJsonObject().getBoolean("alive"), "every node is up again: " + stats.get("nodes"));
        }
        assertTrue(mostScanners <= 1, "one node scanned incomingdir at a time");
    }

    private List<Path> files(String folder) throws IOException {
        return Incoming.filesUnder(data.resolve(folder));
    }
}

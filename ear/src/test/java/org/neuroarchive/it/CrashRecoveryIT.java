package org.neuroarchive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.neuroarchive.dicom.DicomReader;
import org.neuroarchive.testing.SyntheticSeries;

/**
 * kill -9 of the server in the middle of a global import of several hundred files, then a restart:
 * the archive must end exactly as without the crash — every instance archived once, nothing left in
 * incomingdir or claim folders, no orphan or temporary files, database and files in agreement.
 */
class CrashRecoveryIT {

    private static final int SERIES = 8;
    private static final int PER_SERIES = 60;
    private static final Path TARGET = Path.of(System.getProperty("neuroarchive.it.ear")).getParent();

    private final Path data = TARGET.resolve("crash-data");
    private final ServerProcess server = new ServerProcess(Path.of(System.getProperty("jboss.home")),
            TARGET.resolve("crash-server"), data, 150);
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stopServer() throws InterruptedException {
        server.stop();
    }

    @Test
    void killedWhileArchivingTheArchiveEndsAsWithoutTheCrash() throws Exception {
        importKillRestartAndCompare(KillPoint.WHILE_ARCHIVING);
    }

    @Test
    void killedWhileClaimingTheArchiveEndsAsWithoutTheCrash() throws Exception {
        importKillRestartAndCompare(KillPoint.WHILE_CLAIMING);
    }

    /** When the server is killed. */
    private enum KillPoint {
        /** Some series archived, others queued: archive transactions committing, files moving. */
        WHILE_ARCHIVING,
        /** Series being claimed and queued, none archived yet. */
        WHILE_CLAIMING
    }

    private void importKillRestartAndCompare(KillPoint killPoint) throws Exception {
        server.prepare(Path.of(System.getProperty("neuroarchive.it.ear")));
        server.start(Duration.ofSeconds(180));

        Set<String> expected = new HashSet<>();
        Path source = TARGET.resolve("crash-source");
        SyntheticSeries subject = SyntheticSeries.mr().patient("NA-CRASH", "Crash^Test").size(128, 128);
        for (int s = 1; s <= SERIES; s++) {
            for (Path file : subject.series(s, "series " + s).instances(PER_SERIES).writeTo(source.resolve("s" + s), "i")) {
                expected.add(new DicomReader().readHeader(file).sopInstanceUid());
            }
        }
        Path drop = Files.createDirectories(data.resolve("drop"));
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = drop.resolve(source.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                Files.setLastModifiedTime(target, FileTime.from(Instant.now().minusSeconds(60)));
            }
        }
        Files.move(drop, data.resolve("incoming/batch"), StandardCopyOption.ATOMIC_MOVE);
        post("/api/incoming/scan");

        JsonObject atKill = awaitThenKill(killPoint);
        System.out.println("CrashRecoveryIT: killed with " + atKill);

        server.start(Duration.ofSeconds(180));
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        JsonObject stats = stats();
        while (!(stats.getInt("instances") == expected.size() && stats.getInt("queuedSeries") == 0
                && files(data.resolve("incoming")).isEmpty() && files(data.resolve("incoming.claimed")).isEmpty())) {
            assertTrue(System.nanoTime() < deadline, "the import did not finish after the restart: " + stats);
            Thread.sleep(250);
            stats = stats();
        }

        assertEquals(SERIES, stats.getInt("series"));
        assertEquals(1, stats.getInt("subjects"));
        assertEquals(0, stats.getInt("problemFiles"));
        assertEquals(0, stats.getInt("failedSeries"));
        // thumbnails and backup copies are made after each commit: give them a moment
        long settle = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        boolean backups = "true".equals(System.getenv("NEUROARCHIVE_BACKUP_ENABLED"));
        while ((thumbnails().size() < SERIES || backups && files(data.resolve("backup")).size() < expected.size())
                && System.nanoTime() < settle) {
            Thread.sleep(100);
        }
        List<Path> all = files(data.resolve("archive"));
        List<Path> archived = all.stream().filter(p -> p.getParent().getFileName().toString().equals("dicom")).toList();
        List<Path> thumbnails = all.stream().filter(p -> p.getFileName().toString().equals("thumb.png")).toList();
        assertEquals(expected.size(), archived.size(), "one file per instance, no orphans, no temporary files");
        assertEquals(SERIES, thumbnails.size(), "a thumbnail for every series, also the one interrupted by the kill");
        assertEquals(all.size(), archived.size() + thumbnails.size(), "nothing else in the archive: " + all);
        if (backups) {
            assertEquals(expected.size(), files(data.resolve("backup")).size(), "every instance in the backup copy");
        }
        Set<String> archivedUids = new HashSet<>();
        for (Path file : archived) {
            assertTrue(file.getFileName().toString().endsWith(".dcm"), file.toString());
            archivedUids.add(new DicomReader().inspect(file).header().sopInstanceUid());
        }
        assertEquals(expected, archivedUids);
    }

    /** Waits for the kill point, then kills the server; answers the stats seen just before. */
    private JsonObject awaitThenKill(KillPoint killPoint) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            JsonObject stats = stats();
            boolean reached = killPoint == KillPoint.WHILE_ARCHIVING
                    ? stats.getInt("instances") > 0
                    : stats.getInt("queuedSeries") > 0 || files(data.resolve("incoming.claimed")).size() > 0;
            if (reached) {
                server.kill();
                assertTrue(stats.getInt("instances") < SERIES * PER_SERIES,
                        "the import finished before the kill, so it proves nothing: " + stats);
                return stats;
            }
            Thread.sleep(killPoint == KillPoint.WHILE_CLAIMING ? 2 : 10);
        }
        throw new AssertionError("the import did not start");
    }

    private JsonObject stats() throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/stats")).build(),
                HttpResponse.BodyHandlers.ofString());
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    private void post(String path) throws IOException, InterruptedException {
        http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.discarding());
    }

    private List<Path> thumbnails() throws IOException {
        return files(data.resolve("archive")).stream().filter(p -> p.getFileName().toString().equals("thumb.png")).toList();
    }

    private static List<Path> files(Path dir) throws IOException {
        return Incoming.filesUnder(dir).stream().filter(p -> !p.toString().contains("/db/")).toList();
    }
}

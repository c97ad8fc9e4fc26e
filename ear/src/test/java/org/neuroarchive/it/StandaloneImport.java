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
import org.neuroarchive.dicom.DicomReader;
import org.neuroarchive.testing.SyntheticSeries;

/**
 * A global import on a {@link TestServer} that a test disturbs (kill, broker restart, database
 * outage): synthetic series dropped into its incomingdir, its statistics, and the check that its
 * archive ends exactly as without the disturbance.
 */
final class StandaloneImport {

    private static final Duration IDLE = Duration.ofSeconds(60);

    private final TestServer server;
    private final Path data;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    StandaloneImport(TestServer server, Path data) {
        this.server = server;
        this.data = data;
    }

    /** Writes {@code count} series of {@code perSeries} MR instances, numbered from {@code first}; answers their SOPInstanceUIDs. */
    Set<String> writeSeries(Path source, String patientId, int first, int count, int perSeries) throws Exception {
        Set<String> uids = new HashSet<>();
        SyntheticSeries subject = SyntheticSeries.mr().patient(patientId, "Outage^Test").size(128, 128);
        for (int s = first; s < first + count; s++) {
            for (Path file : subject.series(s, "series " + s).instances(perSeries).writeTo(source.resolve("s" + s), "i")) {
                uids.add(new DicomReader().readHeader(file).sopInstanceUid());
            }
        }
        return uids;
    }

    /** Copies the tree {@code source}, already settled, into incomingdir as {@code name} by one atomic rename. */
    void drop(Path source, String name) throws IOException {
        Path drop = Files.createDirectories(data.resolve("drop-" + name));
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = drop.resolve(source.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                Files.setLastModifiedTime(target, FileTime.from(Instant.now().minusSeconds(60)));
            }
        }
        Files.createDirectories(data.resolve("incoming"));
        Files.move(drop, data.resolve("incoming").resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    void scan() throws IOException, InterruptedException {
        http.send(Credentials.asAdmin(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/incoming/scan")))
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.discarding());
    }

    /** {@code GET /api/health/WHICH} ({@code ready} or {@code live}) without a login: its status and body. */
    HttpResponse<String> health(String which) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/health/" + which))
                .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** {@code /api/stats}; fails when the server cannot answer (e.g. its database is down). */
    JsonObject stats() throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(Credentials.asAdmin(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/stats")))
                .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("/api/stats answered " + response.statusCode());
        }
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    /** Waits until the first instance is archived (the import has begun, and most of it still waits); answers the statistics then. */
    JsonObject awaitArchivingStarted(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            JsonObject stats = stats();
            if (stats.getInt("instances") > 0) {
                return stats;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("the import did not start within " + timeout);
    }

    /**
     * Waits until every expected instance is archived and nothing is queued, waiting or claimed; fails
     * early when nothing has been left to import for {@link #IDLE} while instances are still missing. A
     * request that fails meanwhile is asked again ({@link #statsBy}): right after its database connections
     * were cut, a server answers a request or two with 500.
     */
    JsonObject awaitAll(Set<String> expected, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long idleSince = System.nanoTime();
        JsonObject stats = statsBy(deadline);
        for (boolean idle = idle(stats); !(stats.getInt("instances") == expected.size() && idle); idle = idle(stats)) {
            assertTrue(System.nanoTime() < deadline, "the import did not finish: " + stats);
            if (!idle) {
                idleSince = System.nanoTime();
            }
            assertTrue(System.nanoTime() - idleSince < IDLE.toNanos(), "nothing is left to import, yet " + stats.getInt("instances")
                    + " instances are recorded instead of " + expected.size() + ": " + stats);
            Thread.sleep(250);
            stats = statsBy(deadline);
        }
        return stats;
    }

    /** The statistics, asked again after a failed request until {@code deadline} (nanoTime); the last failure then. */
    private JsonObject statsBy(long deadline) throws IOException, InterruptedException {
        while (true) {
            try {
                return stats();
            } catch (IOException failed) {
                if (System.nanoTime() >= deadline) {
                    throw failed;
                }
                System.out.println("StandaloneImport: " + failed.getMessage() + "; asking again");
                Thread.sleep(1_000);
            }
        }
    }

    /** No series queued, no file waiting in incomingdir or in a claim folder. */
    private boolean idle(JsonObject stats) throws IOException {
        return stats.getInt("queuedSeries") == 0 && files(data.resolve("incoming")).isEmpty()
                && files(data.resolve("incoming.claimed")).isEmpty();
    }

    /**
     * The archive holds each expected instance once and nothing else but one thumbnail per series
     * (and, when enabled, the backup copy of every instance); one subject, no problem files, no failed series.
     */
    void assertArchiveHoldsExactly(Set<String> expected, int series) throws Exception {
        JsonObject stats = stats();
        assertEquals(series, stats.getInt("series"));
        assertEquals(1, stats.getInt("subjects"));
        assertEquals(0, stats.getInt("problemFiles"));
        assertEquals(0, stats.getInt("failedSeries"));
        // thumbnails and backup copies are made after each commit: give them a moment
        long settle = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        boolean backups = "true".equals(System.getenv("NEUROARCHIVE_BACKUP_ENABLED"));
        while ((thumbnails().size() < series || backups && files(data.resolve("backup")).size() < expected.size())
                && System.nanoTime() < settle) {
            Thread.sleep(100);
        }
        List<Path> all = files(data.resolve("archive"));
        List<Path> archived = all.stream().filter(p -> p.getParent().getFileName().toString().equals("dicom")).toList();
        List<Path> thumbnails = thumbnails();
        assertEquals(expected.size(), archived.size(), "one file per instance, no orphans, no temporary files");
        assertEquals(series, thumbnails.size(), "a thumbnail for every series, also the interrupted ones");
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

    List<Path> files(Path dir) throws IOException {
        return Incoming.filesUnder(dir).stream().filter(p -> !p.toString().contains("/db/")).toList();
    }

    private List<Path> thumbnails() throws IOException {
        return files(data.resolve("archive")).stream().filter(p -> p.getFileName().toString().equals("thumb.png")).toList();
    }
}

package org.neuroarchive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pixelmed.dicom.SOPClass;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
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
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.neuroarchive.testing.SyntheticSeries;

/**
 * Per-series details end to end: acquisition parameters and validity over REST, {@code thumb.png} beside
 * {@code dicom/}, the backup copy (the test server runs with NEUROARCHIVE_BACKUP_ENABLED=true). Counts are
 * relative to what the archive held before each test: the IT classes share one server and data directory.
 */
@ExtendWith(ArquillianExtension.class)
class SeriesDetailsIT {

    private static final Path DATA = Path.of(System.getProperty("neuroarchive.it.data-dir"));
    private static final Path INCOMING = DATA.resolve("incoming");
    private static final Path SOURCE = DATA.resolve("details-source");
    private static final Duration WITHIN = Duration.ofSeconds(60);

    private final ArchiveApi api = new ArchiveApi();
    private final String baseUrl = System.getProperty("neuroarchive.it.base-url", "http://127.0.0.1:8180/neuroarchive");

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Incoming.builtEar();
    }

    @Test
    void anEpiSeriesShowsItsParametersValidityThumbnailAndBackup() throws Exception {
        SyntheticSeries bold = SyntheticSeries.mr().patient("NA-IT-DETAILS-MR", "Mr^Details")
                .study(SyntheticSeries.newUid(), "20260401", "080000", "Brain^Research")
                .series(11, "BOLD rest").size(64, 64).instances(6).slicesPerVolume(3)
                .with("RepetitionTime", "2000").with("EchoTime", "30").with("FlipAngle", "77")
                .with("MagneticFieldStrength", "3").with("ScanningSequence", "EP").with("SequenceName", "*epfid2d1_64")
                .with("ImageType", "ORIGINAL\\PRIMARY\\M\\ND").with("PixelBandwidth", "2298");
        archive(bold, 6);

        JsonObject series = seriesWithUid(bold.seriesInstanceUid());
        JsonObject parameters = series.getJsonObject("parameters");
        assertEquals(2000.0, parameters.getJsonNumber("repetitionTime").doubleValue());
        assertEquals(30.0, parameters.getJsonNumber("echoTime").doubleValue());
        assertEquals(77.0, parameters.getJsonNumber("flipAngle").doubleValue());
        assertEquals(3.0, parameters.getJsonNumber("magneticFieldStrength").doubleValue());
        assertEquals("*epfid2d1_64", parameters.getString("sequenceName"));
        assertEquals(3, parameters.getInt("numberOfSlices"));
        assertEquals(2, parameters.getInt("boldRepetitions"), "6 files over 3 slice positions");
        assertEquals(64, series.getInt("rows"));
        assertEquals("t1_mprage_sag", series.getString("protocol"));
        assertTrue(series.getBoolean("valid"));
        assertEquals(0, series.getInt("missingInstanceCount"));
        assertEquals(List.of(), series.getJsonArray("missingInstanceNumbers"));

        Path seriesDir = DATA.resolve("archive").resolve(series.getString("archivePath"));
        awaitFile(seriesDir.resolve("thumb.png"));
        assertNotNull(ImageIO.read(seriesDir.resolve("thumb.png").toFile()), "thumb.png is a PNG");
        assertTrue(seriesWithUid(bold.seriesInstanceUid()).getBoolean("thumbnail"));
        HttpResponse<byte[]> png = HttpClient.newHttpClient().send(Credentials.asAdmin(HttpRequest.newBuilder(
                URI.create(baseUrl + "/api/series/" + series.getInt("id") + "/thumbnail"))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, png.statusCode());
        assertEquals("image/png", png.headers().firstValue("Content-Type").orElse(""));
        assertNotNull(ImageIO.read(new ByteArrayInputStream(png.body())));

        Path backup = DATA.resolve("backup").resolve(series.getString("archivePath"));
        awaitFileCount(backup, 6);
        assertEquals(names(seriesDir.resolve("dicom")), names(backup), "backupdir holds dicom/* of the series");
    }

    @Test
    void gapsInInstanceNumbersMakeASeriesInvalidUntilTheyArrive() throws Exception {
        SyntheticSeries gappy = SyntheticSeries.mr().patient("NA-IT-DETAILS-GAP", "Gap^Gus")
                .study(SyntheticSeries.newUid(), "20260402", "090000", "Brain^Research")
                .series(4, "T2").instanceNumbers(1, 2, 4, 7);
        archive(gappy, 4);

        JsonObject invalid = seriesWithUid(gappy.seriesInstanceUid());
        assertFalse(invalid.getBoolean("valid"));
        assertEquals(3, invalid.getInt("missingInstanceCount"));
        assertEquals(List.of(3, 5, 6), invalid.getJsonArray("missingInstanceNumbers").getValuesAs(
                jakarta.json.JsonNumber.class).stream().map(jakarta.json.JsonNumber::intValue).toList());

        archive(gappy.instanceNumbers(3, 5, 6), 3);

        JsonObject complete = seriesWithUid(gappy.seriesInstanceUid());
        assertEquals(7, complete.getInt("fileCount"));
        assertTrue(complete.getBoolean("valid"), "validity counts the instances of earlier imports too");
        assertEquals(0, complete.getInt("missingInstanceCount"));
    }

    @Test
    void ctParametersAndAnImagePixelMedCannotDisplayStillArchive() throws Exception {
        SyntheticSeries ct = SyntheticSeries.mr().patient("NA-IT-DETAILS-CT", "Ct^Cora")
                .modality("CT", SOPClass.CTImageStorage)
                .study(SyntheticSeries.newUid(), "20260403", "100000", "Head^CT")
                .series(2, "Head 5mm").instances(3).bitsAllocated(32)
                .with("KVP", "120").with("Exposure", "300").with("XRayTubeCurrent", "250")
                .with("ConvolutionKernel", "H30s").with("BodyPartExamined", "HEAD");
        archive(ct, 3);

        JsonObject series = seriesWithUid(ct.seriesInstanceUid());
        JsonObject parameters = series.getJsonObject("parameters");
        assertEquals(120.0, parameters.getJsonNumber("kvp").doubleValue());
        assertEquals(300.0, parameters.getJsonNumber("exposure").doubleValue());
        assertEquals(250.0, parameters.getJsonNumber("xRayTubeCurrent").doubleValue());
        assertEquals("H30s", parameters.getString("convolutionKernel"));
        assertEquals("HEAD", parameters.getString("bodyPartExamined"));
        assertFalse(parameters.containsKey("repetitionTime"), "no MR parameters on a CT");
        assertTrue(series.getBoolean("valid"));
        assertEquals(3, series.getInt("fileCount"));

        Path seriesDir = DATA.resolve("archive").resolve(series.getString("archivePath"));
        awaitFileCount(DATA.resolve("backup").resolve(series.getString("archivePath")), 3); // after-commit work done
        assertFalse(Files.exists(seriesDir.resolve("thumb.png")), "32-bit pixels: no thumbnail, no failure");
        assertFalse(seriesWithUid(ct.seriesInstanceUid()).getBoolean("thumbnail"));
        ArchiveApi.Reply missing = api.get("/api/series/" + series.getInt("id") + "/thumbnail");
        assertEquals(404, missing.status());
        assertTrue(missing.contentType().startsWith("application/problem+json"), missing.contentType());
        assertEquals(0, api.stats().getInt("failedSeries"));
    }

    /** Drops the series into incomingdir and waits until {@code expected} more instances are archived. */
    private void archive(SyntheticSeries series, int expected) throws Exception {
        JsonObject before = api.stats();
        Path folder = SOURCE.resolve(series.seriesInstanceUid() + "-" + System.nanoTime());
        for (Path file : series.writeTo(folder, "d")) {
            Path staged = file.resolveSibling("." + file.getFileName() + ".tmp");
            Files.copy(file, staged, StandardCopyOption.REPLACE_EXISTING);
            Files.setLastModifiedTime(staged, FileTime.from(Instant.now().minusSeconds(60)));
            Path target = INCOMING.resolve(folder.getFileName()).resolve(file.getFileName());
            Files.createDirectories(target.getParent());
            Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
        }
        assertEquals(202, api.post("/api/incoming/scan").status());
        api.awaitStats(s -> s.getInt("instances") - before.getInt("instances") >= expected
                && s.getInt("queuedSeries") == 0, WITHIN);
    }

    /** The series with this SeriesInstanceUid, found through {@code GET /api/series/{id}} (there is no search yet). */
    private JsonObject seriesWithUid(String uid) throws Exception {
        int total = api.stats().getInt("series");
        int found = 0;
        for (int id = 1; found < total && id <= total + 100; id++) {
            ArchiveApi.Reply reply = api.get("/api/series/" + id);
            if (reply.status() == 200) {
                found++;
                JsonObject series = reply.json().asJsonObject();
                if (series.getString("seriesInstanceUid").equals(uid)) {
                    return series;
                }
            }
        }
        throw new AssertionError("no series with SeriesInstanceUID " + uid);
    }

    private static void awaitFile(Path file) throws InterruptedException {
        long deadline = System.nanoTime() + WITHIN.toNanos();
        while (!Files.isRegularFile(file)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(file + " did not appear within " + WITHIN);
            }
            Thread.sleep(200);
        }
    }

    private static void awaitFileCount(Path dir, int count) throws Exception {
        long deadline = System.nanoTime() + WITHIN.toNanos();
        while (names(dir).size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(dir + " holds " + names(dir) + ", expected " + count + " files");
            }
            Thread.sleep(200);
        }
    }

    private static List<String> names(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}

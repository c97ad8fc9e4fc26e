package org.neuroarchive.metrics.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroarchive.testing.TestDatabase;

/** Counters move when the transaction commits, never for one that rolled back; the durations count either way. */
class PipelineMetricsTest {

    private final PrometheusMeterRegistry registry = MetricsRegistry.create("node-a");

    @TempDir
    Path dir;

    @Test
    void committedArchiveIsCountedAfterTheCommit() throws Exception {
        Path file = landed("a.dcm", 30);
        TestDatabase.shared().run(tx -> {
            PipelineMetrics metrics = new PipelineMetrics(registry, tx);
            metrics.archiveBegins(List.of(file)).ended(3, 1, true, false);
            metrics.quarantined("not a DICOM file (no DICM prefix at byte 128)");
            assertEquals(0, count(MeterNames.INSTANCES_ARCHIVED), "nothing before the commit");
            assertEquals(0, registry.counter(MeterNames.FILES_QUARANTINED, "reason", "not_dicom").count());
        });
        assertEquals(3, count(MeterNames.INSTANCES_ARCHIVED));
        assertEquals(1, count(MeterNames.INSTANCES_DUPLICATE));
        assertEquals(1, count(MeterNames.SERIES_ARCHIVED));
        assertEquals(0, count(MeterNames.SERIES_HELD));
        assertEquals(1, registry.counter(MeterNames.FILES_QUARANTINED, "reason", "not_dicom").count());
        assertEquals(1, transactions("committed").count());
        Timer landing = registry.find(MeterNames.LANDING_TO_QUERYABLE).timer();
        assertEquals(1, landing.count());
        double seconds = landing.totalTime(java.util.concurrent.TimeUnit.SECONDS);
        assertTrue(seconds >= 29 && seconds < 60, "from the file's modification time to the commit: " + seconds);
    }

    @Test
    void rolledBackArchiveCountsOnlyItsDuration() throws Exception {
        Path file = landed("b.dcm", 5);
        assertThrows(IllegalStateException.class, () -> TestDatabase.shared().run(tx -> {
            PipelineMetrics metrics = new PipelineMetrics(registry, tx);
            metrics.archiveBegins(List.of(file)).ended(2, 0, true, false);
            metrics.quarantined("truncated: the file ends inside an attribute");
            metrics.attemptFailed(false);
            throw new IllegalStateException("archive storage failed");
        }));
        assertEquals(0, count(MeterNames.INSTANCES_ARCHIVED));
        assertEquals(0, count(MeterNames.SERIES_ARCHIVED));
        assertEquals(0, count(MeterNames.SERIES_RETRIED));
        assertEquals(0, registry.counter(MeterNames.FILES_QUARANTINED, "reason", "incomplete").count());
        assertEquals(1, transactions("rolled_back").count());
        assertNull(registry.find(MeterNames.ARCHIVE_TRANSACTION).tag("outcome", "committed").timer());
    }

    @Test
    void heldSeriesAndFailedAttemptsAreCountedApart() throws Exception {
        TestDatabase.shared().run(tx -> {
            PipelineMetrics metrics = new PipelineMetrics(registry, tx);
            metrics.archiveBegins(List.of()).ended(0, 0, false, true);
            metrics.attemptFailed(false);
            metrics.attemptFailed(true);
        });
        assertEquals(1, count(MeterNames.SERIES_HELD));
        assertEquals(0, count(MeterNames.SERIES_ARCHIVED));
        assertEquals(1, count(MeterNames.SERIES_RETRIED));
        assertEquals(1, count(MeterNames.SERIES_FAILED));
        assertNull(registry.find(MeterNames.LANDING_TO_QUERYABLE).timer(), "nothing became queryable");
    }

    @Test
    void anUploadCountsItsBytesOnceItsImportIsQueued() throws Exception {
        TestDatabase.shared().run(tx -> {
            new PipelineMetrics(registry, tx).uploaded(1234);
            assertEquals(0, count(MeterNames.UPLOADS));
        });
        new PipelineMetrics(registry, null).uploaded(66); // outside a transaction: at once
        assertEquals(2, count(MeterNames.UPLOADS));
        assertTrue(MetricsRegistry.scrape(registry, null).text().lines()
                .anyMatch("neuroarchive_upload_received_bytes_total{node=\"node-a\"} 1300.0"::equals));
    }

    @Test
    void scrapeIsPrometheusTextWithTheNodeAndBuckets() throws Exception {
        TestDatabase.shared().run(tx -> new PipelineMetrics(registry, tx).archiveBegins(List.of()).ended(4, 0, true, false));
        MetricsRegistry.Scrape scrape = MetricsRegistry.scrape(registry, "text/plain;q=0.9,*/*;q=0.1");
        assertEquals("text/plain; version=0.0.4; charset=utf-8", scrape.contentType());
        List<String> lines = scrape.text().lines().toList();
        assertTrue(lines.contains("neuroarchive_instances_archived_total{node=\"node-a\"} 4.0"), scrape.text());
        assertTrue(lines.contains("# TYPE neuroarchive_archive_transaction_seconds histogram"), scrape.text());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("neuroarchive_archive_transaction_seconds_bucket{")
                && l.contains("le=\"0.25\"") && l.contains("outcome=\"committed\"")), scrape.text());
        MetricsRegistry.Scrape open = MetricsRegistry.scrape(registry, "application/openmetrics-text; version=1.0.0");
        assertTrue(open.contentType().startsWith("application/openmetrics-text"));
        assertTrue(open.text().strip().endsWith("# EOF"), open.text());
    }

    private double count(String name) {
        return registry.find(name).counters().stream().mapToDouble(c -> c.count()).sum();
    }

    private Timer transactions(String outcome) {
        return registry.find(MeterNames.ARCHIVE_TRANSACTION).tag("outcome", outcome).timer();
    }

    private Path landed(String name, int secondsAgo) throws IOException {
        Path file = Files.writeString(dir.resolve(name), "x");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(secondsAgo)));
        return file;
    }
}

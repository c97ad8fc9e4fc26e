package org.neuroarchive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neuroarchive.it.Incoming.DATA;
import static org.neuroarchive.it.Incoming.drop;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.neuroarchive.testing.SyntheticSeries;

/**
 * {@code GET /api/metrics}: Prometheus text for a key with only the role {@code metrics} (and an
 * admin), 403 for a viewer, 401 for nobody; after a small import through incomingdir the counters
 * have moved by exactly what was archived and quarantined.
 */
@ExtendWith(ArquillianExtension.class)
class MetricsIT {

    private static final Path SOURCE = DATA.resolve("metrics-source");
    private static final Duration WITHIN = Duration.ofSeconds(60);
    private static final String COMMITTED = "neuroarchive_archive_transaction_seconds_count";

    private final ArchiveApi api = new ArchiveApi();
    private final AdminCalls admin = new AdminCalls(api);

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Incoming.builtEar();
    }

    @Test
    void onlyTheMetricsRoleAndAdminsReadTheMetrics() throws Exception {
        String viewer = AdminCalls.unique("watcher");
        admin.createUser(viewer, "viewer");
        ArchiveApi.Reply refused = api.as(AdminCalls.basic(viewer)).get("/api/metrics");
        assertEquals(403, refused.status(), refused.body());
        assertTrue(refused.contentType().startsWith("application/problem+json"), refused.contentType());
        assertEquals(401, api.as("Bearer na_nothing").get("/api/metrics").status());
        ArchiveApi.Reply asAdmin = api.get("/api/metrics");
        assertEquals(200, asAdmin.status(), asAdmin.body());
        ArchiveApi asKey = metricsKey();
        assertEquals(403, asKey.get("/api/users").status(), "the metrics role is no administrator");
    }

    @Test
    void countersMoveByExactlyWhatWasArchivedAndQuarantined() throws Exception {
        ArchiveApi asKey = metricsKey();
        PrometheusText before = scrape(asKey);
        SyntheticSeries subject = SyntheticSeries.mr().patient("NA-IT-METRICS", "Metrics^Mia")
                .study(SyntheticSeries.newUid(), "20260401", "101500", "Brain^Research");
        List<Path> s1 = subject.series(1, "T1 MPRAGE").instances(4).writeTo(SOURCE, "m1");
        List<Path> s2 = subject.series(2, "BOLD rest").instances(3).writeTo(SOURCE, "m2");
        Path notes = Files.writeString(SOURCE.resolve("metrics-notes.txt"), "not an image\n");
        JsonObject baseline = api.stats();
        drop(s1, "metrics/m1");
        drop(s2, "metrics/m2");
        drop(List.of(notes), "metrics");
        assertEquals(202, api.post("/api/incoming/scan").status());
        api.awaitStats(s -> s.getInt("instances") - baseline.getInt("instances") == 7
                && s.getInt("problemFiles") - baseline.getInt("problemFiles") == 1 && s.getInt("queuedSeries") == 0, WITHIN);

        // the counters move after the commit: wait for them, then for nothing more
        PrometheusText after = awaitScrape(asKey, m -> m.sum(COMMITTED, Map.of("outcome", "committed"))
                - before.sum(COMMITTED, Map.of("outcome", "committed")) >= 2);
        Thread.sleep(1000);
        after = scrape(asKey);
        assertEquals(7, delta(before, after, "neuroarchive_instances_archived_total", Map.of()));
        assertEquals(2, delta(before, after, "neuroarchive_series_archived_total", Map.of()));
        assertEquals(0, delta(before, after, "neuroarchive_instances_duplicate_total", Map.of()));
        assertEquals(0, delta(before, after, "neuroarchive_series_held_total", Map.of()));
        assertEquals(1, delta(before, after, "neuroarchive_files_quarantined_total", Map.of("reason", "not_dicom")));
        assertEquals(1, delta(before, after, "neuroarchive_files_quarantined_total", Map.of()));
        assertEquals(2, delta(before, after, COMMITTED, Map.of("outcome", "committed")));
        assertEquals(0, delta(before, after, COMMITTED, Map.of("outcome", "rolled_back")));
        assertEquals(2, delta(before, after, "neuroarchive_landing_to_queryable_seconds_count", Map.of()));
        assertEquals(2, delta(before, after, "neuroarchive_landing_to_queryable_seconds_bucket", Map.of("le", "+Inf")));
        assertHistogramsAreConsistent(after);
    }

    /**
     * A series whose archive transaction fails (a file where its series folder must go) is retried: each
     * rolled-back attempt counts as a retry and a rolled-back transaction, never as archived instances;
     * once it archives, its instances count once.
     */
    @Test
    void aRolledBackArchiveIsNotCountedUntilItCommits() throws Exception {
        ArchiveApi asKey = metricsKey();
        SyntheticSeries subject = SyntheticSeries.mr().patient("NA-IT-METRICS-R", "Retry^Rita")
                .study(SyntheticSeries.newUid(), "20260402", "090000", "Brain^Research");
        PrometheusText before = scrape(asKey);
        drop(subject.series(1, "T1").instances(3).writeTo(SOURCE.resolve("r1"), "r1"), "metrics/r1");
        assertEquals(202, api.post("/api/incoming/scan").status());
        String uid = api.awaitSubject("NA-IT-METRICS-R", WITHIN);
        Path blocker = Incoming.ARCHIVE.resolve(uid).resolve("1").resolve("2");
        Files.writeString(blocker, "a file where the series folder must go: the archive transaction fails");
        try {
            drop(subject.series(2, "FLAIR").instances(2).writeTo(SOURCE.resolve("r2"), "r2"), "metrics/r2");
            assertEquals(202, api.post("/api/incoming/scan").status());
            PrometheusText failing = awaitScrape(asKey,
                    m -> delta(before, m, "neuroarchive_series_retried_total", Map.of()) >= 2);
            assertTrue(delta(before, failing, "neuroarchive_series_retried_total", Map.of()) >= 2, "retried");
            assertEquals(3, delta(before, failing, "neuroarchive_instances_archived_total", Map.of()),
                    "the failing series' instances are not counted");
        } finally {
            Files.delete(blocker);
        }
        PrometheusText after = awaitScrape(asKey, m -> delta(before, m, "neuroarchive_series_archived_total", Map.of()) >= 2);
        Thread.sleep(1000);
        after = scrape(asKey);
        assertEquals(5, delta(before, after, "neuroarchive_instances_archived_total", Map.of()));
        assertEquals(2, delta(before, after, "neuroarchive_series_archived_total", Map.of()));
        assertEquals(2, delta(before, after, COMMITTED, Map.of("outcome", "committed")));
        assertEquals(2, delta(before, after, "neuroarchive_landing_to_queryable_seconds_count", Map.of()));
        double rolledBack = delta(before, after, COMMITTED, Map.of("outcome", "rolled_back"));
        assertTrue(rolledBack >= 2, "rolled back: " + rolledBack);
        assertEquals(rolledBack, delta(before, after, "neuroarchive_series_retried_total", Map.of())
                + delta(before, after, "neuroarchive_series_failed_total", Map.of()), "each rollback is one failed attempt");
    }

    @Test
    void theTextIsPrometheusExpositionFormatWithTheNodeOnEverySample() throws Exception {
        ArchiveApi asKey = metricsKey();
        ArchiveApi.Reply reply = asKey.get("/api/metrics");
        assertEquals(200, reply.status(), reply.body());
        assertEquals("text/plain;version=0.0.4;charset=utf-8", reply.contentType().replace(" ", "").toLowerCase());
        PrometheusText text = PrometheusText.parse(reply.body());
        assertFalse(text.samples.isEmpty());
        Set<String> nodes = text.samples.stream().map(s -> s.labels().get("node")).collect(Collectors.toSet());
        assertEquals(1, nodes.size(), "one node, named on every sample: " + nodes);
        assertFalse(nodes.iterator().next() == null || nodes.iterator().next().isBlank());
        assertTrue(text.samples.stream().allMatch(s -> s.name().startsWith("neuroarchive_")), "every name is prefixed");
        for (String name : List.of("neuroarchive_queue_series", "neuroarchive_problem_files", "neuroarchive_incoming_waiting_files",
                "neuroarchive_receiver_associations_total", "neuroarchive_receiver_associations_active",
                "neuroarchive_receiver_received_bytes_total", "neuroarchive_upload_received_bytes_total",
                "neuroarchive_series_retried_total", "neuroarchive_series_failed_total", "neuroarchive_jvm_memory_used_bytes")) {
            assertTrue(text.samples.stream().anyMatch(s -> s.name().equals(name)), name + " is exported");
        }
        assertEquals("histogram", text.types.get("neuroarchive_archive_transaction_seconds"));

        ArchiveApi.Reply open = asKey.send(asKey.request("/api/metrics")
                .header("Accept", "application/openmetrics-text; version=1.0.0").GET().build());
        assertEquals(200, open.status(), open.body());
        assertTrue(open.contentType().startsWith("application/openmetrics-text"), open.contentType());
        assertTrue(open.body().strip().endsWith("# EOF"));
    }

    /** An API key with the site role metrics only. */
    private ArchiveApi metricsKey() throws IOException, InterruptedException {
        ArchiveApi.Reply created = admin.createKey(AdminCalls.unique("prometheus"), List.of("metrics"), null);
        assertEquals(201, created.status(), created.body());
        assertEquals(List.of("metrics"), AdminCalls.strings(created.json().asJsonObject().getJsonArray("roles")));
        return api.as("Bearer " + created.json().asJsonObject().getString("key"));
    }

    private static PrometheusText scrape(ArchiveApi asKey) throws IOException, InterruptedException {
        ArchiveApi.Reply reply = asKey.get("/api/metrics");
        assertEquals(200, reply.status(), reply.body());
        return PrometheusText.parse(reply.body());
    }

    private static PrometheusText awaitScrape(ArchiveApi asKey, Predicate<PrometheusText> condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        PrometheusText last = scrape(asKey);
        while (!condition.test(last) && System.nanoTime() < deadline) {
            Thread.sleep(250);
            last = scrape(asKey);
        }
        return last;
    }

    private static double delta(PrometheusText before, PrometheusText after, String name, Map<String, String> labels) {
        return after.sum(name, labels) - before.sum(name, labels);
    }

    /** Buckets never decrease and the +Inf bucket equals the count, for every histogram series. */
    private static void assertHistogramsAreConsistent(PrometheusText text) {
        for (String family : List.of("neuroarchive_archive_transaction_seconds", "neuroarchive_landing_to_queryable_seconds")) {
            List<PrometheusText.Sample> buckets = text.samples.stream().filter(s -> s.name().equals(family + "_bucket")).toList();
            assertFalse(buckets.isEmpty(), family);
            Map<Map<String, String>, List<PrometheusText.Sample>> bySeries = buckets.stream().collect(Collectors.groupingBy(
                    s -> s.labels().entrySet().stream().filter(e -> !e.getKey().equals("le"))
                            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue))));
            bySeries.forEach((labels, series) -> {
                double previous = 0;
                for (PrometheusText.Sample bucket : series) {
                    assertTrue(bucket.value() >= previous, family + " buckets never decrease: " + series);
                    previous = bucket.value();
                }
                assertEquals("+Inf", series.get(series.size() - 1).labels().get("le"));
                assertEquals(text.sum(family + "_count", labels), previous, family + " +Inf = count " + labels);
            });
        }
    }
}

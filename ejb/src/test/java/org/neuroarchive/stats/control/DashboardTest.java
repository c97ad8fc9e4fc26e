package org.neuroarchive.stats.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.neuroarchive.importing.entity.ClaimedSeries;
import org.neuroarchive.metrics.control.MetricsRegistry;
import org.neuroarchive.metrics.control.PipelineMetrics;
import org.neuroarchive.receiver.control.ReceiverStatus;

/**
 * server-config/grafana/neuroarchive-dashboard.json parses, takes its Prometheus data source from a
 * variable, and every query names only metrics this application exports (the names of a scrape of a
 * registry with every meter registered, as the server's).
 */
class DashboardTest {

    private static final Path DASHBOARD = Path.of("..", "server-config", "grafana", "neuroarchive-dashboard.json");
    private static final Pattern METRIC = Pattern.compile("\\bneuroarchive_[a-z0-9_]+");

    @Test
    void everyPanelQueriesOnlyExportedMetrics() throws IOException {
        Set<String> exported = exportedNames();
        JsonObject dashboard = read(DASHBOARD);
        List<String> exprs = new ArrayList<>();
        for (JsonValue panel : dashboard.getJsonArray("panels")) {
            JsonObject p = panel.asJsonObject();
            assertEquals("${datasource}", p.getJsonObject("datasource").getString("uid"), p.getString("title"));
            assertFalse(p.getJsonArray("targets").isEmpty(), p.getString("title"));
            p.getJsonArray("targets").forEach(t -> exprs.add(t.asJsonObject().getString("expr")));
        }
        dashboard.getJsonObject("templating").getJsonArray("list").stream().map(JsonValue::asJsonObject)
                .filter(v -> v.containsKey("definition")).forEach(v -> exprs.add(v.getString("definition")));
        Set<String> used = new TreeSet<>();
        for (String expr : exprs) {
            Matcher m = METRIC.matcher(expr);
            assertTrue(m.find(), "a query without a NeuroArchive metric: " + expr);
            do {
                used.add(m.group());
            } while (m.find());
        }
        Set<String> unknown = new TreeSet<>(used);
        unknown.removeAll(exported);
        assertEquals(Set.of(), unknown, "queried but not exported; exported: " + exported);
        assertTrue(used.containsAll(Set.of("neuroarchive_instances_archived_total", "neuroarchive_files_quarantined_total",
                "neuroarchive_archive_transaction_seconds_bucket", "neuroarchive_landing_to_queryable_seconds_bucket",
                "neuroarchive_queue_series", "neuroarchive_incoming_waiting_files",
                "neuroarchive_receiver_associations_active", "neuroarchive_receiver_received_bytes_total")), used.toString());
    }

    @Test
    void theDataSourceIsAVariable() throws IOException {
        List<String> variables = read(DASHBOARD).getJsonObject("templating").getJsonArray("list").stream()
                .map(JsonValue::asJsonObject).filter(v -> "datasource".equals(v.getString("type")))
                .map(v -> v.getString("query")).toList();
        assertEquals(List.of("prometheus"), variables);
    }

    /** The sample names of a scrape with every meter of the server registered. */
    static Set<String> exportedNames() {
        PrometheusMeterRegistry registry = MetricsRegistry.create("test");
        try (JvmGcMetrics gc = MetricsRegistry.bindJvm(registry)) {
            new PipelineMetrics(registry, null).registerAll();
            Map<ClaimedSeries.Status, AtomicLong> queues = new EnumMap<>(ClaimedSeries.Status.class);
            queues.put(ClaimedSeries.Status.QUEUED, new AtomicLong());
            PipelineFigures.registerLevels(registry, queues, new AtomicLong(), new AtomicLong(), new ReceiverStatus());
            return registry.scrape().lines().filter(l -> !l.startsWith("#") && !l.isBlank())
                    .map(l -> l.split("[{ ]", 2)[0]).collect(Collectors.toCollection(TreeSet::new));
        } finally {
            registry.close();
        }
    }

    private static JsonObject read(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file); JsonReader json = Json.createReader(in)) {
            return json.readObject();
        }
    }
}

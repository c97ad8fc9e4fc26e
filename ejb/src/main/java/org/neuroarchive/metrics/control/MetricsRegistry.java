package org.neuroarchive.metrics.control;

import io.micrometer.core.instrument.Meter;
import org.neuroarchive.config.NodeName;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;

/**
 * The one meter registry of this node: Micrometer's Prometheus registry, every meter tagged with the
 * node's name ({@link NodeName}) and named with {@link MeterNames#PREFIX} (the JVM's meters from
 * Micrometer's binders too: {@code neuroarchive_jvm_memory_used_bytes}). Served by
 * {@code GET /api/metrics}, the same on every server (no MicroProfile Metrics needed).
 */
@ApplicationScoped
public class MetricsRegistry {

    /** The Prometheus text format 0.0.4, what Prometheus asks for unless it asks for OpenMetrics. */
    public static final String TEXT_FORMAT = "text/plain; version=0.0.4; charset=utf-8";
    public static final String OPEN_METRICS = "application/openmetrics-text; version=1.0.0; charset=utf-8";

    /** A scrape: the text and its content type. */
    public record Scrape(String contentType, String text) {
    }

    private PrometheusMeterRegistry registry;
    private JvmGcMetrics gc;

    @PostConstruct
    void open() {
        registry = create(NodeName.current());
        gc = bindJvm(registry);
    }

    /** Binds the JVM's meters (memory, GC, threads, classes, processor, uptime); answers the GC binder, to be closed. */
    public static JvmGcMetrics bindJvm(MeterRegistry registry) {
        JvmGcMetrics gc = new JvmGcMetrics();
        for (MeterBinder binder : List.of(new JvmMemoryMetrics(), gc, new JvmThreadMetrics(), new ClassLoaderMetrics(),
                new ProcessorMetrics(), new UptimeMetrics())) {
            binder.bindTo(registry);
        }
        return gc;
    }

    /** A registry as this bean's, without the JVM's meters (for tests). */
    public static PrometheusMeterRegistry create(String node) {
        PrometheusMeterRegistry created = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        created.config().meterFilter(new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                return id.getName().startsWith(MeterNames.PREFIX) ? id : id.withName(MeterNames.PREFIX + id.getName());
            }
        }).commonTags("node", node);
        return created;
    }

    @PreDestroy
    void close() {
        gc.close(); // its listeners on the GC beans would keep the application's classes after undeploy
        registry.close();
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** The metrics now, as OpenMetrics when {@code accept} asks for it, else in the Prometheus text format. */
    public Scrape scrape(String accept) {
        return scrape(registry, accept);
    }

    public static Scrape scrape(PrometheusMeterRegistry registry, String accept) {
        boolean openMetrics = accept != null && accept.toLowerCase(Locale.ROOT).contains("application/openmetrics-text");
        String type = openMetrics ? OPEN_METRICS : TEXT_FORMAT;
        return new Scrape(type, registry.scrape(type));
    }
}

package org.neuroarchive.stats.control;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import org.neuroarchive.cluster.control.ScanLeases;
import org.neuroarchive.config.ClusterSettings;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.neuroarchive.common.control.Roles;
import org.neuroarchive.importing.control.IncomingScanner;
import org.neuroarchive.importing.entity.ClaimedSeries;
import org.neuroarchive.metrics.control.MeterNames;
import org.neuroarchive.metrics.control.MetricsRegistry;
import org.neuroarchive.metrics.control.PipelineMetrics;
import org.neuroarchive.receiver.control.ReceiverStatus;

/**
 * The levels of the pipeline as metrics, and their history for the status screen. Queue depth is read
 * from the database, not from the JMS queues (whose counts neither server offers an application
 * cheaply): series claimed and not yet archived ({@code queued}), held for review ({@code held}) and
 * given up ({@code failed}), and the files in problemdir. The files waiting in incomingdir come from
 * the last scan, the receiver's figures from {@link ReceiverStatus}. The database levels are sampled
 * (every 15 s by the stats timer), so a scrape costs no query.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@RolesAllowed({Roles.SYSTEM, Roles.USER})
public class PipelineFigures {

    /** A point a minute, the last hour. */
    static final int POINTS = 60;
    private static final long POINT_MILLIS = 60_000;

    @PersistenceContext
    EntityManager em;

    @Inject
    MetricsRegistry metrics;

    @Inject
    PipelineMetrics pipeline;

    @Inject
    IncomingScanner scanner;

    @Inject
    ScanLeases leases;

    @Inject
    ClusterSettings cluster;

    @Inject
    ReceiverStatus receiver;

    private final Map<ClaimedSeries.Status, AtomicLong> queues = new ConcurrentHashMap<>();
    private final AtomicLong problemFiles = new AtomicLong();
    private final AtomicLong waiting = new AtomicLong();
    private final FigureHistory history = new FigureHistory(POINTS);
    private volatile long lastPointMillis;

    @PostConstruct
    void register() {
        pipeline.registerAll();
        for (ClaimedSeries.Status status : List.of(ClaimedSeries.Status.QUEUED, ClaimedSeries.Status.HELD,
                ClaimedSeries.Status.FAILED)) {
            queues.put(status, new AtomicLong());
        }
        registerLevels(metrics.registry(), queues, problemFiles, waiting, receiver);
    }

    /** The gauges of these levels and the receiver's figures. */
    static void registerLevels(MeterRegistry registry, Map<ClaimedSeries.Status, AtomicLong> queues, AtomicLong problemFiles,
                               AtomicLong waiting, ReceiverStatus receiver) {
        queues.forEach((status, level) -> Gauge.builder(MeterNames.QUEUE_SERIES, level, AtomicLong::get)
                .tag("queue", status.name().toLowerCase(Locale.ROOT))
                .description("series of the global import by queue (from the database)").register(registry));
        Gauge.builder(MeterNames.PROBLEM_FILES, problemFiles, AtomicLong::get).description("files in problemdir")
                .register(registry);
        Gauge.builder(MeterNames.INCOMING_WAITING, waiting, AtomicLong::get)
                .description("files in incomingdir not settled yet at the last scan").register(registry);
        FunctionCounter.builder(MeterNames.RECEIVER_ASSOCIATIONS, receiver, r -> r.view().associations())
                .description("DICOM associations accepted").register(registry);
        Gauge.builder(MeterNames.RECEIVER_ASSOCIATIONS_ACTIVE, receiver, r -> r.view().activeAssociations())
                .description("DICOM associations open now").register(registry);
        FunctionCounter.builder(MeterNames.RECEIVER_OBJECTS, receiver, ReceiverStatus::objectsReceived)
                .description("objects received over C-STORE").register(registry);
        FunctionCounter.builder(MeterNames.RECEIVER_RECEIVED, receiver, r -> r.view().bytesReceived()).baseUnit("bytes")
                .description("bytes of the objects received over C-STORE").register(registry);
    }

    /** Reads the levels from the database and the scanner; once a minute adds a point to the history. */
    public void sample() {
        for (Map.Entry<ClaimedSeries.Status, AtomicLong> queue : queues.entrySet()) {
            queue.getValue().set(em.createNamedQuery(ClaimedSeries.COUNT_BY_STATUS, Long.class)
                    .setParameter("status", queue.getKey()).getSingleResult());
        }
        problemFiles.set(em.createQuery("SELECT COUNT(p) FROM ProblemFile p", Long.class).getSingleResult());
        // the scanning node's figure; 0 on the others, so that the nodes' values add up to the archive's
        waiting.set(cluster.node().equals(leases.current().holderAt(LocalDateTime.now())) ? scanner.waitingFiles() : 0);
        long now = System.currentTimeMillis();
        if (now - lastPointMillis >= POINT_MILLIS - 1000) {
            lastPointMillis = now;
            history.add(Instant.ofEpochMilli(now), totals(metrics.registry()), levels());
        }
    }

    /** The last hour of this node, oldest first. */
    public List<FigurePoint> history() {
        return history.points();
    }

    private FigureHistory.Levels levels() {
        return new FigureHistory.Levels(queues.get(ClaimedSeries.Status.QUEUED).get(), queues.get(ClaimedSeries.Status.HELD).get(),
                queues.get(ClaimedSeries.Status.FAILED).get(), waiting.get(), receiver.view().activeAssociations());
    }

    static FigureHistory.Totals totals(MeterRegistry registry) {
        double archived = registry.find(MeterNames.INSTANCES_ARCHIVED).counters().stream().mapToDouble(Counter::count).sum();
        double quarantined = registry.find(MeterNames.FILES_QUARANTINED).counters().stream().mapToDouble(Counter::count).sum();
        Timer committed = registry.find(MeterNames.ARCHIVE_TRANSACTION).tag("outcome", "committed").timer();
        double received = registry.find(MeterNames.RECEIVER_RECEIVED).functionCounters().stream()
                .mapToDouble(FunctionCounter::count).sum();
        return new FigureHistory.Totals(archived, quarantined, committed == null ? 0 : committed.count(),
                committed == null ? 0 : committed.totalTime(java.util.concurrent.TimeUnit.SECONDS), received);
    }
}

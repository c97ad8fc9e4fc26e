package org.neuroarchive.metrics.control;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What the archive pipeline tells the metrics, at a few points: an archive transaction (its files'
 * landing time, then what it did), a file quarantined, a failed attempt, a completed upload. Counters
 * move when the transaction the work ran in has committed ({@link OnCompletion}); a rolled-back archive
 * transaction counts only in the duration histogram (outcome {@code rolled_back}), since its work is
 * done again by a later attempt.
 */
@ApplicationScoped
public class PipelineMetrics {

    /** Transaction durations (seconds) the histogram counts up to. */
    static final Duration[] TRANSACTION_BUCKETS = seconds(0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60);
    /** From landing to queryable (seconds): the scan's settle time and interval dominate the short end. */
    static final Duration[] LANDING_BUCKETS = seconds(1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 1800, 3600);

    @Inject
    MetricsRegistry metrics;

    @Resource
    TransactionSynchronizationRegistry transactions;

    /** The registry given outside a container; null in the container (then {@link #metrics}' registry). */
    private MeterRegistry registry;

    /** For the container. */
    public PipelineMetrics() {
    }

    /** Outside a container (tests): records into {@code registry}, every transaction as committed. */
    public PipelineMetrics(MeterRegistry registry, TransactionSynchronizationRegistry transactions) {
        this.registry = registry;
        this.transactions = transactions;
    }

    private MeterRegistry registry() {
        return registry != null ? registry : metrics.registry();
    }

    /** One call of the archive service in the current transaction, begun now. */
    public final class ArchiveAttempt {
        private final long startNanos = System.nanoTime();
        private final Instant landedAt;
        private volatile Result result;

        private ArchiveAttempt(Instant landedAt) {
            this.landedAt = landedAt;
        }

        /** What the call did: files archived and duplicate, whether a series was filed or held. */
        public void ended(int archived, int duplicates, boolean filed, boolean held) {
            result = new Result(archived, duplicates, filed, held);
        }

        private void completed(boolean committed) {
            Duration took = Duration.ofNanos(System.nanoTime() - startNanos);
            transactionTimer(committed ? "committed" : "rolled_back").record(took);
            Result done = result;
            if (!committed || done == null) {
                return;
            }
            MeterRegistry meters = registry();
            meters.counter(MeterNames.INSTANCES_ARCHIVED).increment(done.archived());
            meters.counter(MeterNames.INSTANCES_DUPLICATE).increment(done.duplicates());
            if (done.filed()) {
                meters.counter(MeterNames.SERIES_ARCHIVED).increment();
            }
            if (done.held()) {
                meters.counter(MeterNames.SERIES_HELD).increment();
            }
            if (done.archived() > 0 && landedAt != null) {
                landingTimer().record(Duration.between(landedAt, Instant.now()).abs());
            }
        }
    }

    private record Result(int archived, int duplicates, boolean filed, boolean held) {
    }

    /**
     * An archive transaction over {@code files} begins: it is timed until it ends, and its outcome
     * counted if it commits. The files' landing is the newest modification time among them (when the
     * last file of the series was written to incomingdir, received or uploaded; a rename into the claim
     * folder keeps it), as bench/latency.sh measures from the series written to queryable. No files:
     * nothing is observed in that histogram.
     */
    public ArchiveAttempt archiveBegins(List<Path> files) {
        ArchiveAttempt attempt = new ArchiveAttempt(newestModification(files));
        OnCompletion.register(transactions, attempt::completed);
        return attempt;
    }

    /** A file goes to problemdir, recorded with {@code reason}: counted when the transaction commits. */
    public void quarantined(String reason) {
        Counter counter = registry().counter(MeterNames.FILES_QUARANTINED, "reason", QuarantineReasons.of(reason));
        OnCompletion.register(transactions, committed -> {
            if (committed) {
                counter.increment();
            }
        });
    }

    /** A failed attempt of a series was recorded: retried later, or ({@code givenUp}) the series failed. */
    public void attemptFailed(boolean givenUp) {
        Counter counter = registry().counter(givenUp ? MeterNames.SERIES_FAILED : MeterNames.SERIES_RETRIED);
        OnCompletion.register(transactions, committed -> {
            if (committed) {
                counter.increment();
            }
        });
    }

    /** An upload (of an individual import) was received whole: {@code bytes} in its files. */
    public void uploaded(long bytes) {
        Counter uploads = registry().counter(MeterNames.UPLOADS);
        Counter received = Counter.builder(MeterNames.UPLOAD_RECEIVED).baseUnit("bytes").register(registry());
        OnCompletion.register(transactions, committed -> {
            if (committed) {
                uploads.increment();
                received.increment(bytes);
            }
        });
    }

    private Timer transactionTimer(String outcome) {
        return Timer.builder(MeterNames.ARCHIVE_TRANSACTION).description("archive transactions, until commit or rollback")
                .tag("outcome", outcome).serviceLevelObjectives(TRANSACTION_BUCKETS).register(registry());
    }

    private Timer landingTimer() {
        return Timer.builder(MeterNames.LANDING_TO_QUERYABLE)
                .description("archived series: from its newest file's landing to the commit that made it queryable")
                .serviceLevelObjectives(LANDING_BUCKETS).register(registry());
    }

    /** Registers the meters with no value yet, so that a scrape lists them (at 0) before any work. */
    public void registerAll() {
        MeterRegistry meters = registry();
        for (String name : List.of(MeterNames.INSTANCES_ARCHIVED, MeterNames.INSTANCES_DUPLICATE,
                MeterNames.SERIES_ARCHIVED, MeterNames.SERIES_HELD, MeterNames.SERIES_RETRIED,
                MeterNames.SERIES_FAILED, MeterNames.UPLOADS)) {
            meters.counter(name);
        }
        Counter.builder(MeterNames.UPLOAD_RECEIVED).baseUnit("bytes").register(meters);
        QuarantineReasons.all().forEach(reason -> meters.counter(MeterNames.FILES_QUARANTINED, "reason", reason));
        transactionTimer("committed");
        transactionTimer("rolled_back");
        landingTimer();
    }

    static Instant newestModification(List<Path> files) {
        Instant newest = null;
        for (Path file : files) {
            try {
                Instant modified = Files.getLastModifiedTime(file).toInstant();
                newest = newest == null || modified.isAfter(newest) ? modified : newest;
            } catch (IOException gone) {
                // a vanished file: it is not archived either
            }
        }
        return newest;
    }

    private static Duration[] seconds(double... values) {
        Duration[] durations = new Duration[values.length];
        for (int i = 0; i < values.length; i++) {
            durations[i] = Duration.ofNanos(Math.round(values[i] * 1e9));
        }
        return durations;
    }
}

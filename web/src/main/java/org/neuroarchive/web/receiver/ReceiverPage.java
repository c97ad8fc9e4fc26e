package org.neuroarchive.web.receiver;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.neuroarchive.receiver.control.ReceiverStatus;
import org.neuroarchive.search.control.RecentSeries;
import org.neuroarchive.stats.control.ArchiveStats;
import org.neuroarchive.stats.control.StatisticsService;

/**
 * {@code /receiver}: the DICOM receiver's live counts — received, parsed (taken by the import),
 * archived, errors, refused (by reason) — and a summary of what was archived in the last day, by patient, study date and
 * series.
 */
@Named("receiverPage")
@RequestScoped
public class ReceiverPage {

    @Inject
    ReceiverStatus status;

    @Inject
    StatisticsService statistics;

    @Inject
    RecentSeries recent;

    @Inject
    org.neuroarchive.config.StorageLocations locations;

    private ArchiveStats stats;

    public ReceiverStatus.View getReceiver() {
        return status.view();
    }

    /** Where the receiver listens: AE title, address, plain and TLS port. */
    public String getWhere() {
        ReceiverStatus.View view = status.view();
        return view.aet() + " on " + view.bindAddress() + (view.port() >= 0 ? ":" + view.port() : "")
                + (view.tlsPort() == null ? "" : ", TLS port " + view.tlsPort());
    }

    /** Refusals by reason, e.g. "unknown-peer 3, free-space 1"; empty when there were none. */
    public String getRefusals() {
        return status.view().refusedByReason().entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(java.util.stream.Collectors.joining(", "));
    }

    public ArchiveStats getStats() {
        if (stats == null) {
            stats = statistics.current();
        }
        return stats;
    }

    /** Received objects the import has taken from incomingdir (parsed); the rest still wait there. */
    public long getParsed() {
        long waiting;
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.walk(locations.received())) {
            waiting = files.filter(java.nio.file.Files::isRegularFile).count();
        } catch (java.io.IOException | java.io.UncheckedIOException none) {
            waiting = 0; // no folder yet: nothing waits
        }
        return Math.max(0, status.view().objectsReceived() - waiting);
    }

    public List<RecentSeries.Row> getArchivedToday() {
        return recent.lastDay();
    }
}

package org.neuroarchive.receiver.boundary;

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
 * archived, errors — and a summary of what was archived in the last day, by patient, study date and
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

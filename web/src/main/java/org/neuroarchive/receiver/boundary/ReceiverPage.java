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

    public List<RecentSeries.Row> getArchivedToday() {
        return recent.lastDay();
    }
}

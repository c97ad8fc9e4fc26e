package org.neuroarchive.web.stats;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.neuroarchive.importing.control.ScanLog;
import org.neuroarchive.importing.control.ScanReport;
import org.neuroarchive.individual.control.ImportQueries;
import org.neuroarchive.individual.control.ImportViews;
import org.neuroarchive.stats.control.ArchiveStats;
import org.neuroarchive.stats.control.StatisticsService;

/** The dashboard ({@code /}): archive counts, review queues, recent imports. */
@Named("dashboard")
@RequestScoped
public class DashboardPage {

    @Inject
    StatisticsService statistics;

    @Inject
    ImportQueries imports;

    @Inject
    ScanLog scans;

    private ArchiveStats stats;

    public ArchiveStats getStats() {
        if (stats == null) {
            stats = statistics.current();
        }
        return stats;
    }

    public List<ScanReport> getRecentScans() {
        return scans.recent(5);
    }

    public List<ImportViews.Summary> getRecentImports() {
        return imports.list(0, 5);
    }
}

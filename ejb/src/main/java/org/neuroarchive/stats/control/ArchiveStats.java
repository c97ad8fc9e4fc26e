package org.neuroarchive.stats.control;

import java.util.List;

/**
 * Archive-wide counts, as served by {@code GET /api/stats} (field names are a contract), and the nodes
 * (servers) sharing the archive with what each did.
 */
public record ArchiveStats(long subjects, long studies, long series, long instances, long problemFiles,
                           long heldFiles, long duplicateFiles, long queuedSeries, long failedSeries,
                           long heldSeries, long waitingFiles, long receivedFiles, List<NodeStats> nodes) {
}

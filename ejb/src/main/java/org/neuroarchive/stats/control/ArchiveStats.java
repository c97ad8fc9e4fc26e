package org.neuroarchive.stats.control;

/** Archive-wide counts, as served by {@code GET /api/stats} (field names are a contract). */
public record ArchiveStats(long subjects, long studies, long series, long instances, long problemFiles,
                           long heldFiles, long duplicateFiles, long queuedSeries, long failedSeries,
                           long heldSeries, long waitingFiles, long receivedFiles) {
}

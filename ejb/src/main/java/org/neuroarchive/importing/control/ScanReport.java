package org.neuroarchive.importing.control;

import java.time.Duration;
import java.time.LocalDateTime;

/**
 * The summary of one scan and of the series it queued, with true counters (NiDB's are always 0).
 * An updated subject, study or series is one that existed before and received files.
 */
public record ScanReport(long id, LocalDateTime startedAt, LocalDateTime completedAt, long scanMillis,
                         int filesRead, long bytesRead, int filesWaiting, int seriesQueued, int seriesPending,
                         int filesArchived, int filesDuplicate, int filesQuarantined, int filesHeld,
                         int subjectsCreated, int subjectsUpdated, int studiesCreated, int studiesUpdated,
                         int seriesCreated, int seriesUpdated) {

    /** NiDB's "Performance metrics" block, with every counter true. */
    public String describe(Duration elapsed) {
        double seconds = Math.max(elapsed.toMillis(), 1) / 1000.0;
        return String.format("Performance metrics: elapsed %.1f s; subjects created %d, updated %d; studies created %d, "
                        + "updated %d; series created %d, updated %d; files read %d, archived %d, duplicate %d, held %d, "
                        + "quarantined %d, waiting %d; read rate %.0f B/s",
                seconds, subjectsCreated, subjectsUpdated, studiesCreated, studiesUpdated, seriesCreated, seriesUpdated,
                filesRead, filesArchived,
                filesDuplicate, filesHeld, filesQuarantined, filesWaiting, bytesRead / (Math.max(scanMillis, 1) / 1000.0));
    }
}

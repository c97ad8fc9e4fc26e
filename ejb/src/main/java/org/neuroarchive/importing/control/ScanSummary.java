package org.neuroarchive.importing.control;

/** What one scan of incomingdir did, with true counters. */
public record ScanSummary(boolean ran, int filesRead, int notSettled, int firstSeen, int quarantined,
                          int seriesQueued, int filesQueued, long bytesRead, long elapsedMillis) {

    public static ScanSummary skipped() {
        return new ScanSummary(false, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    public String describe() {
        double seconds = Math.max(elapsedMillis, 1) / 1000.0;
        return String.format("scan of incomingdir: %d files read (%d bytes, %.0f B/s), %d series queued with %d files, "
                        + "%d quarantined, %d not yet settled, %.3f s",
                filesRead, bytesRead, bytesRead / seconds, seriesQueued, filesQueued, quarantined, notSettled, seconds);
    }
}

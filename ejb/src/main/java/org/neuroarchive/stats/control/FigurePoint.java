package org.neuroarchive.stats.control;

import java.time.Instant;

/**
 * The pipeline's figures over one minute of this node, for the status screen's charts: rates per
 * minute (from the counters' growth since the previous point) and levels at the sample's time.
 */
public record FigurePoint(Instant at, double archivedPerMinute, double quarantinedPerMinute, double transactionSeconds,
                          long queuedSeries, long heldSeries, long failedSeries, long waitingFiles,
                          long activeAssociations, double receivedBytesPerMinute) {
}

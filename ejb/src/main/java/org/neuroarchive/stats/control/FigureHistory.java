package org.neuroarchive.stats.control;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The last {@code capacity} figure points of this node, in memory (each node keeps its own): a point
 * is a minute, so 60 points are the last hour. The counters' totals of the previous sample turn the
 * next one into rates.
 */
public final class FigureHistory {

    /** The counters' totals at a sample. */
    public record Totals(double archived, double quarantined, double transactions, double transactionSeconds,
                         double receivedBytes) {
    }

    /** The levels at a sample. */
    public record Levels(long queuedSeries, long heldSeries, long failedSeries, long waitingFiles, long activeAssociations) {
    }

    private final int capacity;
    private final Deque<FigurePoint> points = new ArrayDeque<>();
    private Totals lastTotals;
    private Instant lastAt;

    public FigureHistory(int capacity) {
        this.capacity = capacity;
    }

    /** Adds the point of {@code at}; the first sample only sets the base of the rates. */
    public synchronized void add(Instant at, Totals totals, Levels levels) {
        if (lastTotals != null && at.isAfter(lastAt)) {
            double minutes = Duration.between(lastAt, at).toMillis() / 60_000.0;
            double transactions = totals.transactions() - lastTotals.transactions();
            points.addLast(new FigurePoint(at, (totals.archived() - lastTotals.archived()) / minutes,
                    (totals.quarantined() - lastTotals.quarantined()) / minutes,
                    transactions <= 0 ? 0 : (totals.transactionSeconds() - lastTotals.transactionSeconds()) / transactions,
                    levels.queuedSeries(), levels.heldSeries(), levels.failedSeries(), levels.waitingFiles(),
                    levels.activeAssociations(), (totals.receivedBytes() - lastTotals.receivedBytes()) / minutes));
            while (points.size() > capacity) {
                points.removeFirst();
            }
        }
        lastTotals = totals;
        lastAt = at;
    }

    /** The points, oldest first. */
    public synchronized List<FigurePoint> points() {
        return List.copyOf(points);
    }
}

package org.neuroarchive.stats.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FigureHistoryTest {

    private static final Instant START = Instant.parse("2026-11-30T10:00:00Z");

    @Test
    void ratesComeFromTheCountersGrowthAndLevelsAreKept() {
        FigureHistory history = new FigureHistory(60);
        history.add(START, new FigureHistory.Totals(100, 2, 10, 5, 1_000), new FigureHistory.Levels(0, 0, 0, 0, 0));
        assertEquals(List.of(), history.points(), "the first sample is only the base of the rates");
        history.add(START.plusSeconds(120), new FigureHistory.Totals(160, 4, 14, 7, 3_000),
                new FigureHistory.Levels(3, 1, 2, 40, 1));
        FigurePoint point = history.points().get(0);
        assertEquals(30, point.archivedPerMinute(), 1e-9);
        assertEquals(1, point.quarantinedPerMinute(), 1e-9);
        assertEquals(0.5, point.transactionSeconds(), 1e-9, "2 s over 4 transactions");
        assertEquals(1_000, point.receivedBytesPerMinute(), 1e-9);
        assertEquals(3, point.queuedSeries());
        assertEquals(40, point.waitingFiles());
    }

    @Test
    void onlyTheLastPointsAreKept() {
        FigureHistory history = new FigureHistory(3);
        for (int minute = 0; minute <= 5; minute++) {
            history.add(START.plusSeconds(60L * minute), new FigureHistory.Totals(minute, 0, 0, 0, 0),
                    new FigureHistory.Levels(minute, 0, 0, 0, 0));
        }
        assertEquals(List.of(3L, 4L, 5L), history.points().stream().map(FigurePoint::queuedSeries).toList());
    }
}

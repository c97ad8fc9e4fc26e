package org.neuroarchive.importing.boundary;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IncomingScanTimerTest {

    private static final long NONE = Long.MAX_VALUE;

    @Test
    void scansEveryIntervalWhenNothingWaitsToSettle() {
        assertFalse(IncomingScanTimer.due(19_999, 10_000, 10, NONE, 10));
        assertTrue(IncomingScanTimer.due(20_000, 10_000, 10, NONE, 10));
    }

    @Test
    void scansAsSoonAsAWaitingFileHasSettledRatherThanAtTheNextInterval() {
        assertFalse(IncomingScanTimer.due(13_000, 10_000, 10, 13_001, 10), "not settled yet");
        assertTrue(IncomingScanTimer.due(13_001, 10_000, 10, 13_001, 10), "settled: no need to wait until 20,000");
    }

    @Test
    void filesArrivingWithoutPauseDoNotMakeItScanMoreOftenThanAQuarterOfTheSettleTime() {
        assertFalse(IncomingScanTimer.due(12_000, 10_000, 10, 11_000, 10), "2 s after the last scan, settle time 10 s");
        assertTrue(IncomingScanTimer.due(12_500, 10_000, 10, 11_000, 10));
        assertFalse(IncomingScanTimer.due(10_500, 10_000, 10, 10_400, 0), "at most one scan a second");
        assertTrue(IncomingScanTimer.due(11_000, 10_000, 10, 10_400, 0));
    }
}

package org.neuroarchive.individual.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.neuroarchive.importing.entity.ClaimedSeries;

/**
 * One outcome vocabulary for both archive paths: a staged series that is not archived is HELD or
 * FAILED, the names a claimed series (import batch) uses for the same outcomes.
 */
class OutcomeNamesTest {

    @Test
    void aSeriesNotArchivedHasTheNameAClaimedSeriesUses() {
        Set<String> batch = Arrays.stream(ClaimedSeries.Status.values()).map(Enum::name).collect(Collectors.toSet());
        Set<String> notArchived = Arrays.stream(StagedSeriesStatus.values()).filter(StagedSeriesStatus::notArchived)
                .map(Enum::name).collect(Collectors.toSet());
        assertEquals(Set.of("HELD", "FAILED"), notArchived);
        assertTrue(batch.containsAll(notArchived), batch + " " + notArchived);
        assertTrue(batch.contains(StagedSeriesStatus.QUEUED.name()));
    }

    @Test
    void heldAndFailedSeriesMayBeArchivedAgainQueuedOnesNot() {
        assertTrue(StagedSeriesStatus.HELD.mayBeQueued());
        assertTrue(StagedSeriesStatus.FAILED.mayBeQueued());
        assertTrue(StagedSeriesStatus.PARSED.mayBeQueued());
        assertFalse(StagedSeriesStatus.QUEUED.mayBeQueued());
        assertFalse(StagedSeriesStatus.ARCHIVED.mayBeQueued());
    }

    @Test
    void aFailedAttemptWaitsForTheNextOneAndTheLastGivesTheSeriesUp() {
        StagedSeries series = new StagedSeries(1, false, "s", "t", "u");
        series.queue("queued for archiving");
        series.attemptFailed("lock timeout", java.time.LocalDateTime.of(2026, 11, 30, 10, 0));
        assertEquals(StagedSeriesStatus.QUEUED, series.getStatus());
        assertEquals(1, series.getAttempts());
        assertTrue(series.getMessage().contains("lock timeout"), series.getMessage());
        series.attemptFailed("lock timeout", null);
        assertEquals(StagedSeriesStatus.FAILED, series.getStatus());
        assertEquals(null, series.getNextAttemptAt());
        series.queue("queued again");
        assertEquals(0, series.getAttempts(), "a person's new request starts a fresh set of attempts");
    }
}

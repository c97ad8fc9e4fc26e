package org.neuroarchive.archive.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/** The one retry policy of archive requests: doubling pauses, at most an hour, a bounded number of attempts. */
class RetryScheduleTest {

    private static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 30, 9, 0);

    @Test
    void thePauseDoublesWithEveryAttemptUpToAnHour() {
        RetrySchedule schedule = new RetrySchedule(30, 30);
        assertEquals(30, schedule.delaySeconds(1));
        assertEquals(60, schedule.delaySeconds(2));
        assertEquals(120, schedule.delaySeconds(3));
        assertEquals(3600, schedule.delaySeconds(8));
        assertEquals(3600, schedule.delaySeconds(29));
        assertEquals(NOW.plusSeconds(120), schedule.nextAttempt(3, NOW));
    }

    @Test
    void theLastAttemptGivesTheSeriesUp() {
        RetrySchedule schedule = new RetrySchedule(5, 1);
        assertFalse(schedule.exhausted(4));
        assertEquals(NOW.plusSeconds(8), schedule.nextAttempt(4, NOW));
        assertTrue(schedule.exhausted(5));
        assertNull(schedule.nextAttempt(5, NOW));
    }

    @Test
    void nonsenseSettingsStillRetryAtLeastOnceAfterASecond() {
        RetrySchedule schedule = new RetrySchedule(0, -3);
        assertEquals(1, schedule.maxAttempts());
        assertEquals(1, schedule.delaySeconds(1));
        assertNull(schedule.nextAttempt(1, NOW));
    }
}

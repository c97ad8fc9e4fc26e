package org.neuroarchive.web.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/** {@code from} and {@code to} of the list calls: a bare date covers its whole day. */
class TimeParametersTest {

    @Test
    void aBareDateStartsItsDayOrEndsAtTheNextOnesStart() {
        assertEquals(LocalDateTime.of(2026, 11, 24, 0, 0), TimeParameters.parse("from", "2026-11-24", false));
        assertEquals(LocalDateTime.of(2026, 11, 25, 0, 0), TimeParameters.parse("to", "2026-11-24", true));
        assertEquals(LocalDateTime.of(2027, 1, 1, 0, 0), TimeParameters.parse("to", "2026-12-31", true));
    }

    @Test
    void aDateAndTimeIsThatInstantEitherWay() {
        assertEquals(LocalDateTime.of(2026, 11, 24, 10, 15), TimeParameters.parse("from", "2026-11-24T10:15:00", false));
        assertEquals(LocalDateTime.of(2026, 11, 24, 10, 15, 30), TimeParameters.parse("to", "2026-11-24T10:15:30", true));
    }

    @Test
    void nothingGivenIsNoBound() {
        assertNull(TimeParameters.parse("from", null, false));
        assertNull(TimeParameters.parse("to", " ", true));
    }
}

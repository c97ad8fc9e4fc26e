package org.neuroarchive.matching.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

/** DA and TM values as the study window compares them: to the microsecond, legacy forms read, junk refused. */
class DicomDateTimesTest {

    @Test
    void timesKeepTheirFractionToTheMicrosecond() {
        assertEquals(LocalTime.of(10, 15, 30, 123_456_000), DicomDateTimes.time("101530.123456"));
        assertEquals(LocalTime.of(10, 15, 30, 1_000_000), DicomDateTimes.time("101530.001"));
        assertEquals(LocalTime.of(10, 15, 30, 500_000_000), DicomDateTimes.time(" 101530.5 "));
        assertEquals(LocalTime.of(10, 0), DicomDateTimes.time("10"));
    }

    @Test
    void aLeapSecondIsTheLastSecondOfTheMinute() {
        assertEquals(LocalTime.of(23, 59, 59), DicomDateTimes.time("235960"));
    }

    @Test
    void malformedTimesAreMidnightAndMalformedDatesAreAbsent() {
        assertEquals(LocalTime.MIDNIGHT, DicomDateTimes.time("10153"));
        assertEquals(LocalTime.MIDNIGHT, DicomDateTimes.time("101530.1234567"));
        assertEquals(LocalTime.MIDNIGHT, DicomDateTimes.time("251530"));
        assertEquals(LocalTime.MIDNIGHT, DicomDateTimes.time(null));
        assertTrue(DicomDateTimes.date("20260230").isEmpty());
        assertTrue(DicomDateTimes.date("2026012").isEmpty());
        assertTrue(DicomDateTimes.date(null).isEmpty());
        assertTrue(DicomDateTimes.dateTime("", "101500").isEmpty(), "a time without a date is no point in time");
    }

    @Test
    void legacyDatesAreRead() {
        assertEquals(LocalDate.of(2026, 1, 2), DicomDateTimes.date("2026-01-02").orElseThrow());
        assertEquals(LocalDate.of(2026, 1, 2), DicomDateTimes.date("2026.01.02").orElseThrow());
        assertEquals(LocalDateTime.of(2026, 1, 2, 10, 15, 30), DicomDateTimes.dateTime("20260102", "10:15:30").orElseThrow());
    }
}

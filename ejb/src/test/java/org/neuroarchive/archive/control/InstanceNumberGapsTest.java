package org.neuroarchive.archive.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class InstanceNumberGapsTest {

    @Test
    void aCompleteSeriesIsValid() {
        InstanceNumberGaps gaps = InstanceNumberGaps.of(List.of(3, 1, 2, 4), 1024);
        assertTrue(gaps.valid());
        assertEquals(0, gaps.missingCount());
        assertEquals("", gaps.ranges());
    }

    @Test
    void gapsIn1ToMaxAreListedAsRanges() {
        InstanceNumberGaps gaps = InstanceNumberGaps.of(List.of(2, 4, 5, 9, 10), 1024);
        assertFalse(gaps.valid());
        assertEquals(5, gaps.missingCount());
        assertEquals("1,3,6-8", gaps.ranges());
        assertEquals(List.of(1, 3, 6, 7, 8), InstanceNumberGaps.expand(gaps.ranges(), 100));
    }

    @Test
    void duplicatesNullsAndNumbersBelowOneTakeNoPart() {
        InstanceNumberGaps gaps = InstanceNumberGaps.of(Arrays.asList(1, 1, null, 0, -5, 3), 1024);
        assertEquals(1, gaps.missingCount());
        assertEquals("2", gaps.ranges());
        assertTrue(InstanceNumberGaps.of(Arrays.asList((Integer) null), 1024).valid(), "nothing to check");
        assertTrue(InstanceNumberGaps.of(List.of(), 1024).valid());
    }

    @Test
    void aHostileInstanceNumberCostsACountNotBillionsOfEntries() {
        InstanceNumberGaps gaps = InstanceNumberGaps.of(List.of(1, Integer.MAX_VALUE), 1024);
        assertEquals(Integer.MAX_VALUE - 2, gaps.missingCount());
        assertEquals("2-2147483646", gaps.ranges());
        assertEquals(1000, InstanceNumberGaps.expand(gaps.ranges(), 1000).size());
    }

    @Test
    void theListIsCutAtARangeBoundaryAndTheCountStaysComplete() {
        Integer[] everySecond = new Integer[1000];
        for (int i = 0; i < everySecond.length; i++) {
            everySecond[i] = 2 * (i + 1); // 2, 4, ... 2000: 1, 3, 5 ... 1999 missing
        }
        InstanceNumberGaps gaps = InstanceNumberGaps.of(Arrays.asList(everySecond), 20);
        assertEquals(1000, gaps.missingCount());
        assertEquals("1,3,5,7,9,11,13,15", gaps.ranges());
        assertTrue(gaps.ranges().length() <= 20);
    }

    @Test
    void expandIgnoresWhatItDidNotWrite() {
        assertEquals(List.of(4, 5), InstanceNumberGaps.expand("x,4-5,-", 10));
        assertEquals(List.of(), InstanceNumberGaps.expand(null, 10));
    }
}

package org.neuroarchive.matching.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SeriesTest {

    private static SeriesParameters text(String sequenceName, String imageType, String kernel) {
        return new SeriesParameters(1.0, 2.0, null, null, null, null, null, null, "", sequenceName, imageType, null,
                null, null, null, null, kernel, " ");
    }

    @Test
    void hostileTextIsClippedToTheColumnsAndBlankIsNull() {
        Series series = new Series(null, 1, "1.2.3", "MR", null);

        series.setParameters(text("x".repeat(500), "I".repeat(300), "k".repeat(63) + "\uD83D\uDE00"));

        SeriesParameters stored = series.getParameters();
        assertEquals(Series.CODE, stored.sequenceName().length());
        assertEquals(Series.TEXT, stored.imageType().length());
        assertEquals("k".repeat(63), stored.convolutionKernel(), "never half a surrogate pair");
        assertNull(stored.scanningSequence());
        assertNull(stored.bodyPartExamined());
        assertEquals(1.0, stored.repetitionTime());
    }

    @Test
    void validityIsUnknownUntilChecked() {
        Series series = new Series(null, 1, "1.2.3", "MR", null);
        assertNull(series.isValid());

        series.setValidity(3, "2,5-6");
        assertFalse(series.isValid());
        assertEquals(3, series.getMissingCount());
        assertEquals("2,5-6", series.getMissingInstances());

        series.setValidity(0, "");
        assertTrue(series.isValid());
        assertNull(series.getMissingInstances());
    }
}

package org.neuroarchive.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WindowLevelTest {

    @Test
    void theWindowSpansBlackToWhite() {
        WindowLevel window = WindowLevel.of(500.0, 200.0, null, null, false, 0, 4095);

        assertEquals(0, window.gray(300));
        assertEquals(0, window.gray(400), "the lower edge is black");
        assertEquals(255, window.gray(600), "the upper edge is white");
        assertEquals(255, window.gray(4000));
        assertEquals(128, window.gray(500), 1, "the center is mid-gray");
        int previous = -1;
        for (int stored = 380; stored <= 620; stored++) {
            int gray = window.gray(stored);
            assertTrue(gray >= previous, "monotonic at " + stored);
            previous = gray;
        }
    }

    @Test
    void storedValuesAreRescaledBeforeTheWindow() {
        // CT: HU = stored - 1024; a brain window 40/80
        WindowLevel window = WindowLevel.of(40.0, 80.0, 1.0, -1024.0, false, 0, 4095);

        assertEquals(0, window.gray(1024), "0 HU is below the window");
        assertEquals(128, window.gray(1064), 1, "40 HU is its center");
        assertEquals(255, window.gray(1104));
        WindowLevel doubled = WindowLevel.of(100.0, 500.0, 2.0, 0.0, false, 0, 100);
        assertEquals(128, doubled.gray(50), 1, "slope 2: stored 50 is the center 100");
    }

    @Test
    void withoutAWindowTheRangeOfTheFrameIsShown() {
        WindowLevel window = WindowLevel.of(null, null, null, null, false, -1000, 3000);

        assertEquals(0, window.gray(-1000));
        assertEquals(255, window.gray(3000));
        assertEquals(128, window.gray(1000), 1);
        WindowLevel negativeSlope = WindowLevel.of(null, null, -1.0, 0.0, false, 0, 100);
        assertEquals(255, negativeSlope.gray(0), "a negative slope turns the range round");
        assertEquals(0, negativeSlope.gray(100));
    }

    @Test
    void anUnusableWindowFallsBackToTheRange() {
        WindowLevel zeroWidth = WindowLevel.of(100.0, 0.0, 0.0, null, false, 0, 200);

        assertEquals(0, zeroWidth.gray(0));
        assertEquals(255, zeroWidth.gray(200));
        assertEquals(1.0, zeroWidth.slope(), "slope 0 is taken as 1");
    }

    @Test
    void aFlatFrameIsBlackAndMonochrome1IsInverted() {
        assertEquals(0, WindowLevel.of(null, null, null, null, false, 7, 7).gray(7));
        WindowLevel inverted = WindowLevel.of(null, null, null, null, true, 0, 10);
        assertEquals(255, inverted.gray(0));
        assertEquals(0, inverted.gray(10));
        assertThrows(IllegalArgumentException.class, () -> new WindowLevel(0, 0.5, 1, 0, false));
    }
}

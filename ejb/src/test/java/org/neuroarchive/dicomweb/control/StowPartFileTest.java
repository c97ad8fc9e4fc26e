package org.neuroarchive.dicomweb.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StowPartFileTest {

    @TempDir
    Path folder;

    @Test
    void aPartWithinTheLimitsIsWrittenWhole() throws Exception {
        byte[] content = new byte[200_000];
        content[199_999] = 42;
        Path file = folder.resolve("part-1.dcm");
        assertEquals(content.length, StowPartFile.write(new ByteArrayInputStream(content), file, content.length, 0));
        assertEquals(content.length, Files.size(file));
        assertEquals(42, Files.readAllBytes(file)[199_999]);
    }

    @Test
    void aPartOverTheObjectLimitIsRefusedAndDeleted() {
        Path file = folder.resolve("part-1.dcm");
        StowPartFile.Refused refused = assertThrows(StowPartFile.Refused.class,
                () -> StowPartFile.write(new ByteArrayInputStream(new byte[100_001]), file, 100_000, 0));
        assertEquals(StowResult.OUT_OF_RESOURCES, refused.reason());
        assertTrue(refused.getMessage().contains("neuroarchive.dicom.max-object-bytes"), refused.getMessage());
        assertFalse(Files.exists(file));
    }

    @Test
    void theFreeSpaceFloorRefusesBeforeAnythingIsWritten() {
        Path file = folder.resolve("part-1.dcm");
        StowPartFile.Refused refused = assertThrows(StowPartFile.Refused.class,
                () -> StowPartFile.write(new ByteArrayInputStream(new byte[10]), file, 1000, Long.MAX_VALUE / 2));
        assertEquals(StowResult.OUT_OF_RESOURCES, refused.reason());
        assertTrue(refused.getMessage().contains("neuroarchive.dicom.min-free-bytes"), refused.getMessage());
        assertFalse(Files.exists(file));
    }

    @Test
    void aPartThatBreaksOffIsDeleted() {
        Path file = folder.resolve("part-1.dcm");
        InputStream breaking = new InputStream() {
            private int left = 70_000;

            @Override
            public int read() throws IOException {
                if (left-- <= 0) {
                    throw new StowParts.CutOff("the body ended inside a part");
                }
                return 7;
            }
        };
        assertThrows(StowParts.CutOff.class, () -> StowPartFile.write(breaking, file, 1 << 20, 0));
        assertFalse(Files.exists(file));
    }

    @Test
    void aSummaryNamesCountsAndTheFirstFailures() {
        StowResult result = new StowResult();
        result.add(new StowResult.Stored("1.2", "1.2.3", "1.2.4", "1.2.5"));
        result.add(new StowResult.Failed("", "", StowResult.CANNOT_UNDERSTAND, "not a DICOM file"));
        result.markCutOff();
        assertEquals("1 stored, 1 failed, the body ended before its closing boundary; a part: not a DICOM file",
                result.summary());
        assertEquals(2, result.parts());
    }
}

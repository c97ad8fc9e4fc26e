package org.neuroarchive.archive.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroarchive.dicom.DicomHeader;
import org.neuroarchive.testing.DicomHeaderBuilder;
import org.neuroarchive.files.AtomicFiles;

class ArchiveLayoutTest {

    @TempDir
    Path dir;

    private static DicomHeader header(Integer acquisition, Integer instance, String acquisitionTime, String contentTime) {
        return DicomHeaderBuilder.mr().sopInstanceUid("1.3.12.2.1107.5.2.19.45351.2022070114180219558183887")
                .seriesNumber(13).instanceNumber(instance).acquisitionNumber(acquisition)
                .acquisitionTime(acquisitionTime).contentTime(contentTime).build();
    }

    @Test
    void canonicalNameFollowsNidb() {
        String name = ArchiveLayout.fileName("S6563ELA", 2, 13, header(1, 42, "14:13:01.500", "141302"));
        assertEquals("S6563ELA_2_13_00001_00042_141301500_141302_"
                + ArchiveLayout.md5Hex("1.3.12.2.1107.5.2.19.45351.2022070114180219558183887") + ".dcm", name);
    }

    @Test
    void blankNumbersAndTimesStillGiveAName() {
        assertEquals("S1234ABC_1_1_00000_00000_0_0_", ArchiveLayout.fileName("S1234ABC", 1, 1, header(null, null, "", ""))
                .substring(0, 29));
    }

    @Test
    void instancesLiveInTheSeriesDicomFolder() {
        Path file = ArchiveLayout.instanceFile("S6563ELA", 2, 13, header(1, 1, "", ""));
        assertEquals(Path.of("S6563ELA", "2", "13", "dicom"), file.getParent());
        assertEquals("d41d8cd98f00b204e9800998ecf8427e", ArchiveLayout.md5Hex(""));
    }

    @Test
    void reserveNeverOverwrites() throws IOException {
        Path first = AtomicFiles.reserve(dir, "scan.dcm");
        Path second = AtomicFiles.reserve(dir, "scan.dcm");
        Path third = AtomicFiles.reserve(dir, "scan.dcm");
        assertEquals("scan.dcm", first.getFileName().toString());
        assertEquals("scan-1.dcm", second.getFileName().toString());
        assertEquals("scan-2.dcm", third.getFileName().toString());
    }

    @Test
    void placeKeepsTheSourceAndReplacesAtomically() throws IOException {
        Path source = Files.writeString(dir.resolve("source"), "new");
        Path target = dir.resolve("a/b/target");
        AtomicFiles.place(source, target);
        assertEquals("new", Files.readString(target));
        assertTrue(Files.exists(source));
        AtomicFiles.move(source, dir.resolve("moved"));
        assertFalse(Files.exists(source));
        try (var leftovers = Files.list(target.getParent())) {
            assertEquals(1, leftovers.count(), "no temporary file is left behind");
        }
    }
}

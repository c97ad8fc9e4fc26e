package org.neuroarchive.health.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StorageCheckTest {

    @TempDir
    Path dir;

    @Test
    void aFolderThatTakesAFileIsWritableAndKeepsNoProbe() throws IOException {
        Path incoming = Files.createDirectories(dir.resolve("incoming"));
        assertTrue(new StorageCheck(0).writable("incomingdir", incoming));
        try (Stream<Path> left = Files.list(incoming)) {
            assertEquals(0, left.count(), "the probe file is deleted");
        }
    }

    @Test
    void aMissingFolderOrAFileInItsPlaceIsNotWritable() throws IOException {
        assertFalse(new StorageCheck(0).writable("archivedir", dir.resolve("missing")));
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        assertFalse(new StorageCheck(0).writable("archivedir", file));
    }

    @Test
    void freeSpaceIsComparedWithTheFloor() throws IOException {
        Path a = Files.createDirectories(dir.resolve("a"));
        Path b = Files.createDirectories(dir.resolve("b"));
        long usable = Files.getFileStore(a).getUsableSpace();
        assertTrue(new StorageCheck(0).spaceAboveFloor(Map.of("a", a, "b", b)));
        assertFalse(new StorageCheck(usable + (1L << 40)).spaceAboveFloor(Map.of("a", a, "b", b)));
        assertFalse(new StorageCheck(0).spaceAboveFloor(Map.of("gone", dir.resolve("gone"))), "an unreadable folder is no proof");
    }
}

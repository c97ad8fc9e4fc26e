package org.neuroarchive.importing.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IncomingFilesTest {

    @TempDir
    Path incoming;

    @TempDir
    Path outside;

    private Path file(String relative, Instant modified) throws IOException {
        Path file = incoming.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, relative);
        Files.setLastModifiedTime(file, FileTime.from(modified));
        return file;
    }

    @Test
    void findsSettledFilesAtAnyDepthAndSkipsTheRest() throws IOException {
        Instant old = Instant.now().minusSeconds(600);
        file("a.dcm", old);
        file("x/y/z/b.dcm", old);
        file("fresh.dcm", Instant.now());
        file(".hidden.dcm", old);
        file(".claimed/c.dcm", old);
        file("d.dcm.part", old);
        Files.writeString(outside.resolve("secret.dcm"), "outside");
        Files.createSymbolicLink(incoming.resolve("link.dcm"), outside.resolve("secret.dcm"));
        Files.createSymbolicLink(incoming.resolve("linkdir"), outside);

        Map<Path, Long> sizes = new HashMap<>();
        IncomingFiles.Found first = IncomingFiles.find(incoming, incoming.resolve("received"), Instant.now().minusSeconds(10), 100, sizes);
        assertEquals(List.of(), first.ready(), "a file is taken only when its size was seen before");
        assertEquals(2, first.firstSeen(), "the two old files only need a second look; the fresh one waits anyway");
        IncomingFiles.Found found = IncomingFiles.find(incoming, incoming.resolve("received"), Instant.now().minusSeconds(10), 100, sizes);

        Set<String> names = found.ready().stream().map(p -> incoming.relativize(p).toString()).collect(Collectors.toSet());
        assertEquals(Set.of("a.dcm", "x/y/z/b.dcm"), names);
        assertEquals(1, found.notSettled());
        assertEquals("a.dcm".length() + "x/y/z/b.dcm".length(), found.readyBytes(), "each file holds its own name");
    }

    @Test
    void filesTheReceiverCompletedAreTakenAtOnce() throws IOException {
        Path received = file("received/STORESCU/batch-1/1.2.3.dcm", Instant.now());
        file("copied.dcm", Instant.now());
        file("received/.partial", Instant.now());
        file("received/STORESCU/.batch-2/4.5.6.dcm", Instant.now());

        IncomingFiles.Found found = IncomingFiles.find(incoming, incoming.resolve("received"), Instant.now().minusSeconds(10),
                100, new HashMap<>());

        assertEquals(List.of(received), found.ready(), "complete by construction: no settle time, no second look");
        assertEquals("received/STORESCU/batch-1/1.2.3.dcm".length(), found.readyBytes(), "its size, for the scan log");
        assertEquals(1, found.notSettled(), "a copied file still waits; a batch still hidden is not seen");
    }

    @Test
    void tellsTheOldestModificationOfTheFilesLeftAsTooRecent() throws IOException {
        Instant now = Instant.now();
        file("old.dcm", now.minusSeconds(600));
        file("recent-1.dcm", now.minusSeconds(4));
        file("recent-2.dcm", now.minusSeconds(2));

        IncomingFiles.Found found = IncomingFiles.find(incoming, incoming.resolve("received"), now.minusSeconds(10), 100,
                new HashMap<>());

        assertEquals(now.minusSeconds(4).getEpochSecond(), found.oldestRecent().getEpochSecond(),
                "the next file to settle: the scanner asks for a scan the settle time after it");
        file("recent-1.dcm", now.minusSeconds(600));
        file("recent-2.dcm", now.minusSeconds(600));
        assertEquals(null, IncomingFiles.find(incoming, incoming.resolve("received"), now.minusSeconds(10), 100,
                new HashMap<>()).oldestRecent(), "nothing is too recent");
    }

    @Test
    void takesAtMostAChunk() throws IOException {
        for (int i = 0; i < 25; i++) {
            file("f" + i + ".dcm", Instant.now().minusSeconds(600));
        }
        Map<Path, Long> sizes = new HashMap<>();
        IncomingFiles.find(incoming, incoming.resolve("received"), Instant.now(), 10, sizes);
        assertEquals(10, IncomingFiles.find(incoming, incoming.resolve("received"), Instant.now(), 10, sizes).ready().size());
    }

    @Test
    void aFileThatGrewSinceTheLastScanWaits() throws IOException {
        Path growing = file("growing.dcm", Instant.now().minusSeconds(600));
        Map<Path, Long> sizes = new HashMap<>();
        IncomingFiles.find(incoming, incoming.resolve("received"), Instant.now().minusSeconds(10), 100, sizes);
        Files.writeString(growing, "more bytes arrived", java.nio.file.StandardOpenOption.APPEND);
        Files.setLastModifiedTime(growing, FileTime.from(Instant.now().minusSeconds(600)));

        IncomingFiles.Found found = IncomingFiles.find(incoming, incoming.resolve("received"), Instant.now().minusSeconds(10), 100, sizes);

        assertEquals(List.of(), found.ready());
        assertEquals(1, found.notSettled());
        assertEquals(List.of(growing), IncomingFiles.find(incoming, incoming.resolve("received"), Instant.now().minusSeconds(10), 100, sizes).ready());
    }

    @Test
    void removesOnlyOldEmptySubdirectories() throws IOException {
        Path old = Files.createDirectories(incoming.resolve("old/empty"));
        Files.setLastModifiedTime(old, FileTime.from(Instant.now().minusSeconds(600)));
        Path recent = Files.createDirectories(incoming.resolve("recent"));
        file("kept/a.dcm", Instant.now().minusSeconds(600));

        IncomingFiles.removeEmptyDirectories(incoming, Instant.now().minusSeconds(10));

        assertFalse(Files.exists(old));
        assertTrue(Files.exists(recent), "a folder being filled right now stays");
        assertTrue(Files.exists(incoming.resolve("kept/a.dcm")));
        assertTrue(Files.exists(incoming));
    }

    @Test
    void aWalkThatSawEveryFileForgetsTheFilesThatWentAway() throws IOException {
        Path kept = file("kept.dcm", Instant.now().minusSeconds(600));
        Path gone = file("gone.dcm", Instant.now().minusSeconds(600));
        Map<Path, Long> sizes = new HashMap<>();
        assertTrue(IncomingFiles.find(incoming, incoming.resolve("received"), Instant.now(), 10, sizes).complete());
        assertEquals(Set.of(kept, gone), sizes.keySet());
        Files.delete(gone);

        IncomingFiles.Found found = IncomingFiles.find(incoming, incoming.resolve("received"), Instant.now(), 10, sizes);

        assertTrue(found.complete());
        assertEquals(List.of(kept), found.ready());
        assertEquals(Set.of(kept), sizes.keySet(), "no file is looked at again to forget the ones that went away");
    }

    @Test
    void aWalkStoppedByTheChunkKeepsTheSizesOfTheFilesItDidNotReach() throws IOException {
        for (int i = 0; i < 25; i++) {
            file("f" + i + ".dcm", Instant.now().minusSeconds(600));
        }
        Map<Path, Long> sizes = new HashMap<>();
        IncomingFiles.find(incoming, incoming.resolve("received"), Instant.now(), 10, sizes);

        IncomingFiles.Found chunk = IncomingFiles.find(incoming, incoming.resolve("received"), Instant.now(), 10, sizes);

        assertFalse(chunk.complete());
        assertEquals(10, chunk.ready().size());
        assertEquals(25, sizes.size(), "the 15 files not reached stay settled for the next chunk");
    }
}

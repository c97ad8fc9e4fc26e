package org.neuroarchive.individual.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neuroarchive.individual.control.TestArchives.text;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class UnpackerTreeTest extends UnpackerTestBase {

    private Path source;
    private Path secret;

    @BeforeEach
    void tree() throws IOException {
        source = Files.createDirectories(uploads.resolve("server/study"));
        secret = Files.createDirectories(uploads.resolve("secret"));
        Files.writeString(secret.resolve("passwd.dcm"), "secret");
    }

    private void write(String relative, String content) throws IOException {
        Path file = source.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    @Test
    void copiesAFolderKeepingRelativePathsAndEmptyFolders() throws Exception {
        write("a.dcm", "a");
        write("s1/b.dcm", "b");
        write("s1/deep/c.dcm", "c");
        Files.createDirectories(source.resolve("empty"));
        Unpacker unpacker = unpacker();

        unpacker.addTree(source);

        assertEquals(Set.of("a.dcm", "s1", "s1/b.dcm", "s1/deep", "s1/deep/c.dcm", "empty"), staged());
        assertEquals("c", Files.readString(files.resolve("s1/deep/c.dcm")));
        assertEquals(3, unpacker.filesWritten());
        assertEquals(3, unpacker.bytesWritten());
        assertEquals(List.of(), unpacker.skipped());
    }

    @Test
    void skipsSymbolicLinksToFoldersAndFilesOutside() throws Exception {
        write("s1/b.dcm", "b");
        Files.createSymbolicLink(source.resolve("s1/escape"), secret);
        Files.createSymbolicLink(source.resolve("stolen.dcm"), secret.resolve("passwd.dcm"));
        Unpacker unpacker = unpacker();

        unpacker.addTree(source);

        assertEquals(Set.of("s1", "s1/b.dcm"), staged(), "nothing from outside is copied");
        assertEquals(List.of("skipped symbolic link s1/escape", "skipped symbolic link stolen.dcm"),
                unpacker.skipped().stream().sorted().toList());
        assertNothingOutside();
        assertEquals(Set.of("passwd.dcm"), listing(secret));
    }

    @Test
    void skipsASourceThatIsItselfASymbolicLink() throws Exception {
        Path link = Files.createSymbolicLink(uploads.resolve("server/link"), secret);
        Unpacker unpacker = unpacker();

        unpacker.addTree(link);

        assertEquals(Set.of(), staged());
        assertEquals(1, unpacker.skipped().size());
        assertTrue(unpacker.skipped().get(0).startsWith("skipped symbolic link "));
    }

    @Test
    void unpacksArchivesWhereTheyLieButNotTheArchivesInside() throws Exception {
        byte[] inner = Files.readAllBytes(TestArchives.zip(uploads.resolve("inner.zip"), Map.of("x.dcm", text("x"))));
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("s2/c.dcm", text("c"));
        entries.put("nested/inner.zip", inner);
        Files.createDirectories(source.resolve("a/b"));
        TestArchives.zip(source.resolve("a/b/series.zip"), entries);
        TestArchives.tar(source.resolve("a/more.tgz"), true, Map.of("t.dcm", text("t")));
        TestArchives.gzip(source.resolve("one.dcm.gz"), text("gz"));
        write("a/b/plain.dcm", "p");

        unpacker().addTree(source);

        assertEquals(Set.of("a", "a/t.dcm", "a/b", "a/b/plain.dcm", "a/b/s2", "a/b/s2/c.dcm", "a/b/nested",
                "a/b/nested/inner.zip", "one.dcm"), staged());
        assertArrayEquals(inner, Files.readAllBytes(files.resolve("a/b/nested/inner.zip")));
        assertEquals("gz", Files.readString(files.resolve("one.dcm")));
    }

    @Test
    void copiesAFileWithArchiveBytesButNoArchiveNameAsItIs() throws Exception {
        TestArchives.zip(source.resolve("IM0001"), Map.of("x.dcm", text("x")));

        unpacker().addTree(source);

        assertEquals(Set.of("IM0001"), staged());
    }

    @Test
    void refusesAHostileArchiveInTheTree() throws Exception {
        TestArchives.zip(source.resolve("bad.zip"), Map.of("../../sibling/evil.txt", text("evil")));

        assertRefused(() -> unpacker().addTree(source), "entry '../../sibling/evil.txt' in bad.zip", "outside");

        assertNothingOutside();
    }

    @Test
    void appliesTheLimitsToTheTree() throws Exception {
        for (int i = 1; i <= 4; i++) {
            write("f" + i + ".dcm", "x");
        }

        assertRefused(() -> unpacker(1 << 20, 3, 100).addTree(source), "more than 3 files");

        assertEquals(3, staged().size());
    }

    @Test
    void sharesItsLimitsWithUploads() throws Exception {
        write("a.dcm", "123456");
        Unpacker unpacker = unpacker(10, 100, 100);
        unpacker.add(Files.writeString(uploads.resolve("u"), "12345"), "u.dcm");

        assertRefused(() -> unpacker.addTree(source), "a.dcm takes the import above 10 bytes (limit)");

        assertEquals(Set.of("u.dcm"), staged());
    }

    @Test
    @Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // copying it into itself runs away
    void leavesOutTheStagingFolderWhenItLiesInsideTheTree() throws Exception {
        write("a.dcm", "a");
        Path inside = source.resolve("import/files");
        Unpacker unpacker = new Unpacker(UnpackLimits.defaults(), inside);

        unpacker.addTree(source);

        assertEquals(Set.of("a.dcm", "import"), listing(inside));
        assertTrue(unpacker.skipped().contains("skipped import/files: it is this import's own folder"), unpacker.skipped()::toString);
    }

    @Test
    void copiesASingleServerFile() throws Exception {
        write("one.dcm", "1");

        unpacker().addTree(source.resolve("one.dcm"));

        assertEquals(Set.of("one.dcm"), staged());
    }
}

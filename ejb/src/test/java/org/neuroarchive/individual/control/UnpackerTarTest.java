package org.neuroarchive.individual.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.neuroarchive.individual.control.TestArchives.random;
import static org.neuroarchive.individual.control.TestArchives.text;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.Test;

class UnpackerTarTest extends UnpackerTestBase {

    private static Map<String, byte[]> nested() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("study/", new byte[0]);
        entries.put("study/s1/a.dcm", text("alpha"));
        entries.put("study/s2/b.dcm", random(20_000, 2));
        return entries;
    }

    @Test
    void unpacksATarKeepingNestedFolders() throws Exception {
        Unpacker unpacker = unpacker();

        unpacker.add(TestArchives.tar(uploads.resolve("up.tar"), false, nested()), "up.tar");

        assertEquals(Set.of("study", "study/s1", "study/s1/a.dcm", "study/s2", "study/s2/b.dcm"), staged());
        assertArrayEquals(random(20_000, 2), Files.readAllBytes(files.resolve("study/s2/b.dcm")));
        assertEquals(2, unpacker.filesWritten());
        assertEquals(20_005, unpacker.bytesWritten());
    }

    @Test
    void unpacksATgzAsATar() throws Exception {
        unpacker().add(TestArchives.tar(uploads.resolve("up.tgz"), true, nested()), "up.tgz");

        assertEquals(Set.of("study", "study/s1", "study/s1/a.dcm", "study/s2", "study/s2/b.dcm"), staged());
        assertEquals("alpha", Files.readString(files.resolve("study/s1/a.dcm")));
    }

    @Test
    void recognisesAGzippedTarByItsBytesWhateverItsName() throws Exception {
        unpacker().add(TestArchives.tar(uploads.resolve("blob"), true, nested()), "export.dat");

        assertEquals(Set.of("study", "study/s1", "study/s1/a.dcm", "study/s2", "study/s2/b.dcm"), staged());
    }

    @Test
    void recognisesAPlainTarByItsBytesWhateverItsName() throws Exception {
        unpacker().add(TestArchives.tar(uploads.resolve("blob"), false, nested()), "export.dat");

        assertEquals(Set.of("study", "study/s1", "study/s1/a.dcm", "study/s2", "study/s2/b.dcm"), staged());
    }

    @Test
    void unpacksAPlainGzipIntoOneFileNamedWithoutGz() throws Exception {
        byte[] content = random(70_000, 3);
        Unpacker unpacker = unpacker();

        unpacker.add(TestArchives.gzip(uploads.resolve("upload-1"), content), "IM0001.dcm.gz");

        assertEquals(Set.of("IM0001.dcm"), staged());
        assertArrayEquals(content, Files.readAllBytes(files.resolve("IM0001.dcm")));
        assertEquals(content.length, unpacker.bytesWritten());
    }

    @Test
    void refusesATruncatedGzipAndLeavesNoPartFile() throws Exception {
        Path whole = TestArchives.gzip(uploads.resolve("whole.gz"), random(200_000, 4));
        byte[] bytes = Files.readAllBytes(whole);
        Path truncated = Files.write(uploads.resolve("truncated.gz"), Arrays.copyOf(bytes, bytes.length / 2));

        assertRefused(() -> unpacker().add(truncated, "scan.dcm.gz"), "scan.dcm.gz could not be read as a gzip file");

        assertEquals(Set.of(), staged());
    }

    @Test
    void refusesAFileNamedGzThatIsNotGzip() throws Exception {
        Path fake = Files.writeString(uploads.resolve("fake.gz"), "not gzip at all");

        assertRefused(() -> unpacker().add(fake, "fake.gz"), "fake.gz could not be read as a gzip file");
    }

    @Test
    void refusesASymbolicLinkEntry() throws Exception {
        TestArchives.tarWithSpecial(uploads.resolve("a.tar"), "link", TarConstants.LF_SYMLINK);

        assertRefused(() -> unpacker().add(uploads.resolve("a.tar"), "a.tar"),
                "entry 'link' in a.tar is a symbolic link; links are not accepted");

        assertEquals(Set.of("a.txt"), staged());
    }

    @Test
    void refusesAHardLinkEntry() throws Exception {
        TestArchives.tarWithSpecial(uploads.resolve("a.tar"), "hard", TarConstants.LF_LINK);

        assertRefused(() -> unpacker().add(uploads.resolve("a.tar"), "a.tar"), "entry 'hard' in a.tar is a hard link");

        assertEquals(Set.of("a.txt"), staged());
    }

    @Test
    void refusesDevicesAndNamedPipes() throws Exception {
        TestArchives.tarWithSpecial(uploads.resolve("dev.tar"), "dev", TarConstants.LF_CHR);
        TestArchives.tarWithSpecial(uploads.resolve("pipe.tar"), "pipe", TarConstants.LF_FIFO);

        assertRefused(() -> unpacker().add(uploads.resolve("dev.tar"), "dev.tar"), "entry 'dev' in dev.tar is a device");
        assertRefused(() -> unpacker().add(uploads.resolve("pipe.tar"), "pipe.tar"), "entry 'pipe' in pipe.tar is a named pipe");

        assertEquals(Set.of("a.txt", "a_1.txt"), staged());
    }

    @Test
    void refusesADotDotEntryInATgzBeforeWritingIt() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("ok.txt", text("ok"));
        entries.put("../sibling/evil.txt", text("evil"));
        TestArchives.tar(uploads.resolve("bad.tgz"), true, entries);

        assertRefused(() -> unpacker().add(uploads.resolve("bad.tgz"), "bad.tgz"),
                "entry '../sibling/evil.txt' in bad.tgz would be written outside the import folder");

        assertEquals(Set.of("ok.txt"), staged());
        assertNothingOutside();
    }

    @Test
    void refusesAnAbsoluteTarEntry() throws Exception {
        TestArchives.tar(uploads.resolve("abs.tar"), false, Map.of("/abs.txt", text("abs")));

        assertRefused(() -> unpacker().add(uploads.resolve("abs.tar"), "abs.tar"), "entry '/abs.txt' in abs.tar", "outside");

        assertEquals(Set.of(), staged());
        assertNothingOutside();
    }

    @Test
    void refusesADotDotHiddenInALongPaxName() throws Exception {
        String name = "a/".repeat(60) + "../".repeat(62) + "evil.txt";
        TestArchives.tar(uploads.resolve("long.tar"), false, Map.of(name, text("evil")));

        assertRefused(() -> unpacker().add(uploads.resolve("long.tar"), "long.tar"), "outside the import folder");

        assertNothingOutside();
    }

    @Test
    void takesBackslashesInEntryNamesAsFolderSeparators() throws Exception {
        TestArchives.tar(uploads.resolve("win.tar"), false, Map.of("series\\IM0001.dcm", text("w")));

        unpacker().add(uploads.resolve("win.tar"), "win.tar");

        assertEquals(Set.of("series", "series/IM0001.dcm"), staged());
    }

    @Test
    void reportsADamagedTarAsARefusal() throws Exception {
        byte[] bytes = Files.readAllBytes(TestArchives.tar(uploads.resolve("ok.tar"), false, nested()));
        bytes[100] ^= 0x55; // the first header's mode field: the checksum no longer matches
        Path damaged = Files.write(uploads.resolve("damaged.tar"), bytes);

        assertRefused(() -> unpacker().add(damaged, "damaged.tar"), "damaged.tar could not be read as a tar archive");
    }
}

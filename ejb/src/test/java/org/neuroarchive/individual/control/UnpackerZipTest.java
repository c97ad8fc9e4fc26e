package org.neuroarchive.individual.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.neuroarchive.individual.control.TestArchives.random;
import static org.neuroarchive.individual.control.TestArchives.text;

import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UnpackerZipTest extends UnpackerTestBase {

    @Test
    void unpacksAZipKeepingNestedFoldersAndCountsWhatItWrote() throws Exception {
        byte[] b = random(5000, 1);
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("series1/", new byte[0]);
        entries.put("series1/a.dcm", text("alpha"));
        entries.put("series1/deeper/b.dcm", b);
        entries.put("empty/", new byte[0]);
        entries.put("./top.dcm", text("top"));
        Unpacker unpacker = unpacker();

        unpacker.add(TestArchives.zip(uploads.resolve("up.zip"), entries), "up.zip");

        assertEquals(Set.of("series1", "series1/a.dcm", "series1/deeper", "series1/deeper/b.dcm", "empty", "top.dcm"),
                staged());
        assertEquals("alpha", Files.readString(files.resolve("series1/a.dcm")));
        assertArrayEquals(b, Files.readAllBytes(files.resolve("series1/deeper/b.dcm")));
        assertEquals(3, unpacker.filesWritten());
        assertEquals(5 + 5000 + 3, unpacker.bytesWritten());
        assertNothingOutside();
    }

    @Test
    void recognisesAZipByItsBytesWhateverItsName() throws Exception {
        TestArchives.zip(uploads.resolve("upload.bin"), Map.of("x/a.dcm", text("a")));

        unpacker().add(uploads.resolve("upload.bin"), "upload.bin");

        assertEquals(Set.of("x", "x/a.dcm"), staged());
    }

    @Test
    void refusesAnEntryClimbingOutBeforeWritingIt() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("ok.txt", text("ok"));
        entries.put("../evil.txt", text("evil"));
        TestArchives.zip(uploads.resolve("upload.zip"), entries);

        assertRefused(() -> unpacker().add(uploads.resolve("upload.zip"), "upload.zip"),
                "entry '../evil.txt' in upload.zip would be written outside the import folder");

        assertEquals(Set.of("ok.txt"), staged(), "the entry before it was written, nothing of the bad one");
        assertNothingOutside();
    }

    @Test
    void refusesAnEntryAimingAtTheSiblingFolder() throws Exception {
        TestArchives.zip(uploads.resolve("upload.zip"), Map.of("a/../../sibling/evil.txt", text("evil")));

        assertRefused(() -> unpacker().add(uploads.resolve("upload.zip"), "upload.zip"), "outside the import folder");

        assertNothingOutside();
    }

    @Test
    void refusesAFolderEntryClimbingOut() throws Exception {
        TestArchives.zip(uploads.resolve("upload.zip"), Map.of("../sibling/made/", new byte[0]));

        assertRefused(() -> unpacker().add(uploads.resolve("upload.zip"), "upload.zip"), "outside the import folder");

        assertNothingOutside();
    }

    @Test
    void refusesAnAbsoluteEntry() throws Exception {
        String absolute = tmp.resolve("import/abs.txt").toString();
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("/abs.txt", text("abs"));
        entries.put(absolute, text("abs"));
        TestArchives.zip(uploads.resolve("upload.zip"), entries);

        assertRefused(() -> unpacker().add(uploads.resolve("upload.zip"), "upload.zip"), "entry '/abs.txt'", "outside");

        assertEquals(Set.of(), staged());
        assertNothingOutside();
    }

    @Test
    void treatsBackslashesAsSeparatorsSoTheyCannotHideDotDot() throws Exception {
        TestArchives.zip(uploads.resolve("win.zip"), Map.of("a\\..\\..\\evil.txt", text("evil")));

        assertRefused(() -> unpacker().add(uploads.resolve("win.zip"), "win.zip"), "outside the import folder");

        assertEquals(Set.of(), staged());
        assertNothingOutside();
    }

    @Test
    void refusesAZipEntryWhoseUnixModeIsASymbolicLink() throws Exception {
        TestArchives.zipWithSymlink(uploads.resolve("links.zip"), "link", "/etc/passwd");

        assertRefused(() -> unpacker().add(uploads.resolve("links.zip"), "links.zip"),
                "entry 'link' in links.zip is a symbolic link; links are not accepted");

        assertEquals(Set.of("a.txt"), staged());
    }

    @Test
    void refusesAZipEntryWhoseUnixModeIsAnotherSpecialFile() throws Exception {
        TestArchives.zipWithMode(uploads.resolve("pipe.zip"), "pipe", 0010644, "");

        assertRefused(() -> unpacker().add(uploads.resolve("pipe.zip"), "pipe.zip"),
                "entry 'pipe' in pipe.zip is a special file");
    }

    @Test
    void reportsADamagedZipAsARefusal() throws Exception {
        byte[] damaged = new byte[300];
        System.arraycopy(new byte[] {'P', 'K', 3, 4}, 0, damaged, 0, 4);
        Files.write(uploads.resolve("broken.zip"), damaged);

        assertRefused(() -> unpacker().add(uploads.resolve("broken.zip"), "broken.zip"),
                "broken.zip could not be read as a zip archive");
    }

    @Test
    void refusesAnEntryThatWouldNeedAFolderWhereAFileIs() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("a", text("file"));
        entries.put("a/b.dcm", text("b"));
        TestArchives.zip(uploads.resolve("clash.zip"), entries);

        assertRefused(() -> unpacker().add(uploads.resolve("clash.zip"), "clash.zip"), "needs the folder 'a'");

        assertEquals("file", Files.readString(files.resolve("a")));
    }

    @Test
    void givesTheSameEntryFromTwoUploadsASuffixInsteadOfOverwriting() throws Exception {
        Unpacker unpacker = unpacker();
        unpacker.add(TestArchives.zip(uploads.resolve("one.zip"), Map.of("s/a.dcm", text("one"))), "one.zip");
        unpacker.add(TestArchives.zip(uploads.resolve("two.zip"), Map.of("s/a.dcm", text("two"))), "two.zip");
        unpacker.add(TestArchives.zip(uploads.resolve("three.zip"), Map.of("s/a.dcm", text("three"))), "three.zip");

        assertEquals(Set.of("s", "s/a.dcm", "s/a_1.dcm", "s/a_2.dcm"), staged());
        assertEquals("one", Files.readString(files.resolve("s/a.dcm")));
        assertEquals("two", Files.readString(files.resolve("s/a_1.dcm")));
        assertEquals("three", Files.readString(files.resolve("s/a_2.dcm")));
    }

    @Test
    void copiesPlainFilesUnderTheLastElementOfTheirNameWithSuffixesForTakenNames() throws Exception {
        Files.writeString(uploads.resolve("u1"), "first");
        Files.writeString(uploads.resolve("u2"), "second");
        Files.writeString(uploads.resolve("u3"), "uid");
        Files.writeString(uploads.resolve("u4"), "uid again");
        Unpacker unpacker = unpacker();

        unpacker.add(uploads.resolve("u1"), "C:\\Users\\me\\IM0001.dcm");
        unpacker.add(uploads.resolve("u2"), "../../IM0001.dcm");
        unpacker.add(uploads.resolve("u3"), "1.2.840.10008.5");
        unpacker.add(uploads.resolve("u4"), "1.2.840.10008.5");

        assertEquals(Set.of("IM0001.dcm", "IM0001_1.dcm", "1.2.840.10008.5", "1.2.840.10008.5_1"), staged());
        assertEquals("second", Files.readString(files.resolve("IM0001_1.dcm")));
        assertEquals(4, unpacker.filesWritten());
        assertNothingOutside();
    }

    @Test
    void namesAnUploadWithoutAUsableName() throws Exception {
        Files.writeString(uploads.resolve("u1"), "x");

        unpacker().add(uploads.resolve("u1"), "..");

        assertEquals(Set.of("upload"), staged());
    }

    @Test
    void leavesAZipInsideAZipPacked() throws Exception {
        byte[] inner = Files.readAllBytes(TestArchives.zip(uploads.resolve("inner.zip"), Map.of("x.dcm", text("x"))));
        TestArchives.zip(uploads.resolve("outer.zip"), Map.of("d/inner.zip", inner));

        unpacker().add(uploads.resolve("outer.zip"), "outer.zip");

        assertEquals(Set.of("d", "d/inner.zip"), staged());
        assertArrayEquals(inner, Files.readAllBytes(files.resolve("d/inner.zip")));
    }

    @Test
    void refusesAnEntryNameThatIsTooLong() throws IOException {
        TestArchives.zip(uploads.resolve("long.zip"), Map.of("d/" + "x".repeat(300), text("x")));

        assertRefused(() -> unpacker().add(uploads.resolve("long.zip"), "long.zip"), "has a name longer than 240 bytes");
    }
}

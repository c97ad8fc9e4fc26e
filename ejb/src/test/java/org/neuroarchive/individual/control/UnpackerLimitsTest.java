package org.neuroarchive.individual.control;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeout;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neuroarchive.individual.control.TestArchives.random;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UnpackerLimitsTest extends UnpackerTestBase {

    private static final long MIB = 1L << 20;

    private static Map<String, byte[]> randomFiles(int count, int size) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (int i = 1; i <= count; i++) {
            entries.put("f" + i + ".bin", random(size, i));
        }
        return entries;
    }

    @Test
    void refusesAZipBombByItsRatioLongBeforeItIsUnpacked() throws Exception {
        Path bomb = TestArchives.zipOfZeros(uploads.resolve("bomb.zip"), "zeros.bin", 50 * MIB);
        long compressed = Files.size(bomb);
        Unpacker unpacker = unpacker();

        assertTimeout(Duration.ofSeconds(5),
                () -> assertRefused(() -> unpacker.add(bomb, "bomb.zip"), "bomb.zip: compression ratio above 100:1"));

        assertTrue(unpacker.bytesWritten() <= 100 * compressed,
                "stopped at 100 x " + compressed + " bytes, not at " + unpacker.bytesWritten());
        assertTrue(unpacker.bytesWritten() < 6 * MIB, "the 50 MiB were not unpacked: " + unpacker.bytesWritten());
        assertEquals(Set.of(), staged(), "the partial file is deleted");
    }

    @Test
    void stopsAZipBombAtOneMibWhenTheRatioIsLow() throws Exception {
        Path bomb = TestArchives.zipOfZeros(uploads.resolve("bomb.zip"), "zeros.bin", 50 * MIB);
        Unpacker unpacker = unpacker(UnpackLimits.defaults().maxTotalBytes(), 100, 10);

        assertRefused(() -> unpacker.add(bomb, "bomb.zip"), "bomb.zip: compression ratio above 10:1");

        assertTrue(unpacker.bytesWritten() > MIB - 64 * 1024, "the ratio is only enforced above 1 MiB");
        assertTrue(unpacker.bytesWritten() <= MIB, "the chunk crossing 1 MiB is refused, not written");
        assertEquals(Set.of(), staged());
    }

    @Test
    void refusesAGzipBombByItsRatio() throws Exception {
        Path bomb = TestArchives.gzip(uploads.resolve("zeros.gz"), new byte[(int) (20 * MIB)]);
        Unpacker unpacker = unpacker();

        assertRefused(() -> unpacker.add(bomb, "zeros.gz"), "zeros.gz: compression ratio above 100:1");

        assertTrue(unpacker.bytesWritten() < 6 * MIB);
        assertEquals(Set.of(), staged());
    }

    @Test
    void acceptsASmallArchiveOfRepetitiveDataWhateverItsRatio() throws Exception {
        Path small = TestArchives.zipOfZeros(uploads.resolve("small.zip"), "zeros.bin", MIB);
        assertTrue(MIB > 100 * Files.size(small), "the ratio is above 100:1");
        Unpacker unpacker = unpacker();

        unpacker.add(small, "small.zip");

        assertEquals(MIB, Files.size(files.resolve("zeros.bin")));
    }

    @Test
    void refusesTheFourthFileWhenThreeAreAllowed() throws Exception {
        Path four = TestArchives.zip(uploads.resolve("four.zip"), randomFiles(4, 10));
        Unpacker unpacker = unpacker(MIB, 3, 100);

        assertRefused(() -> unpacker.add(four, "four.zip"), "more than 3 files");

        assertEquals(Set.of("f1.bin", "f2.bin", "f3.bin"), staged());
        assertEquals(3, unpacker.filesWritten());
    }

    @Test
    void acceptsExactlyMaxFilesAndDoesNotCountFolders() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("d1/", new byte[0]);
        entries.put("d2/", new byte[0]);
        entries.putAll(randomFiles(3, 10));
        Unpacker unpacker = unpacker(MIB, 3, 100);

        unpacker.add(TestArchives.zip(uploads.resolve("three.zip"), entries), "three.zip");

        assertEquals(3, unpacker.filesWritten());
    }

    @Test
    void countsFilesAcrossUploads() throws Exception {
        Unpacker unpacker = unpacker(MIB, 3, 100);
        unpacker.add(TestArchives.zip(uploads.resolve("two.zip"), randomFiles(2, 10)), "two.zip");
        Path plain = Files.writeString(uploads.resolve("p"), "plain");
        unpacker.add(plain, "third.dcm");

        assertRefused(() -> unpacker.add(plain, "fourth.dcm"), "more than 3 files");

        assertFalse(Files.exists(files.resolve("fourth.dcm")));
    }

    @Test
    void stopsWritingAtMaxTotalBytes() throws Exception {
        Path zip = TestArchives.zip(uploads.resolve("big.zip"), randomFiles(2, 600));
        Unpacker unpacker = unpacker(1000, 100, 100);

        assertRefused(() -> unpacker.add(zip, "big.zip"), "big.zip takes the import above 1000 bytes (limit)");

        assertEquals(Set.of("f1.bin"), staged(), "the second file is not kept, nor its part file");
        assertTrue(unpacker.bytesWritten() <= 1000);
        assertNoPartFiles();
    }

    @Test
    void acceptsExactlyMaxTotalBytesAcrossUploads() throws Exception {
        Unpacker unpacker = unpacker(1000, 100, 100);
        unpacker.add(TestArchives.zip(uploads.resolve("a.zip"), randomFiles(1, 500)), "a.zip");
        unpacker.add(TestArchives.tar(uploads.resolve("b.tar"), false, randomFiles(1, 500)), "b.tar");

        assertEquals(1000, unpacker.bytesWritten());
        Path oneMore = Files.writeString(uploads.resolve("one"), "1");
        assertRefused(() -> unpacker.add(oneMore, "one.dcm"), "above 1000 bytes");
    }

    @Test
    void describesTheDefaultLimitInGib() throws Exception {
        assertEquals(new UnpackLimits(20L << 30, 100_000, 100), UnpackLimits.defaults());
        assertEquals("20 GiB", Budget.human(20L << 30));
        assertEquals("1.5 MiB", Budget.human(3L << 19));
        assertEquals("999 bytes", Budget.human(999));
    }

    @Test
    void refusesLimitsThatAreNotPositive() {
        assertDoesNotThrow(() -> new UnpackLimits(1, 1, 1));
        assertRefusedArgument(() -> new UnpackLimits(0, 1, 1));
        assertRefusedArgument(() -> new UnpackLimits(1, 0, 1));
        assertRefusedArgument(() -> new UnpackLimits(1, 1, 0));
    }

    private static void assertRefusedArgument(Runnable construction) {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, construction::run);
    }

    @Test
    void reportsGrowingProgressEndingAtTheBytesWritten() throws Exception {
        Map<String, byte[]> entries = randomFiles(3, 1_500_000);
        Unpacker unpacker = unpacker();
        List<Long> reports = new ArrayList<>();
        unpacker.onProgress(reports::add);

        unpacker.add(TestArchives.zip(uploads.resolve("p.zip"), entries), "p.zip");

        assertTrue(reports.size() >= 4, "about every MiB and after each file: " + reports);
        for (int i = 1; i < reports.size(); i++) {
            assertTrue(reports.get(i) > reports.get(i - 1), "growing: " + reports);
        }
        assertEquals(4_500_000L, reports.get(reports.size() - 1));
        assertEquals(4_500_000L, unpacker.bytesWritten());
    }
}

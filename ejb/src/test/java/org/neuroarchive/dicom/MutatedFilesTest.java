package org.neuroarchive.dicom;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.FileMetaInformation;
import com.pixelmed.dicom.TransferSyntax;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroarchive.testing.SyntheticSeries;

/**
 * Valid files with a few header bytes overwritten by large lengths: whatever PixelMed makes of them, no
 * reading path may throw anything but a refusal (this class runs with -Xmx256m, where PixelMed ran out of
 * memory), and no attribute PixelMed reads as {@link DicomReader} lets it may be longer than the file. A
 * fixed seed makes failures reproducible; -Dmutations.seed=N tries others, -Dmutations.count=N more.
 * (The bytes a read allocates in all are not a measure here: PixelMed grows arrays of numbers one value at
 * a time, so a 16 KB element of US values alone makes 67 MB of short-lived garbage.)
 */
class MutatedFilesTest {

    private static final int MUTANTS_PER_FILE = Integer.getInteger("mutations.count", 24);
    private static final long[] LENGTHS = {0xFFFFFFFFL, 0xFFFFFFF0L, 0x7FFFFFF0L, 0x40000000L, 0x00FFFFFEL, 0x0000FFFFL};

    @TempDir
    Path dir;

    @Test
    void mutatedHeadersAreReadOrRefusedWithinTheirSize() throws Exception {
        long seed = Long.getLong("mutations.seed", 20261130L);
        Random random = new Random(seed);
        List<Path> sources = sources();
        DicomReader reader = new DicomReader();
        int mutants = 0;
        int accepted = 0;
        for (Path source : sources) {
            byte[] original = Files.readAllBytes(source);
            // an inflated data set holds up to 1032 times its deflated size
            long factor = deflated(reader, source) ? 1100 : 4;
            for (int m = 0; m < MUTANTS_PER_FILE; m++) {
                byte[] bytes = mutate(original, random);
                Path file = Files.write(dir.resolve("mutant.dcm"), bytes);
                String name = source.getFileName() + " mutant " + m + " (seed " + seed + ")";
                try {
                    accepted += readEverything(reader, file) ? 1 : 0;
                    assertNoValueLongerThanTheFile(file, bytes.length, factor, true);
                    assertNoValueLongerThanTheFile(file, bytes.length, factor, false);
                } catch (Throwable e) {
                    if (System.getProperty("mutations.keep") != null) {
                        Files.copy(file, Path.of(System.getProperty("mutations.keep"), source.getFileName() + "-" + m));
                    }
                    throw new AssertionError(name + ": " + e, e);
                }
                mutants++;
            }
        }
        assertTrue(mutants > 200 && accepted > 0, mutants + " mutants, " + accepted + " accepted");
    }

    /** The reading paths of an import: header, inspection, thumbnail, de-identified copy. True if inspected. */
    private boolean readEverything(DicomReader reader, Path file) throws Exception {
        try {
            reader.readHeader(file);
        } catch (DicomFormatException e) {
            // refused: fine
        }
        boolean inspected;
        try {
            reader.inspect(file);
            inspected = true;
        } catch (DicomFormatException e) {
            inspected = false;
        }
        try {
            new ThumbnailRenderer().render(file);
        } catch (ThumbnailException e) {
            // fine
        }
        try {
            new Deidentifier("salt").deidentify(file, dir.resolve("deid.dcm"), "ANON1");
        } catch (DicomFormatException e) {
            // fine
        }
        return inspected;
    }

    /** What PixelMed reads of the file where the scan lets it (header read, or everything): nothing longer than the file. */
    private static void assertNoValueLongerThanTheFile(Path file, long size, long factor, boolean header)
            throws Exception {
        try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(file);
             java.io.InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file))) {
            ScanResult scan;
            try {
                scan = ElementScan.scan(ScanInput.of(channel, size), header, DicomReader.DEFAULT_MAX_INFLATED_BYTES);
            } catch (DicomFormatException refused) {
                return;
            }
            AttributeList list = new AttributeList();
            list.setDecompressPixelData(false);
            try {
                com.pixelmed.dicom.DicomInputStream dis =
                        new com.pixelmed.dicom.DicomInputStream(scan.cut() ? new CutInputStream(in, scan.cutAt()) : in);
                if (header) {
                    list.read(dis, com.pixelmed.dicom.TagFromName.PixelData);
                } else {
                    list.read(dis);
                }
            } catch (java.io.IOException | com.pixelmed.dicom.DicomException | RuntimeException e) {
                // what PixelMed read before it failed is in the list
            }
            assertShorterThan(list, factor * size, file.getFileName().toString());
        }
    }

    private static void assertShorterThan(AttributeList list, long limit, String name) {
        for (Object value : list.values()) {
            com.pixelmed.dicom.Attribute attribute = (com.pixelmed.dicom.Attribute) value;
            if (attribute instanceof com.pixelmed.dicom.SequenceAttribute sequence) {
                for (int item = 0; item < sequence.getNumberOfItems(); item++) {
                    assertShorterThan(sequence.getItem(item).getAttributeList(), limit, name);
                }
            } else {
                // (a string's length is that of its value encoded again: binary junk read as text grows)
                long vl = attribute.getVL();
                assertTrue(vl == 0xFFFFFFFFL || vl <= limit, name + ": " + attribute.getTag() + " holds " + vl + " bytes");
            }
        }
    }

    private static boolean deflated(DicomReader reader, Path source) {
        try {
            return TransferSyntax.DeflatedExplicitVRLittleEndian.equals(reader.readHeader(source).transferSyntaxUid());
        } catch (Exception e) {
            return false;
        }
    }

    private static byte[] mutate(byte[] original, Random random) {
        byte[] bytes = original.clone();
        int header = Math.min(bytes.length - 4, 2048);
        int changes = 1 + random.nextInt(3);
        for (int c = 0; c < changes; c++) {
            int at = random.nextInt(header);
            long value = random.nextInt(4) == 0 ? random.nextInt() & 0xFFFFFFFFL : LENGTHS[random.nextInt(LENGTHS.length)];
            if (random.nextBoolean()) {
                at &= ~1; // lengths are even-aligned in real files; both are tried
            }
            for (int k = 0; k < 4; k++) {
                bytes[at + k] = (byte) (value >>> (8 * k));
            }
        }
        return bytes;
    }

    /** Generated files in every uncompressed transfer syntax, and the pydicom corpus where installed. */
    private List<Path> sources() throws Exception {
        List<Path> sources = new ArrayList<>();
        AttributeList list = SyntheticSeries.mr().size(8, 8).build(1, SyntheticSeries.newUid());
        for (String syntax : List.of(TransferSyntax.ExplicitVRLittleEndian, TransferSyntax.ImplicitVRLittleEndian,
                TransferSyntax.ExplicitVRBigEndian, TransferSyntax.DeflatedExplicitVRLittleEndian)) {
            FileMetaInformation.addFileMetaInformation(list, syntax, "NEUROARCHIVE");
            Path file = dir.resolve("source-" + syntax + ".dcm");
            list.write(file.toFile(), syntax, true, true);
            sources.add(file);
        }
        Path corpus = Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files");
        if (Files.isDirectory(corpus)) {
            try (var files = Files.list(corpus)) {
                files.filter(f -> f.toString().endsWith(".dcm")).sorted().forEach(sources::add);
            }
        }
        return sources;
    }
}

package org.neuroarchive.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeFactory;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.FileMetaInformation;
import com.pixelmed.dicom.OtherByteAttribute;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroarchive.testing.SyntheticSeries;

class DicomReaderTest {

    private final DicomReader reader = new DicomReader();

    @TempDir
    Path dir;

    @Test
    void readsTheHeaderOfAGeneratedInstance() throws Exception {
        SyntheticSeries series = SyntheticSeries.mr().patient("P42", "Doe^John").series(7, "BOLD rest").instances(2);
        List<Path> files = series.writeTo(dir, "mr");

        DicomHeader header = reader.readHeader(files.get(1));

        assertEquals("P42", header.patientId());
        assertEquals("Doe^John", header.patientName());
        assertEquals("MR", header.modality());
        assertEquals(7, header.seriesNumber());
        assertEquals(2, header.instanceNumber());
        assertEquals(series.studyInstanceUid(), header.studyInstanceUid());
        assertEquals(series.seriesInstanceUid(), header.seriesInstanceUid());
        assertEquals("20260102", header.studyDate());
        assertEquals(16, header.rows());
        assertEquals(16L * 16 * 2, header.expectedNativePixelBytes());
    }

    @Test
    void inspectComputesTheSha256OfTheWholeFile() throws Exception {
        Path file = SyntheticSeries.mr().instances(1).writeTo(dir, "mr").get(0);

        InspectedInstance inspected = reader.inspect(file);

        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        assertEquals(expected, inspected.sha256());
        assertEquals(Files.size(file), inspected.size());
    }

    @Test
    void inspectsAgainOnlyTheHeaderOfAFileReadBeforeWithItsSizeAndDigest() throws Exception {
        Path file = SyntheticSeries.mr().size(64, 64).instances(1).writeTo(dir, "mr").get(0);
        InspectedInstance first = reader.inspect(file);

        InspectedInstance again = reader.inspectAgain(file, first.size(), first.sha256());

        assertEquals(first.header().sopInstanceUid(), again.header().sopInstanceUid());
        assertEquals(first.size(), again.size());
        assertEquals(first.sha256(), again.sha256());
    }

    @Test
    void inspectsAFileCompletelyAgainWhenItsSizeChangedSinceItWasRead() throws Exception {
        Path file = SyntheticSeries.mr().size(64, 64).instances(1).writeTo(dir, "mr").get(0);
        InspectedInstance first = reader.inspect(file);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length - 1000));

        DicomFormatException e = assertThrows(DicomFormatException.class,
                () -> reader.inspectAgain(file, first.size(), first.sha256()));
        assertTrue(e.reason().contains("truncated inside the pixel data"), e.reason());
    }

    @Test
    void refusesAnEmptyFile() throws IOException {
        Path empty = Files.createFile(dir.resolve("empty.dcm"));
        DicomFormatException e = assertThrows(DicomFormatException.class, () -> reader.readHeader(empty));
        assertEquals("empty file (0 bytes)", e.reason());
    }

    @Test
    void refusesATextFile() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.txt"), "scanner notes: subject moved during run 3\n".repeat(20),
                StandardCharsets.UTF_8);
        DicomFormatException e = assertThrows(DicomFormatException.class, () -> reader.inspect(text));
        assertTrue(e.reason().startsWith("not a DICOM file") || e.reason().startsWith("not readable"), e.reason());
    }

    @Test
    void refusesAFileTruncatedInsideTheHeader() throws IOException {
        Path file = SyntheticSeries.mr().instances(1).writeTo(dir, "mr").get(0);
        Path truncated = dir.resolve("truncated-header.dcm");
        Files.write(truncated, java.util.Arrays.copyOf(Files.readAllBytes(file), 300));
        assertThrows(DicomFormatException.class, () -> reader.inspect(truncated));
    }

    @Test
    void refusesAFileTruncatedInsideThePixelData() throws Exception {
        Path file = SyntheticSeries.mr().size(64, 64).instances(1).writeTo(dir, "mr").get(0);
        byte[] bytes = Files.readAllBytes(file);
        Path truncated = dir.resolve("truncated-pixels.dcm");
        Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length - 1000));

        DicomFormatException e = assertThrows(DicomFormatException.class, () -> reader.inspect(truncated));
        assertTrue(e.reason().contains("truncated inside the pixel data"), e.reason());
        // the header alone is still readable: grouping works, archiving refuses
        assertEquals("P0001", reader.readHeader(truncated).patientId());
    }

    @Test
    void aMissingFileIsNotABadFile() {
        assertThrows(NoSuchFileException.class, () -> reader.readHeader(dir.resolve("gone.dcm")));
    }

    @Test
    void acceptsANativeYbrFull422ImageWhoseChrominanceIsSubsampled() throws Exception {
        // 4:2:2 stores Y Y Cb Cr for each pair of pixels: 2 bytes per 8-bit pixel, not 3
        Path complete = writeYbr422(4, 6, 4 * 6 * 2, "ybr422.dcm");
        assertEquals(4 * 6 * 2, reader.readHeader(complete).expectedNativePixelBytes());
        assertEquals(Files.size(complete), reader.inspect(complete).size());

        Path short1 = writeYbr422(4, 6, 4 * 6 * 2 - 8, "ybr422-short.dcm");
        DicomFormatException e = assertThrows(DicomFormatException.class, () -> reader.inspect(short1));
        assertTrue(e.reason().startsWith("pixel data holds 40 bytes but the image dimensions need 48"), e.reason());
    }

    @Test
    void checksThePixelDataOfADeflatedFileInsideTheInflatedDataSet() throws Exception {
        AttributeList list = SyntheticSeries.mr().size(64, 64).build(1, SyntheticSeries.newUid());
        FileMetaInformation.addFileMetaInformation(list, TransferSyntax.DeflatedExplicitVRLittleEndian, "NEUROARCHIVE");
        Path deflated = dir.resolve("deflated.dcm");
        list.write(deflated.toFile(), TransferSyntax.DeflatedExplicitVRLittleEndian, true, true);

        InspectedInstance inspected = reader.inspect(deflated);
        assertEquals(TransferSyntax.DeflatedExplicitVRLittleEndian, inspected.header().transferSyntaxUid());
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(deflated))),
                inspected.sha256());

        byte[] bytes = Files.readAllBytes(deflated);
        Path truncated = Files.write(dir.resolve("deflated-truncated.dcm"), Arrays.copyOf(bytes, bytes.length - 40));
        assertThrows(DicomFormatException.class, () -> reader.inspect(truncated));
    }

    @Test
    void refusesAnObjectWithoutPixelDataThatIsTruncatedInsideAnAttribute() throws Exception {
        AttributeList list = SyntheticSeries.mr().build(1, SyntheticSeries.newUid());
        list.removeGroupLengthAttributes();
        for (AttributeTag tag : List.copyOf(list.keySet())) {
            if (tag.getGroup() >= 0x0028) {
                list.remove(tag); // no image: what is left ends with the long comment below
            }
        }
        put(list, TagFromName.ImageComments, "a long comment ".repeat(60));
        Path complete = dir.resolve("no-pixels.dcm");
        list.write(complete.toFile(), TransferSyntax.ExplicitVRLittleEndian, true, true);
        assertTrue(!reader.inspect(complete).header().isImage());

        byte[] bytes = Files.readAllBytes(complete);
        Path truncated = Files.write(dir.resolve("no-pixels-truncated.dcm"), Arrays.copyOf(bytes, bytes.length - 100));
        assertEquals("P0001", reader.readHeader(truncated).patientId(), "PixelMed reads it without complaint");
        DicomFormatException e = assertThrows(DicomFormatException.class, () -> reader.inspect(truncated));
        assertTrue(e.reason().startsWith("truncated: the file ends inside an attribute"), e.reason());
    }

    @Test
    void refusesTextBeforePixelMedAllocatesTheLengthItWouldReadFromIt() throws IOException {
        // read as a raw data set, these bytes are tag (0A7B,2020) with a value length of 807,542,816
        Path json = Files.writeString(dir.resolve("test.json"), "{\n    \"00080016\": {\"vr\": \"UI\"}\n}\n");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();

        DicomFormatException header = assertThrows(DicomFormatException.class, () -> reader.readHeader(json));
        DicomFormatException whole = assertThrows(DicomFormatException.class, () -> reader.inspect(json));

        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertTrue(allocated < 16 << 20, "allocated " + allocated + " bytes to refuse a " + Files.size(json) + "-byte file");
        assertTrue(header.reason().startsWith("not a DICOM file"), header.reason());
        assertEquals(header.reason(), whole.reason());
    }

    @Test
    void acceptsADataSetWithoutPreambleInEitherByteOrder() throws Exception {
        AttributeList list = SyntheticSeries.mr().build(1, SyntheticSeries.newUid());
        list.removeMetaInformationHeaderAttributes();
        for (String syntax : List.of(TransferSyntax.ImplicitVRLittleEndian, TransferSyntax.ExplicitVRBigEndian)) {
            Path raw = dir.resolve("raw-" + syntax + ".dcm");
            list.write(raw.toFile(), syntax, false, true);
            assertEquals("P0001", reader.inspect(raw).header().patientId(), syntax);
        }
    }

    /**
     * What the corpus of python3-pydicom exercises beyond the generated files: a 4:2:2 image, a
     * deflated one and a truncated RT plan are told apart correctly, junk is refused as not DICOM.
     */
    @Test
    void pydicomCorpusFilesThatNeedMoreThanAHeaderAndALength() throws IOException {
        Path corpus = Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(corpus), "python3-pydicom is not installed");
        for (String valid : List.of("SC_ybr_full_422_uncompressed.dcm", "image_dfl.dcm", "rtplan.dcm",
                "ExplVR_BigEndNoMeta.dcm", "rtstruct.dcm")) {
            try {
                reader.inspect(corpus.resolve(valid));
            } catch (DicomFormatException e) {
                throw new AssertionError(valid + " refused: " + e.reason(), e);
            }
        }
        Map<String, String> refused = Map.of(
                "rtplan_truncated.dcm", "truncated: the file ends inside an attribute",
                "MR_truncated.dcm", "truncated inside the pixel data",
                "test1.json", "not a DICOM file",
                "test_PN.json", "not a DICOM file",
                "rtplan.dump", "not a DICOM file",
                "README.txt", "not a DICOM file",
                "no_meta.dcm", "not a DICOM file",
                "zipMR.gz", "not a DICOM file",
                "dicomdirtests/TINY_ALPHA/README", "not a DICOM file");
        refused.forEach((name, reason) -> {
            DicomFormatException e = assertThrows(DicomFormatException.class, () -> reader.inspect(corpus.resolve(name)), name);
            assertTrue(e.reason().startsWith(reason), name + ": " + e.reason());
        });
    }

    @Test
    void readsEveryFileOfThePydicomCorpusOrSaysWhyNot() throws IOException {
        Path corpus = Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(corpus), "python3-pydicom is not installed");
        int accepted = 0;
        int refused = 0;
        try (var files = Files.walk(corpus)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".dcm")).toList()) {
                try {
                    reader.inspect(file);
                    accepted++;
                } catch (DicomFormatException e) {
                    assertTrue(!e.reason().isBlank());
                    refused++;
                }
            }
        }
        assertTrue(accepted > 40, "accepted " + accepted + ", refused " + refused);
    }

    private Path writeYbr422(int rows, int columns, int pixelBytes, String name) throws Exception {
        AttributeList list = SyntheticSeries.mr().size(rows, columns).build(1, SyntheticSeries.newUid());
        put(list, TagFromName.PhotometricInterpretation, "YBR_FULL_422");
        put(list, TagFromName.SamplesPerPixel, "3");
        put(list, TagFromName.PlanarConfiguration, "0");
        put(list, TagFromName.BitsAllocated, "8");
        put(list, TagFromName.BitsStored, "8");
        put(list, TagFromName.HighBit, "7");
        Attribute pixels = new OtherByteAttribute(TagFromName.PixelData);
        pixels.setValues(new byte[pixelBytes]);
        list.put(pixels);
        Path file = dir.resolve(name);
        list.write(file.toFile(), TransferSyntax.ExplicitVRLittleEndian, true, true);
        return file;
    }

    private static void put(AttributeList list, AttributeTag tag, String value) throws Exception {
        Attribute attribute = AttributeFactory.newAttribute(tag);
        attribute.addValue(value);
        list.put(attribute);
    }
}

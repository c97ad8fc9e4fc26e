package org.neuroarchive.dicom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.CodeStringAttribute;
import com.pixelmed.dicom.CodedSequenceItem;
import com.pixelmed.dicom.DicomInputStream;
import com.pixelmed.dicom.OtherByteAttributeMultipleCompressedFrames;
import com.pixelmed.dicom.OtherWordAttribute;
import com.pixelmed.dicom.PersonNameAttribute;
import com.pixelmed.dicom.SOPClass;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import java.io.BufferedInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroarchive.testing.SyntheticSeries;

/** {@link Deidentifier} on what the generated MR series does not cover: compressed and other transfer syntaxes, SR. */
class DeidentifierFormatsTest {

    private static final String SALT = "per-import-secret-2";

    @TempDir
    Path dir;

    /** Compressed, deflated, big endian and implicit VR files keep their transfer syntax and pixel data. */
    @Test
    void keepsTheTransferSyntaxAndTheCompressedFramesOfThePydicomCorpus() throws Exception {
        Path corpus = Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files");
        Assumptions.assumeTrue(Files.isDirectory(corpus), "python3-pydicom is not installed");
        DicomReader reader = new DicomReader();
        for (String name : List.of("MR_small_RLE.dcm", "JPEG2000.dcm", "JPEG-lossy.dcm", "image_dfl.dcm",
                "MR_small_bigendian.dcm", "MR_small_implicit.dcm", "ExplVR_BigEndNoMeta.dcm", "test-SR.dcm")) {
            Path source = corpus.resolve(name);
            Path target = dir.resolve("deid-" + name);
            new Deidentifier(SALT).deidentify(source, target, "ANON0000000001");

            DicomHeader before = reader.readHeader(source);
            InspectedInstance after = reader.inspect(target);
            assertEquals(before.transferSyntaxUid(), after.header().transferSyntaxUid(), name);
            assertEquals(before.sopClassUid(), after.header().sopClassUid(), name);
            assertEquals("ANON0000000001", after.header().patientId(), name);
            assertNotEquals(before.sopInstanceUid(), after.header().sopInstanceUid(), name);
            assertPixelDataEqual(readAll(source).get(TagFromName.PixelData), readAll(target).get(TagFromName.PixelData), name);
        }
    }

    @Test
    void cleansAPersonNameInStructuredContent() throws Exception {
        AttributeList report = SyntheticSeries.mr().modality("SR", SOPClass.ComprehensiveSRStorage).withoutPixels()
                .build(1, SyntheticSeries.newUid());
        AttributeList observer = new AttributeList();
        put(observer, new CodeStringAttribute(TagFromName.RelationshipType), "HAS OBS CONTEXT");
        put(observer, new CodeStringAttribute(TagFromName.ValueType), "PNAME");
        SequenceAttribute concept = new SequenceAttribute(TagFromName.ConceptNameCodeSequence);
        concept.addItem(new CodedSequenceItem("121008", "DCM", "Person Observer Name").getAttributeList());
        observer.put(concept);
        put(observer, new PersonNameAttribute(TagFromName.PersonName), "Observer^Secret");
        SequenceAttribute content = new SequenceAttribute(TagFromName.ContentSequence);
        content.addItem(observer);
        report.put(content);
        Path source = dir.resolve("report.dcm");
        report.write(source.toFile(), TransferSyntax.ExplicitVRLittleEndian, true, true);
        Path target = dir.resolve("report-out.dcm");

        new Deidentifier(SALT).deidentify(source, target, "ANON1");

        assertFalse(new String(Files.readAllBytes(target), StandardCharsets.ISO_8859_1).contains("Observer^Secret"));
        assertEquals("SR", new DicomReader().inspect(target).header().modality());
    }

    private static AttributeList readAll(Path file) throws Exception {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            AttributeList list = new AttributeList();
            list.setDecompressPixelData(false);
            list.read(new DicomInputStream(in));
            return list;
        }
    }

    private static void assertPixelDataEqual(Attribute expected, Attribute actual, String name) throws Exception {
        if (expected == null) {
            assertEquals(null, actual, name);
        } else if (expected instanceof OtherByteAttributeMultipleCompressedFrames frames) {
            assertTrue(actual instanceof OtherByteAttributeMultipleCompressedFrames, name);
            assertTrue(Arrays.deepEquals(frames.getFrames(), ((OtherByteAttributeMultipleCompressedFrames) actual).getFrames()),
                    name);
        } else if (expected instanceof OtherWordAttribute) {
            assertArrayEquals(expected.getShortValues(), actual.getShortValues(), name);
        } else {
            assertArrayEquals(expected.getByteValues(), actual.getByteValues(), name);
        }
    }

    private static void put(AttributeList list, Attribute attribute, String value) throws Exception {
        attribute.addValue(value);
        list.put(attribute);
    }
}

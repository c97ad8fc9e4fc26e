package org.neuroarchive.dicom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.CodedSequenceItem;
import com.pixelmed.dicom.DicomInputStream;
import com.pixelmed.dicom.LongStringAttribute;
import com.pixelmed.dicom.SOPClass;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.SequenceItem;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import com.pixelmed.dicom.UniqueIdentifierAttribute;
import java.io.BufferedInputStream;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroarchive.testing.SyntheticSeries;

class DeidentifierTest {

    private static final String SALT = "per-import-secret-1";
    private static final AttributeTag PRIVATE_CREATOR = new AttributeTag(0x0029, 0x0010);
    private static final AttributeTag PRIVATE_NOTE = new AttributeTag(0x0029, 0x1001);
    private static final List<String> PHI = List.of("Doe^Jane", "PID-4711-SECRET", "19790314", "12 Elm Street",
            "OTHER-ID-0815", "Saint Example Hospital", "1 Hospital Road", "Referrer^Robert", "Operator^Olga",
            "Performer^Paul", "ACC-99887766", "MRSTATION-NORTH", "SERIAL-123456", "ACME PRIVATE", "Jane's own note");

    @TempDir
    Path dir;

    /** Original SOPInstanceUIDs of the series written by {@link #writePhiSeries}. */
    private final List<String> originalInstanceUids = new ArrayList<>();
    private final String frameOfReferenceUid = SyntheticSeries.newUid();
    private final SyntheticSeries series = SyntheticSeries.mr().patient("PID-4711-SECRET", "Doe^Jane")
            .series(3, "T1 MPRAGE").instances(3)
            .with("PatientBirthDate", "19790314")
            .with("PatientAddress", "12 Elm Street, Springfield")
            .with("OtherPatientIDs", "OTHER-ID-0815")
            .with("InstitutionName", "Saint Example Hospital")
            .with("InstitutionAddress", "1 Hospital Road, Metropolis")
            .with("ReferringPhysicianName", "Referrer^Robert")
            .with("OperatorsName", "Operator^Olga")
            .with("PerformingPhysicianName", "Performer^Paul")
            .with("AccessionNumber", "ACC-99887766")
            .with("StationName", "MRSTATION-NORTH")
            .with("DeviceSerialNumber", "SERIAL-123456")
            .with("FrameOfReferenceUID", frameOfReferenceUid);

    @Test
    void removesEveryIdentifyingValueAndEveryOriginalUidFromTheWrittenBytes() throws Exception {
        List<Path> targets = deidentifyAll(writePhiSeries(), SALT);

        List<String> secrets = new ArrayList<>(PHI);
        secrets.addAll(originalInstanceUids);
        secrets.addAll(List.of(series.studyInstanceUid(), series.seriesInstanceUid(), frameOfReferenceUid));
        for (Path target : targets) {
            String bytes = new String(Files.readAllBytes(target), StandardCharsets.ISO_8859_1);
            for (String secret : secrets) {
                assertFalse(bytes.contains(secret), target.getFileName() + " still contains " + secret);
            }
            assertTrue(bytes.contains("T1 MPRAGE"), "the series description is kept");
        }
    }

    @Test
    void keepsWhatTheArchiveNeedsAndRecordsTheMethod() throws Exception {
        Path target = deidentifyAll(writePhiSeries(), SALT).get(0);
        AttributeList list = readAll(target);
        String pseudonym = Deidentifier.pseudonymFor(SALT, "PID-4711-SECRET");

        assertEquals(pseudonym, text(list, TagFromName.PatientID));
        assertEquals(pseudonym, text(list, TagFromName.PatientName));
        assertEquals("YES", text(list, TagFromName.PatientIdentityRemoved));
        assertEquals("20260102", text(list, TagFromName.StudyDate));
        assertEquals("F", text(list, TagFromName.PatientSex));
        assertEquals("T1 MPRAGE", text(list, TagFromName.SeriesDescription));
        assertEquals("t1_mprage_sag", text(list, TagFromName.ProtocolName));
        assertEquals("", text(list, TagFromName.PatientBirthDate));
        assertEquals(SOPClass.MRImageStorage, text(list, TagFromName.SOPClassUID));
        assertEquals(SOPClass.MRImageStorage, text(list, TagFromName.MediaStorageSOPClassUID));
        assertEquals(text(list, TagFromName.SOPInstanceUID), text(list, TagFromName.MediaStorageSOPInstanceUID));
        assertEquals(TransferSyntax.ExplicitVRLittleEndian, text(list, TagFromName.TransferSyntaxUID));
        assertFalse(Attribute.getDelimitedStringValuesOrEmptyString(list, TagFromName.DeidentificationMethod).isBlank());
        assertEquals(Set.of("113100", "113104", "113106", "113108"), methodCodes(list));
        assertTrue(list.keySet().stream().noneMatch(AttributeTag::isPrivate), "private attributes are removed");
    }

    @Test
    void withoutAGivenPseudonymThePatientsOwnIdIsPseudonymised() throws Exception {
        Path source = writePhiSeries().get(0);
        Path target = dir.resolve("own-pseudonym.dcm");
        new Deidentifier(SALT).deidentify(source, target);
        AttributeList list = readAll(target);
        assertEquals(Deidentifier.pseudonymFor(SALT, "PID-4711-SECRET"), text(list, TagFromName.PatientID));
        assertEquals(Deidentifier.pseudonymFor(SALT, "PID-4711-SECRET"), text(list, TagFromName.PatientName));
    }

    @Test
    void mapsEachOriginalUidToOneNewUidPerSaltAcrossFilesAndInstances() throws Exception {
        List<Path> sources = writePhiSeries();
        List<AttributeList> first = readAll(deidentifyAll(sources, SALT));
        List<AttributeList> again = readAll(deidentifyAll(sources, SALT)); // a new instance, as after a restart
        List<AttributeList> other = readAll(deidentifyAll(sources, "another-import"));

        String study = text(first.get(0), TagFromName.StudyInstanceUID);
        String seriesUid = text(first.get(0), TagFromName.SeriesInstanceUID);
        assertEquals("2.25." + expectedHash(SALT, series.studyInstanceUid()), study);
        Set<String> instances = new HashSet<>();
        for (int i = 0; i < first.size(); i++) {
            assertEquals(study, text(first.get(i), TagFromName.StudyInstanceUID));
            assertEquals(seriesUid, text(first.get(i), TagFromName.SeriesInstanceUID));
            assertEquals("2.25." + expectedHash(SALT, frameOfReferenceUid), text(first.get(i), TagFromName.FrameOfReferenceUID));
            assertEquals(text(first.get(i), TagFromName.SOPInstanceUID), text(again.get(i), TagFromName.SOPInstanceUID));
            instances.add(text(first.get(i), TagFromName.SOPInstanceUID));
            assertNotEquals(study, text(other.get(i), TagFromName.StudyInstanceUID));
            assertNotEquals(seriesUid, text(other.get(i), TagFromName.SeriesInstanceUID));
            assertNotEquals(text(first.get(i), TagFromName.SOPInstanceUID), text(other.get(i), TagFromName.SOPInstanceUID));
        }
        assertEquals(first.size(), instances.size(), "SOPInstanceUIDs stay distinct");
        assertTrue(study.length() <= 64 && study.matches("2\\.25\\.[1-9][0-9]*"), study);
    }

    @Test
    void replacesReferencedInstanceUidsInsideSequencesConsistently() throws Exception {
        List<AttributeList> lists = readAll(deidentifyAll(writePhiSeries(), SALT));
        String firstInstance = text(lists.get(0), TagFromName.SOPInstanceUID);
        for (AttributeList list : lists.subList(1, lists.size())) {
            SequenceAttribute references = (SequenceAttribute) list.get(TagFromName.ReferencedImageSequence);
            assertNotNull(references, "the reference is kept");
            AttributeList item = references.getItem(0).getAttributeList();
            assertEquals(firstInstance, text(item, TagFromName.ReferencedSOPInstanceUID));
            assertEquals(SOPClass.MRImageStorage, text(item, TagFromName.ReferencedSOPClassUID));
        }
    }

    @Test
    void copiesThePixelDataByteForByteAndTheResultPassesInspection() throws Exception {
        List<Path> sources = writePhiSeries();
        List<Path> targets = deidentifyAll(sources, SALT);
        DicomReader reader = new DicomReader();
        for (int i = 0; i < sources.size(); i++) {
            assertArrayEquals(pixelElement(sources.get(i)), pixelElement(targets.get(i)));
            assertEquals(Deidentifier.pseudonymFor(SALT, "PID-4711-SECRET"), reader.inspect(targets.get(i)).header().patientId());
        }
        try (Stream<Path> files = Files.list(dir.resolve("out-" + SALT))) {
            assertEquals(sources.size(), files.count(), "no temporary file is left behind");
        }
    }

    @Test
    void refusesANonDicomFileWithoutWritingATarget() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.txt"), "subject moved during run 3\n".repeat(20));
        Path target = dir.resolve("out/notes.dcm");
        Files.createDirectories(target.getParent());

        DicomFormatException e = assertThrows(DicomFormatException.class,
                () -> new Deidentifier(SALT).deidentify(text, target, "ANON1"));

        assertTrue(e.reason().startsWith("not a DICOM file"), e.reason());
        try (Stream<Path> files = Files.list(target.getParent())) {
            assertEquals(0, files.count(), "neither target nor temporary file");
        }
    }

    @Test
    void refusesAFileTruncatedInsideThePixelData() throws Exception {
        Path file = SyntheticSeries.mr().size(64, 64).instances(1).writeTo(dir, "mr").get(0);
        byte[] bytes = Files.readAllBytes(file);
        Path truncated = Files.write(dir.resolve("truncated.dcm"), Arrays.copyOf(bytes, bytes.length - 1000));
        Path target = dir.resolve("truncated-out.dcm");

        DicomFormatException e = assertThrows(DicomFormatException.class,
                () -> new Deidentifier(SALT).deidentify(truncated, target, "ANON1"));

        assertTrue(e.reason().contains("truncated"), e.reason());
        assertFalse(Files.exists(target), "PixelMed would have returned the header without the pixels");
    }

    @Test
    void refusesAFileWithoutSopInstanceUid() throws Exception {
        AttributeList list = SyntheticSeries.mr().build(1, SyntheticSeries.newUid());
        list.remove(TagFromName.SOPInstanceUID);
        list.remove(TagFromName.MediaStorageSOPInstanceUID);
        Path source = dir.resolve("no-uid.dcm");
        list.write(source.toFile(), TransferSyntax.ExplicitVRLittleEndian, true, true);
        Path target = dir.resolve("no-uid-out.dcm");

        DicomFormatException e = assertThrows(DicomFormatException.class,
                () -> new Deidentifier(SALT).deidentify(source, target, "ANON1"));

        assertTrue(e.reason().contains("SOPInstanceUID"), e.reason());
        assertFalse(Files.exists(target));
    }

    @Test
    void pseudonymsAreStablePerSaltAndBlankIdsShareOne() {
        String pseudonym = Deidentifier.pseudonymFor(SALT, "PID-4711-SECRET");
        assertTrue(pseudonym.matches("ANON[0-9A-F]{10}"), pseudonym);
        assertEquals(pseudonym, Deidentifier.pseudonymFor(SALT, "PID-4711-SECRET"));
        assertNotEquals(pseudonym, Deidentifier.pseudonymFor("another-import", "PID-4711-SECRET"));
        assertNotEquals(pseudonym, Deidentifier.pseudonymFor(SALT, "PID-4712-SECRET"));
        assertEquals(Deidentifier.pseudonymFor(SALT, ""), Deidentifier.pseudonymFor(SALT, "  "));
        assertEquals(Deidentifier.pseudonymFor(SALT, ""), Deidentifier.pseudonymFor(SALT, null));
        assertThrows(IllegalArgumentException.class, () -> new Deidentifier(" "));
    }

    private List<Path> writePhiSeries() throws Exception {
        List<Path> files = new ArrayList<>();
        for (int number = 1; number <= 3; number++) {
            String uid = SyntheticSeries.newUid();
            originalInstanceUids.add(uid);
            AttributeList list = series.build(number, uid);
            put(list, new LongStringAttribute(PRIVATE_CREATOR), "ACME PRIVATE");
            put(list, new LongStringAttribute(PRIVATE_NOTE), "Jane's own note");
            if (number > 1) {
                AttributeList item = new AttributeList();
                put(item, new UniqueIdentifierAttribute(TagFromName.ReferencedSOPClassUID), SOPClass.MRImageStorage);
                put(item, new UniqueIdentifierAttribute(TagFromName.ReferencedSOPInstanceUID), originalInstanceUids.get(0));
                SequenceAttribute references = new SequenceAttribute(TagFromName.ReferencedImageSequence);
                references.addItem(item);
                list.put(references);
            }
            Path file = dir.resolve("phi-" + number + ".dcm");
            list.write(file.toFile(), TransferSyntax.ExplicitVRLittleEndian, true, true);
            files.add(file);
        }
        return files;
    }

    private List<Path> deidentifyAll(List<Path> sources, String salt) throws Exception {
        Path out = Files.createDirectories(dir.resolve("out-" + salt));
        Deidentifier deidentifier = new Deidentifier(salt);
        List<Path> targets = new ArrayList<>();
        for (Path source : sources) {
            Path target = out.resolve(source.getFileName());
            deidentifier.deidentify(source, target, Deidentifier.pseudonymFor(salt, "PID-4711-SECRET"));
            targets.add(target);
        }
        return targets;
    }

    private static List<AttributeList> readAll(List<Path> files) throws Exception {
        List<AttributeList> lists = new ArrayList<>();
        for (Path file : files) {
            lists.add(readAll(file));
        }
        return lists;
    }

    private static AttributeList readAll(Path file) throws Exception {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            AttributeList list = new AttributeList();
            list.setDecompressPixelData(false);
            list.read(new DicomInputStream(in));
            return list;
        }
    }

    private static Set<String> methodCodes(AttributeList list) {
        Set<String> codes = new HashSet<>();
        SequenceAttribute sequence = (SequenceAttribute) list.get(TagFromName.DeidentificationMethodCodeSequence);
        for (int i = 0; i < sequence.getNumberOfItems(); i++) {
            SequenceItem item = sequence.getItem(i);
            CodedSequenceItem code = new CodedSequenceItem(item.getAttributeList());
            assertEquals("DCM", code.getCodingSchemeDesignator());
            codes.add(code.getCodeValue());
        }
        return codes;
    }

    /** The Pixel Data element as written (explicit VR little endian: tag, VR, length, value), to the end of file. */
    private static byte[] pixelElement(Path file) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        byte[] tag = {(byte) 0xE0, 0x7F, 0x10, 0x00, 'O', 'W'};
        for (int i = bytes.length - tag.length; i >= 0; i--) {
            if (Arrays.equals(bytes, i, i + tag.length, tag, 0, tag.length)) {
                return Arrays.copyOfRange(bytes, i, bytes.length);
            }
        }
        throw new AssertionError("no pixel data in " + file);
    }

    private static String expectedHash(String salt, String uid) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest((salt + "|" + uid).getBytes(StandardCharsets.UTF_8));
        return new BigInteger(1, Arrays.copyOf(digest, 16)).toString();
    }

    private static String text(AttributeList list, AttributeTag tag) {
        return Attribute.getSingleStringValueOrEmptyString(list, tag);
    }

    private static void put(AttributeList list, Attribute attribute, String value) throws Exception {
        attribute.addValue(value);
        list.put(attribute);
    }
}

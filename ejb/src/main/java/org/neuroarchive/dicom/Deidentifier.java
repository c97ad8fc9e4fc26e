package org.neuroarchive.dicom;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.ClinicalTrialsAttributes;
import com.pixelmed.dicom.CodeStringAttribute;
import com.pixelmed.dicom.CodedSequenceItem;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.DicomInputStream;
import com.pixelmed.dicom.FileMetaInformation;
import com.pixelmed.dicom.LongStringAttribute;
import com.pixelmed.dicom.PersonNameAttribute;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.TagFromName;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HexFormat;
import java.util.List;

/**
 * De-identifies one DICOM file for the "anonymize" option of an import: the DICOM PS3.15 Basic
 * Application Level Confidentiality Profile as PixelMed's {@link ClinicalTrialsAttributes}
 * implements it, with the options Retain Longitudinal Temporal Information with Full Dates (the
 * archive files studies by StudyDate), Retain Patient Characteristics and Clean Structured Content.
 * Series Description and Protocol Name are kept (users select series by them); device and
 * institution identity and all private attributes are removed. PatientID and PatientName become the
 * pseudonym, and every UID that identifies something is replaced by one derived from the salt (see
 * {@link SaltedUids}), so files of one import keep referring to each other and a second import of
 * the same data gets other UIDs. The pixel data is copied unchanged in the source's transfer syntax
 * (burned-in text is not removed). Thread-safe.
 */
public class Deidentifier {

    private static final int BUFFER_SIZE = 64 * 1024;
    private static final int MAX_LONG_STRING = 64;
    private static final int PSEUDONYM_HEX_DIGITS = 10;
    private static final String SOURCE_AE_TITLE = "NEUROARCHIVE";
    private static final List<String> METHOD = List.of(
            "NeuroArchive import: PS3.15 Basic Application Confidentiality",
            "Retain Longitudinal Temporal Information Full Dates Option",
            "Retain Patient Characteristics Option",
            "Clean Structured Content Option (PixelMed)",
            "Series Description and Protocol Name retained",
            "Private attributes removed",
            "UIDs replaced by 2.25 UIDs from a salted SHA-256");
    private static final String[][] METHOD_CODES = {
        {"113100", "Basic Application Confidentiality Profile"},
        {"113104", "Clean Structured Content Option"},
        {"113106", "Retain Longitudinal Temporal Information Full Dates Option"},
        {"113108", "Retain Patient Characteristics Option"},
    };

    private final String salt;
    private final SaltedUids uids;

    /**
     * @param salt the per-import random secret; the same salt gives the same UIDs and pseudonyms
     * @throws IllegalArgumentException the salt is null or blank
     */
    public Deidentifier(String salt) {
        this.salt = requireSalt(salt);
        this.uids = new SaltedUids(this.salt);
    }

    /**
     * The pseudonym of a patient within an import: {@code ANON} and the first 10 hexadecimal digits
     * (upper case) of SHA-256(salt | "patient" | PatientID). The PatientID is stripped of surrounding
     * blanks first; a missing or blank PatientID gets the pseudonym of "".
     */
    public static String pseudonymFor(String salt, String patientId) {
        String id = patientId == null ? "" : patientId.strip();
        byte[] digest = SaltedUids.sha256(requireSalt(salt) + "|patient|" + id);
        return "ANON" + HexFormat.of().withUpperCase().formatHex(digest).substring(0, PSEUDONYM_HEX_DIGITS);
    }

    /**
     * Writes a de-identified copy of {@code source} to {@code target} (through a temporary file in
     * the target's folder, renamed at the end; replaces an existing target).
     *
     * @param pseudonym the new PatientID and PatientName, e.g. from {@link #pseudonymFor}
     * @throws DicomFormatException the source is not readable as DICOM, is truncated or lacks a
     *                              required UID (as {@link DicomReader#inspect} finds); no target is written
     * @throws NoSuchFileException  the source does not exist
     * @throws IOException          the target cannot be written
     * @throws IllegalArgumentException the pseudonym is blank, longer than 64 characters or has a backslash
     */
    public void deidentify(Path source, Path target, String pseudonym) throws IOException, DicomFormatException {
        requirePseudonym(pseudonym);
        deidentify(source, target, header -> pseudonym);
    }

    /**
     * As {@link #deidentify(Path, Path, String)}, with the pseudonym of the file's own PatientID
     * ({@link #pseudonymFor}): the same patient gets the same pseudonym throughout an import.
     */
    public void deidentify(Path source, Path target) throws IOException, DicomFormatException {
        deidentify(source, target, header -> pseudonymFor(salt, header.patientId()));
    }

    private void deidentify(Path source, Path target, java.util.function.Function<DicomHeader, String> pseudonyms)
            throws IOException, DicomFormatException {
        // refuses junk and truncated files before PixelMed reads them whole: on a truncated pixel data
        // element PixelMed logs the error and returns the attributes without the pixels
        DicomReader reader = new DicomReader();
        DicomHeader header = reader.inspect(source).header();
        // PixelMed reads everything here, what follows the pixel data too: only what the scan allows
        ScanResult whole = reader.scanWholeFile(source);
        if (whole.cut()) {
            throw new DicomFormatException(whole.reason());
        }
        String pseudonym = pseudonyms.apply(header);
        AttributeList list = readWhole(source);
        String transferSyntax = header.transferSyntaxUid();
        try {
            clean(list, pseudonym);
            FileMetaInformation.addFileMetaInformation(list, transferSyntax, SOURCE_AE_TITLE);
        } catch (DicomException e) {
            throw new DicomFormatException("cannot be de-identified: " + detail(e));
        }
        write(list, transferSyntax, target);
    }

    private static AttributeList readWhole(Path source) throws IOException, DicomFormatException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(source), BUFFER_SIZE)) {
            AttributeList list = new AttributeList();
            list.setDecompressPixelData(false); // compressed frames are copied, not decoded
            list.read(new DicomInputStream(in));
            return list;
        } catch (NoSuchFileException e) {
            throw e;
        } catch (IOException | DicomException | RuntimeException e) {
            throw new DicomFormatException("not readable as DICOM: " + detail(e));
        }
    }

    private void clean(AttributeList list, String pseudonym) throws DicomException {
        list.removeMetaInformationHeaderAttributes();
        list.removeGroupLengthAttributes();
        list.removePrivateAttributes(); // recursive, private creators included
        ClinicalTrialsAttributes.removeOrNullIdentifyingAttributes(list,
                ClinicalTrialsAttributes.HandleUIDs.keep, // replaced below, with the salt
                false, // keepDescriptors
                true, // keepSeriesDescriptors
                true, // keepProtocolName
                true, // keepPatientCharacteristics
                false, // keepDeviceIdentity
                false, // keepInstitutionIdentity
                ClinicalTrialsAttributes.HandleDates.keep,
                null, // epochForDateModification
                null, // earliestDateInSet
                ClinicalTrialsAttributes.HandleStructuredContent.modify);
        uids.replaceAll(list);
        put(list, new LongStringAttribute(TagFromName.PatientID), pseudonym);
        put(list, new PersonNameAttribute(TagFromName.PatientName), pseudonym);
        put(list, new CodeStringAttribute(TagFromName.PatientIdentityRemoved), "YES");
        put(list, new CodeStringAttribute(TagFromName.LongitudinalTemporalInformationModified), "UNMODIFIED");
        recordMethod(list);
    }

    /** Replaces what PixelMed records (it would claim Retain UIDs, which is not what happens here). */
    private static void recordMethod(AttributeList list) throws DicomException {
        Attribute method = new LongStringAttribute(TagFromName.DeidentificationMethod);
        for (String value : METHOD) {
            method.addValue(value);
        }
        list.put(method);
        SequenceAttribute codes = new SequenceAttribute(TagFromName.DeidentificationMethodCodeSequence);
        for (String[] code : METHOD_CODES) {
            codes.addItem(new CodedSequenceItem(code[0], "DCM", code[1]).getAttributeList());
        }
        list.put(codes);
    }

    private static void put(AttributeList list, Attribute attribute, String value) throws DicomException {
        attribute.addValue(value);
        list.put(attribute);
    }

    private static void write(AttributeList list, String transferSyntax, Path target)
            throws IOException, DicomFormatException {
        Path folder = target.toAbsolutePath().getParent();
        Path temporary = Files.createTempFile(folder, "." + target.getFileName() + ".", ".tmp");
        boolean moved = false;
        try {
            try (OutputStream out = Files.newOutputStream(temporary)) {
                list.write(out, transferSyntax, true, true);
            } catch (DicomException e) {
                throw new DicomFormatException("cannot be written de-identified: " + detail(e));
            }
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
        } finally {
            if (!moved) {
                Files.deleteIfExists(temporary);
            }
        }
    }

    private static String requireSalt(String salt) {
        if (salt == null || salt.isBlank()) {
            throw new IllegalArgumentException("the salt must not be blank");
        }
        return salt;
    }

    private static void requirePseudonym(String pseudonym) {
        if (pseudonym == null || pseudonym.isBlank() || pseudonym.length() > MAX_LONG_STRING
                || pseudonym.indexOf('\\') >= 0) {
            throw new IllegalArgumentException("a pseudonym must be 1 to 64 characters without a backslash: "
                    + pseudonym);
        }
    }

    private static String detail(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}

package org.neuroarchive.dicom;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.ClinicalTrialsAttributes;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.DicomInputStream;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.SequenceItem;
import com.pixelmed.dicom.TagFromName;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The header of an archived file in the DICOM JSON model (PS3.18 F.2), for WADO-RS metadata: every
 * attribute of the data set before the pixel data (file meta information, group lengths and the pixel
 * data itself left out), sequences nested, binary values up to {@value #MAX_INLINE_BYTES} bytes inline.
 * Without patient identity ({@code withPatientIdentity} false, for a caller without view-PHI) the header
 * is cleaned as for de-identification ({@link Deidentifier}: PS3.15's Basic Application Level
 * Confidentiality Profile): private attributes removed (a vendor's may hold anything), identifying
 * attributes such as the referring physician, operators, accession number and institution removed or
 * emptied, names in structured content cleaned; UIDs, dates, descriptions, protocol, device and the
 * patient's characteristics kept, as the screens show them. The patient module's identifying attributes
 * (group 0010, except sex, age, size and weight) are left out at every depth.
 */
public final class DicomJsonHeader {

    /** Larger binary values are left out (no BulkDataURI: the archive serves whole files only). */
    public static final int MAX_INLINE_BYTES = 64 * 1024;

    private static final int PATIENT_GROUP = 0x0010;
    /** PatientSex, PatientAge, PatientSize, PatientWeight: characteristics, not identity. */
    private static final Set<Integer> PATIENT_CHARACTERISTICS = Set.of(0x00100040, 0x00101010, 0x00101020, 0x00101030);
    private static final Set<String> BINARY_VRS = Set.of("OB", "OD", "OF", "OL", "OV", "OW", "UN");
    private static final Set<String> NUMERIC_BINARY_VRS = Set.of("FL", "FD", "SL", "SS", "SV", "UL", "US", "UV");

    private DicomJsonHeader() {
    }

    /** The JSON object of {@code file}'s header. */
    public static String of(Path file, boolean withPatientIdentity) throws IOException, DicomFormatException {
        AttributeList list = new AttributeList();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            list.read(new DicomInputStream(in), TagFromName.PixelData);
            if (!withPatientIdentity) {
                withoutIdentity(list);
            }
        } catch (DicomException | RuntimeException e) {
            throw new DicomFormatException(file.getFileName() + ": not a readable DICOM header (" + e.getMessage() + ")");
        }
        return object(list, withPatientIdentity).toJson();
    }

    private static void withoutIdentity(AttributeList list) throws DicomException {
        list.removePrivateAttributes(); // recursive, private creators included
        ClinicalTrialsAttributes.removeOrNullIdentifyingAttributes(list,
                ClinicalTrialsAttributes.HandleUIDs.keep, // the caller navigates by them
                true, // keepDescriptors: StudyDescription names the project's cost center, as on the screens
                true, // keepSeriesDescriptors
                true, // keepProtocolName
                true, // keepPatientCharacteristics
                true, // keepDeviceIdentity: the scanner, not the patient
                false, // keepInstitutionIdentity
                ClinicalTrialsAttributes.HandleDates.keep, // shown on every screen
                null, // epochForDateModification
                null, // earliestDateInSet
                ClinicalTrialsAttributes.HandleStructuredContent.modify);
    }

    static DicomJsonObject object(AttributeList list, boolean withPatientIdentity) {
        DicomJsonObject json = new DicomJsonObject();
        for (Attribute attribute : list.values()) {
            AttributeTag t = attribute.getTag();
            int tag = t.getGroup() << 16 | t.getElement();
            if (t.getGroup() == 0x0002 || t.getElement() == 0 || t.getGroup() == 0x7FE0
                    || !withPatientIdentity && t.getGroup() == PATIENT_GROUP && !PATIENT_CHARACTERISTICS.contains(tag)) {
                continue;
            }
            try {
                put(json, tag, attribute, withPatientIdentity);
            } catch (DicomException e) {
                json.empty(tag, vr(attribute));
            }
        }
        return json;
    }

    private static void put(DicomJsonObject json, int tag, Attribute attribute, boolean withPatientIdentity)
            throws DicomException {
        String vr = vr(attribute);
        if (attribute instanceof SequenceAttribute sequence) {
            List<DicomJsonObject> items = new ArrayList<>();
            for (int i = 0; i < sequence.getNumberOfItems(); i++) {
                SequenceItem item = sequence.getItem(i);
                items.add(object(item.getAttributeList(), withPatientIdentity));
            }
            json.sequence(tag, items);
        } else if (BINARY_VRS.contains(vr)) {
            byte[] bytes = attribute.getVL() > MAX_INLINE_BYTES ? null : attribute.getByteValues(false);
            if (bytes == null) {
                json.empty(tag, vr);
            } else {
                json.binary(tag, vr, bytes);
            }
        } else if ("AT".equals(vr)) {
            json.put(tag, vr, Arrays.stream(attribute.getStringValues()).map(DicomJsonHeader::tagValue).toList());
        } else {
            String[] values = NUMERIC_BINARY_VRS.contains(vr) ? attribute.getStringValues() : attribute.getOriginalStringValues();
            json.put(tag, vr, values == null ? List.of() : Arrays.stream(values).map(DicomJsonHeader::clean).toList());
        }
    }

    private static String vr(Attribute attribute) {
        byte[] vr = attribute.getVR();
        return vr == null || vr.length != 2 ? "UN" : new String(vr, StandardCharsets.US_ASCII);
    }

    private static String clean(String value) {
        return value == null ? null : value.replace('\0', ' ').strip();
    }

    /** An AT value as {@code GGGGEEEE}, whatever PixelMed's text form ({@code (0x0008,0x0010)}). */
    private static String tagValue(String text) {
        String digits = text.replace("0x", "").replaceAll("[^0-9A-Fa-f]", "");
        return digits.length() == 8 ? digits.toUpperCase(java.util.Locale.ROOT) : null;
    }
}

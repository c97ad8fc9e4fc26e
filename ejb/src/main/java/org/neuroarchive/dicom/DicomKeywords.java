package org.neuroarchive.dicom;

import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomDictionary;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Attribute names as DICOMweb queries write them: a keyword of the standard data dictionary
 * ({@code PatientID}) or a tag as eight hexadecimal digits ({@code 00100020}).
 */
public final class DicomKeywords {

    private static final Pattern TAG = Pattern.compile("[0-9A-Fa-f]{8}");

    private DicomKeywords() {
    }

    /** The tag {@code name} stands for; empty when it is neither a tag nor a keyword of the dictionary. */
    public static Optional<Integer> tagOf(String name) {
        if (name == null) {
            return Optional.empty();
        }
        if (TAG.matcher(name).matches()) {
            return Optional.of(Integer.parseUnsignedInt(name, 16));
        }
        AttributeTag tag = DicomDictionary.StandardDictionary.getTagFromName(name);
        return tag == null ? Optional.empty() : Optional.of(tag.getGroup() << 16 | tag.getElement());
    }

    /** The dictionary keyword of {@code tag}; empty for private and unknown tags. */
    public static Optional<String> keywordOf(int tag) {
        return Optional.ofNullable(DicomDictionary.StandardDictionary.getNameFromTag(attributeTag(tag)));
    }

    /** The dictionary VR of {@code tag}; {@code UN} when unknown. */
    public static String vrOf(int tag) {
        byte[] vr = DicomDictionary.StandardDictionary.getValueRepresentationFromTag(attributeTag(tag));
        return vr == null || vr.length != 2 ? "UN" : new String(vr, StandardCharsets.US_ASCII);
    }

    static AttributeTag attributeTag(int tag) {
        return new AttributeTag(tag >>> 16, tag & 0xFFFF);
    }
}

package org.neuroarchive.dicom;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeFactory;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomInputStream;
import com.pixelmed.dicom.SpecificCharacterSet;
import com.pixelmed.dicom.TransferSyntax;
import java.io.ByteArrayInputStream;
import java.util.HashMap;
import java.util.Map;

/**
 * The few values that steer how PixelMed reads on (meta header group length and transfer syntax,
 * character set, private creators, number of frames), decoded by PixelMed's own attribute classes so
 * that {@link ElementScan} sees them as PixelMed will. One instance per attribute list (data set or item).
 */
final class ScanValues {

    private SpecificCharacterSet characterSet;
    private Map<Integer, String> privateCreators;
    private int frames = 1;
    private AttributeList identity;

    ScanValues(SpecificCharacterSet characterSet) {
        this.characterSet = characterSet;
    }

    SpecificCharacterSet characterSet() {
        return characterSet;
    }

    /** NumberOfFrames as PixelMed uses it for encapsulated pixel data (1 until the list has one). */
    int frames() {
        return frames;
    }

    /** The creator of a private data element, as AttributeList.getPrivateCreatorString answers. */
    String privateCreator(int group, int element) {
        String creator = privateCreators == null ? null : privateCreators.get(group << 16 | (element & 0xFF00) >> 8);
        return creator == null ? "" : creator.trim();
    }

    /** Decodes a value as PixelMed's AttributeFactory would; null where PixelMed's attribute would fail. */
    static Attribute decode(int group, int element, byte[] vr, byte[] value, boolean bigEndian, boolean explicit,
                            SpecificCharacterSet characterSet) {
        try {
            DicomInputStream in = new DicomInputStream(new ByteArrayInputStream(value),
                    bigEndian ? TransferSyntax.ExplicitVRBigEndian : TransferSyntax.ExplicitVRLittleEndian, false);
            return AttributeFactory.newAttribute(new AttributeTag(group, element), vr, value.length, in, characterSet,
                    explicit, 0, 0, false);
        } catch (Exception | LinkageError e) {
            return null;
        }
    }

    /**
     * The identifying attributes met in this data set (SOP class and instance, study and series UIDs,
     * series number), as PixelMed decodes them; null when none was met.
     */
    AttributeList identity() {
        return identity;
    }

    /** Records what PixelMed records of an attribute read into this list. */
    void read(int group, int element, Attribute attribute) {
        if (attribute == null) {
            return;
        }
        if (identifies(group, element)) {
            if (identity == null) {
                identity = new AttributeList();
            }
            identity.put(attribute);
        } else if (group == 0x0008 && element == 0x0005) {
            try {
                characterSet = new SpecificCharacterSet(attribute.getStringValues(), attribute.getByteValues());
            } catch (Exception e) {
                characterSet = null; // PixelMed would fail on it too; the walk goes on the same way
            }
        } else if (group == 0x0028 && element == 0x0008) {
            frames = attribute.getSingleIntegerValueOrDefault(1);
        } else if (group % 2 != 0 && element > 0 && element <= 0xFF) {
            if (privateCreators == null) {
                privateCreators = new HashMap<>();
            }
            privateCreators.put(group << 16 | element, attribute.getSingleStringValueOrEmptyString());
        }
    }

    /** Whether {@link #read} needs the value of this element. */
    static boolean wanted(int group, int element) {
        return group == 0x0008 && element == 0x0005 || group == 0x0028 && element == 0x0008
                || group % 2 != 0 && element > 0 && element <= 0xFF || identifies(group, element);
    }

    /** SOPClassUID, SOPInstanceUID (0008,0016/0018); StudyInstanceUID, SeriesInstanceUID, SeriesNumber (0020,000D/000E/0011). */
    private static boolean identifies(int group, int element) {
        return group == 0x0008 && (element == 0x0016 || element == 0x0018)
                || group == 0x0020 && (element == 0x000D || element == 0x000E || element == 0x0011);
    }
}

package org.neuroarchive.dicom;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.ValueRepresentation;
import java.util.regex.Pattern;

/**
 * Reads {@link AcquisitionParameters} from a header. Tags are spelled out: this PixelMed build's
 * {@code TagFromName} lacks most acquisition attributes. Values are validated rather than trusted:
 * a decimal must match the DICOM DS grammar (no "NaN", "Infinity" or hexadecimal that Java would accept).
 */
final class AcquisitionReader {

    private static final AttributeTag SCANNING_SEQUENCE = new AttributeTag(0x0018, 0x0020);
    private static final AttributeTag SEQUENCE_NAME = new AttributeTag(0x0018, 0x0024);
    private static final AttributeTag SLICE_THICKNESS = new AttributeTag(0x0018, 0x0050);
    private static final AttributeTag KVP = new AttributeTag(0x0018, 0x0060);
    private static final AttributeTag REPETITION_TIME = new AttributeTag(0x0018, 0x0080);
    private static final AttributeTag ECHO_TIME = new AttributeTag(0x0018, 0x0081);
    private static final AttributeTag INVERSION_TIME = new AttributeTag(0x0018, 0x0082);
    private static final AttributeTag MAGNETIC_FIELD_STRENGTH = new AttributeTag(0x0018, 0x0087);
    private static final AttributeTag SPACING_BETWEEN_SLICES = new AttributeTag(0x0018, 0x0088);
    private static final AttributeTag PIXEL_BANDWIDTH = new AttributeTag(0x0018, 0x0095);
    private static final AttributeTag BODY_PART_EXAMINED = new AttributeTag(0x0018, 0x0015);
    private static final AttributeTag CONVOLUTION_KERNEL = new AttributeTag(0x0018, 0x1210);
    private static final AttributeTag X_RAY_TUBE_CURRENT = new AttributeTag(0x0018, 0x1151);
    private static final AttributeTag EXPOSURE = new AttributeTag(0x0018, 0x1152);
    private static final AttributeTag FLIP_ANGLE = new AttributeTag(0x0018, 0x1314);
    private static final AttributeTag IMAGE_TYPE = new AttributeTag(0x0008, 0x0008);
    private static final AttributeTag IMAGE_POSITION_PATIENT = new AttributeTag(0x0020, 0x0032);
    private static final AttributeTag SLICE_LOCATION = new AttributeTag(0x0020, 0x1041);
    private static final AttributeTag SIEMENS_IMAGES_IN_MOSAIC = new AttributeTag(0x0019, 0x100A);
    private static final String SIEMENS_MR_HEADER = "SIEMENS MR HEADER";

    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    /** Larger coordinates (in mm) are not a patient position but junk. */
    private static final double MAX_POSITION_MM = 1_000_000;

    private AcquisitionReader() {
    }

    static AcquisitionParameters read(AttributeList list) {
        return new AcquisitionParameters(
                decimal(list, REPETITION_TIME),
                decimal(list, ECHO_TIME),
                decimal(list, INVERSION_TIME),
                decimal(list, FLIP_ANGLE),
                decimal(list, MAGNETIC_FIELD_STRENGTH),
                decimal(list, SLICE_THICKNESS),
                decimal(list, SPACING_BETWEEN_SLICES),
                decimal(list, PIXEL_BANDWIDTH),
                AttributeText.allValues(list, SCANNING_SEQUENCE),
                AttributeText.text(list, SEQUENCE_NAME),
                AttributeText.allValues(list, IMAGE_TYPE),
                decimal(list, KVP),
                decimal(list, EXPOSURE),
                decimal(list, X_RAY_TUBE_CURRENT),
                AttributeText.allValues(list, CONVOLUTION_KERNEL),
                AttributeText.text(list, BODY_PART_EXAMINED),
                slicePosition(list),
                imagesInMosaic(list));
    }

    /** The first value of a decimal (DS or IS) attribute, or null. */
    static Double decimal(AttributeList list, AttributeTag tag) {
        return parseDecimal(AttributeText.text(list, tag));
    }

    static Double parseDecimal(String value) {
        String text = value.strip();
        if (text.isEmpty() || text.length() > 64 || !DECIMAL.matcher(text).matches()) {
            return null;
        }
        double d = Double.parseDouble(text);
        return Double.isFinite(d) ? d : null;
    }

    /** ImagePositionPatient (or else SliceLocation) rounded to 0.01 mm, as a key that compares equal for one slice. */
    private static String slicePosition(AttributeList list) {
        String[] position = values(list, IMAGE_POSITION_PATIENT);
        if (position.length == 3) {
            StringBuilder key = new StringBuilder();
            for (String coordinate : position) {
                Long hundredths = hundredths(coordinate);
                if (hundredths == null) {
                    key = null;
                    break;
                }
                key.append(key.isEmpty() ? "" : "\\").append(hundredths);
            }
            if (key != null) {
                return key.toString();
            }
        }
        Long location = hundredths(AttributeText.text(list, SLICE_LOCATION));
        return location == null ? "" : "loc:" + location;
    }

    private static Long hundredths(String value) {
        Double mm = parseDecimal(value);
        return mm == null || Math.abs(mm) > MAX_POSITION_MM ? null : Math.round(mm * 100);
    }

    /** Siemens' NumberOfImagesInMosaic, from its private block (US, or UN bytes in implicit VR files). */
    private static Integer imagesInMosaic(AttributeList list) {
        Attribute attribute = list.get(SIEMENS_IMAGES_IN_MOSAIC);
        if (attribute == null || !SIEMENS_MR_HEADER.equals(creatorOf(list, SIEMENS_IMAGES_IN_MOSAIC))) {
            return null;
        }
        try {
            int count;
            if (ValueRepresentation.isUnsignedShortVR(attribute.getVR())) {
                count = attribute.getSingleIntegerValueOrDefault(0);
            } else {
                byte[] bytes = attribute.getByteValues();
                if (bytes == null || bytes.length != 2) {
                    return null;
                }
                count = (bytes[0] & 0xFF) | (bytes[1] & 0xFF) << 8; // implicit VR is little endian
            }
            return count > 0 ? count : null;
        } catch (DicomException | RuntimeException e) {
            return null;
        }
    }

    private static String creatorOf(AttributeList list, AttributeTag tag) {
        try {
            String creator = list.getPrivateCreatorString(tag);
            return creator == null ? "" : creator.strip();
        } catch (RuntimeException e) {
            return "";
        }
    }

    private static String[] values(AttributeList list, AttributeTag tag) {
        try {
            String[] values = Attribute.getStringValues(list, tag);
            return values == null ? new String[0] : values;
        } catch (RuntimeException e) {
            return new String[0];
        }
    }
}

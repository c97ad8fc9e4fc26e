package org.neuroarchive.dicom;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import java.util.List;

/** The values of attributes as the archive reads them: trimmed text, whole numbers, required UIDs. */
final class AttributeText {

    private static final int MAX_UID_LENGTH = 64;

    private AttributeText() {
    }

    /** A single value, trimmed; empty when absent. */
    static String text(AttributeList list, AttributeTag tag) {
        String value = Attribute.getSingleStringValueOrEmptyString(list, tag);
        // trailing NUL padding occurs in the wild
        return value.replace('\0', ' ').strip();
    }

    /** Every value of a multi-valued attribute, separated by backslashes as in DICOM (e.g. ORIGINAL\PRIMARY\M). */
    static String allValues(AttributeList list, AttributeTag tag) {
        String value = Attribute.getDelimitedStringValuesOrEmptyString(list, tag);
        return value.replace('\0', ' ').strip();
    }

    /** A whole number (also written as a decimal like 7.0); null when absent or not one. */
    static Integer number(AttributeList list, AttributeTag tag) {
        String value = text(list, tag);
        if (value.isEmpty()) {
            return null;
        }
        try {
            return Integer.valueOf(value.startsWith("+") ? value.substring(1) : value);
        } catch (NumberFormatException e) {
            try {
                double d = Double.parseDouble(value);
                return d == Math.rint(d) && Math.abs(d) < Integer.MAX_VALUE ? (int) d : null;
            } catch (NumberFormatException notANumber) {
                return null;
            }
        }
    }

    /** A UID that must be present and well formed; its name is added to {@code missing} otherwise. */
    static String requiredUid(AttributeList list, AttributeTag tag, String name, List<String> missing) {
        String uid = text(list, tag);
        if (uid.isEmpty() || uid.length() > MAX_UID_LENGTH || !uid.chars().allMatch(c -> c > ' ' && c < 127)) {
            missing.add(name);
        }
        return uid;
    }
}

package org.neuroarchive.common.entity;

/** Text made to fit a database column: at most {@code max} characters, never half a character. */
public final class ColumnText {

    /**
     * The length of a PatientID everywhere (columns, validation of typed ones, matching): 64 characters,
     * DICOM's LO (Long String) of which PatientID is.
     */
    public static final int PATIENT_ID = 64;

    private ColumnText() {
    }

    public static String clip(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end);
    }
}

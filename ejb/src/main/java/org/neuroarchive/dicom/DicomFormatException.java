package org.neuroarchive.dicom;

/**
 * A file is not usable DICOM: empty, not DICOM at all, truncated, or missing attributes the archive
 * needs. This is expected bad input, so the message is written for a person and no stack trace is
 * logged for it.
 */
public class DicomFormatException extends Exception {

    private static final long serialVersionUID = 1L;

    public DicomFormatException(String reason) {
        super(reason, null, false, false);
    }

    /** A short sentence saying what is wrong with the file. */
    public String reason() {
        return getMessage();
    }
}

package org.neuroarchive.dicom;

/**
 * No thumbnail can be made of a file: not an image, a compression without a decoder here, a pixel
 * encoding PixelMed cannot display, or an image too large to render safely. Expected for some data, so
 * the message is written for a person and no stack trace is kept.
 */
public class ThumbnailException extends Exception {

    private static final long serialVersionUID = 1L;

    public ThumbnailException(String reason) {
        super(reason, null, false, false);
    }

    /** A short sentence saying why there is no thumbnail. */
    public String reason() {
        return getMessage();
    }
}

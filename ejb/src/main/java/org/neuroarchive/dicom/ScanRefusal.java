package org.neuroarchive.dicom;

/**
 * {@link ElementScan} found a file PixelMed must not read at all (not even up to a point): a deflated
 * data set that inflates to more than the limit or declares more than it holds, a compressed data
 * set PixelMed would misread. The message is the reason for the person.
 */
final class ScanRefusal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    ScanRefusal(String reason) {
        super(reason, null, false, false);
    }
}

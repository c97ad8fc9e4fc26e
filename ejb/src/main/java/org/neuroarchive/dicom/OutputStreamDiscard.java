package org.neuroarchive.dicom;

import java.io.OutputStream;

/** An output stream that drops what it is given (used to finish digesting a file). */
final class OutputStreamDiscard extends OutputStream {

    static final OutputStreamDiscard INSTANCE = new OutputStreamDiscard();

    @Override
    public void write(int b) {
        // discarded
    }

    @Override
    public void write(byte[] b, int off, int len) {
        // discarded
    }
}

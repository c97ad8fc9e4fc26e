package org.neuroarchive.dicom;

import java.io.IOException;

/** A peer announced a PDU longer than the receiver accepts; nothing of it was allocated. */
final class PduTooLargeException extends IOException {

    private static final long serialVersionUID = 1L;

    private final int type;

    PduTooLargeException(int type, long length, long limit) {
        super("PDU of type 0x" + Integer.toHexString(type) + " announced " + length + " bytes (at most " + limit + " accepted)");
        this.type = type;
    }

    /** The PDU type its header named. */
    int type() {
        return type;
    }
}

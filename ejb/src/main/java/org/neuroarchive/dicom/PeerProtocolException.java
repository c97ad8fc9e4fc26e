package org.neuroarchive.dicom;

import java.io.IOException;

/** What a peer sent breaks the DICOM upper layer protocol (a PDU of the wrong type or malformed). */
final class PeerProtocolException extends IOException {

    private static final long serialVersionUID = 1L;

    PeerProtocolException(String message) {
        super(message);
    }
}

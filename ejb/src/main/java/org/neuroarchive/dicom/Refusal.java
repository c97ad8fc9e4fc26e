package org.neuroarchive.dicom;

import java.util.Locale;

/**
 * The receiver said no: to an association (unknown peer or called AE title, a limit, a PDU too large, a
 * broken request or TLS handshake) or to one object (too large, free space). AE titles are cleaned
 * ({@link PeerText}); {@code null} when they were never read.
 */
public record Refusal(String remoteAddress, String callingAet, String calledAet, Reason reason, String detail) {

    /** Why. */
    public enum Reason {
        UNKNOWN_PEER, UNKNOWN_CALLED_AE, TOO_MANY_ASSOCIATIONS, TOO_MANY_FROM_ADDRESS, PDU_TOO_LARGE, PROTOCOL, TLS,
        OBJECT_TOO_LARGE, FREE_SPACE;

        /** The name used in audit rows, logs and the API: {@code unknown-peer}, {@code free-space}… */
        public String text() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }
}

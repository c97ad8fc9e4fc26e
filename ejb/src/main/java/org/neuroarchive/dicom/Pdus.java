package org.neuroarchive.dicom;

/**
 * The few upper layer PDUs (DICOM PS3.8 section 9.3) the receiver writes itself: A-ASSOCIATE-RJ,
 * A-ABORT, A-RELEASE-RP and a P-DATA-TF carrying one complete command.
 */
final class Pdus {

    static final int ASSOCIATE_RQ = 0x01;
    static final int ASSOCIATE_RJ = 0x03;
    static final int P_DATA = 0x04;
    static final int RELEASE_RQ = 0x05;
    static final int RELEASE_RP = 0x06;
    static final int ABORT = 0x07;

    /** A-ASSOCIATE-RJ result. */
    static final int REJECTED_PERMANENT = 1;
    static final int REJECTED_TRANSIENT = 2;
    /** A-ASSOCIATE-RJ source: service user; reasons 3 (calling AE title) and 7 (called AE title) not recognized. */
    static final int SOURCE_USER = 1;
    static final int CALLING_AE_NOT_RECOGNIZED = 3;
    static final int CALLED_AE_NOT_RECOGNIZED = 7;
    /** A-ASSOCIATE-RJ source: service provider (presentation related); reason 2: local limit exceeded. */
    static final int SOURCE_PROVIDER_PRESENTATION = 3;
    static final int LOCAL_LIMIT_EXCEEDED = 2;

    /** A-ABORT source: service provider; reasons: not specified, unexpected PDU, invalid PDU parameter value. */
    static final int ABORT_PROVIDER = 2;
    static final int ABORT_NOT_SPECIFIED = 0;
    static final int ABORT_UNEXPECTED_PDU = 2;
    static final int ABORT_INVALID_PARAMETER = 6;

    private Pdus() {
    }

    static byte[] reject(int result, int source, int reason) {
        return new byte[] {ASSOCIATE_RJ, 0, 0, 0, 0, 4, 0, (byte) result, (byte) source, (byte) reason};
    }

    static byte[] abort(int source, int reason) {
        return new byte[] {ABORT, 0, 0, 0, 0, 4, 0, 0, (byte) source, (byte) reason};
    }

    static byte[] releaseResponse() {
        return new byte[] {RELEASE_RP, 0, 0, 0, 0, 4, 0, 0, 0, 0};
    }

    /** A P-DATA-TF with one PDV: the whole command, last fragment. */
    static byte[] command(byte presentationContextId, byte[] command) {
        int item = command.length + 2;
        int length = item + 4;
        byte[] pdu = new byte[6 + length];
        pdu[0] = P_DATA;
        putInt(pdu, 2, length);
        putInt(pdu, 6, item);
        pdu[10] = presentationContextId;
        pdu[11] = 0x03; // command, last fragment
        System.arraycopy(command, 0, pdu, 12, command.length);
        return pdu;
    }

    static int getInt(byte[] b, int offset) {
        return (b[offset] & 0xff) << 24 | (b[offset + 1] & 0xff) << 16 | (b[offset + 2] & 0xff) << 8 | b[offset + 3] & 0xff;
    }

    /** The unsigned 32-bit length of a PDU header (bytes 2 to 5). */
    static long length(byte[] header) {
        return getInt(header, 2) & 0xffffffffL;
    }

    private static void putInt(byte[] b, int offset, int value) {
        b[offset] = (byte) (value >>> 24);
        b[offset + 1] = (byte) (value >>> 16);
        b[offset + 2] = (byte) (value >>> 8);
        b[offset + 3] = (byte) value;
    }
}

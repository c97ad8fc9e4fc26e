package org.neuroarchive.dicom;

import java.nio.charset.StandardCharsets;

/**
 * The few fields of a DIMSE command the receiver needs, parsed by hand from the command set (group
 * 0000, implicit VR little endian) with every element length checked against what is there, so that
 * no declared length sizes anything.
 */
record CommandSet(int commandField, int messageId, int dataSetType, String affectedSopClassUid,
                  String affectedSopInstanceUid) {

    static final int C_STORE_RQ = 0x0001;
    static final int C_ECHO_RQ = 0x0030;
    static final int NO_DATA_SET = 0x0101;

    static CommandSet parse(byte[] bytes) throws PeerProtocolException {
        int commandField = -1;
        int messageId = -1;
        int dataSetType = NO_DATA_SET;
        String sopClass = null;
        String sopInstance = null;
        int at = 0;
        while (at < bytes.length) {
            if (at + 8 > bytes.length) {
                throw new PeerProtocolException("command element header cut short");
            }
            int group = u16(bytes, at);
            int element = u16(bytes, at + 2);
            long length = u16(bytes, at + 4) | (long) u16(bytes, at + 6) << 16;
            int value = at + 8;
            if (group != 0 || length > bytes.length - value) {
                throw new PeerProtocolException("malformed command element (" + Integer.toHexString(group) + ","
                        + Integer.toHexString(element) + ")");
            }
            int n = (int) length;
            switch (element) {
                case 0x0002 -> sopClass = uid(bytes, value, n);
                case 0x0100 -> commandField = n == 2 ? u16(bytes, value) : -1;
                case 0x0110 -> messageId = n == 2 ? u16(bytes, value) : -1;
                case 0x0800 -> dataSetType = n == 2 ? u16(bytes, value) : NO_DATA_SET;
                case 0x1000 -> sopInstance = uid(bytes, value, n);
                default -> {
                    // group length, priority, and what the receiver does not use
                }
            }
            at = value + n;
        }
        if (commandField < 0 || messageId < 0) {
            throw new PeerProtocolException("command without CommandField or MessageID");
        }
        return new CommandSet(commandField, messageId, dataSetType, sopClass, sopInstance);
    }

    private static int u16(byte[] b, int at) {
        return b[at] & 0xff | (b[at + 1] & 0xff) << 8;
    }

    private static String uid(byte[] b, int at, int length) {
        String value = new String(b, at, length, StandardCharsets.ISO_8859_1);
        int end = value.length();
        while (end > 0 && (value.charAt(end - 1) == 0 || value.charAt(end - 1) == ' ')) {
            end--;
        }
        return value.substring(0, end);
    }

    boolean hasDataSet() {
        return dataSetType != NO_DATA_SET;
    }
}

package org.neuroarchive.dicom;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * An A-ASSOCIATE-RQ PDU read by the receiver itself, before PixelMed sees it: the called and calling AE
 * titles for the peer check, and its bytes (its structure checked: every item lies inside its parent) to
 * replay to PixelMed once the peer is accepted. Read through a {@link PduLimitStream}, so its length is bounded.
 */
final class AssociateRequest {

    /** Protocol version, reserved, called AE, calling AE, reserved: the fixed part before the items. */
    private static final int FIXED = 68;

    private final byte[] pdu;
    private final String calledAet;
    private final String callingAet;

    private AssociateRequest(byte[] pdu, String calledAet, String callingAet) {
        this.pdu = pdu;
        this.calledAet = calledAet;
        this.callingAet = callingAet;
    }

    /** The next PDU, which must be an A-ASSOCIATE-RQ; {@code null} when the peer closed before sending a byte. */
    static AssociateRequest read(InputStream in) throws IOException {
        byte[] header = in.readNBytes(6);
        if (header.length == 0) {
            return null;
        }
        if (header.length < 6) {
            throw new EOFException("connection closed inside the first PDU header");
        }
        if ((header[0] & 0xff) != Pdus.ASSOCIATE_RQ) {
            throw new PeerProtocolException("expected an A-ASSOCIATE-RQ, got PDU type 0x" + Integer.toHexString(header[0] & 0xff));
        }
        int length = (int) Pdus.length(header); // bounded by the PduLimitStream
        if (length < FIXED) {
            throw new PeerProtocolException("A-ASSOCIATE-RQ of " + length + " bytes is too short");
        }
        byte[] pdu = new byte[6 + length];
        System.arraycopy(header, 0, pdu, 0, 6);
        if (in.readNBytes(pdu, 6, length) < length) {
            throw new EOFException("connection closed inside the A-ASSOCIATE-RQ");
        }
        checkItems(pdu, 6 + FIXED, pdu.length, true);
        return new AssociateRequest(pdu, aet(pdu, 6 + 4), aet(pdu, 6 + 20));
    }

    /** Walks the items (type, reserved, 2-byte length) between {@code from} and {@code to}, and those nested in them. */
    private static void checkItems(byte[] pdu, int from, int to, boolean top) throws PeerProtocolException {
        int at = from;
        while (at < to) {
            if (at + 4 > to) {
                throw new PeerProtocolException("A-ASSOCIATE-RQ item header cut short");
            }
            int type = pdu[at] & 0xff;
            int length = (pdu[at + 2] & 0xff) << 8 | pdu[at + 3] & 0xff;
            int end = at + 4 + length;
            if (end > to) {
                throw new PeerProtocolException("A-ASSOCIATE-RQ item 0x" + Integer.toHexString(type) + " runs past its end");
            }
            if (top && type == 0x20) { // presentation context: id, reserved, reserved, reserved, then sub-items
                if (length < 4) {
                    throw new PeerProtocolException("A-ASSOCIATE-RQ presentation context item too short");
                }
                checkItems(pdu, at + 8, end, false);
            } else if (top && type == 0x50) { // user information: sub-items
                checkItems(pdu, at + 4, end, false);
            }
            at = end;
        }
    }

    /** 16 bytes of AE title without leading and trailing spaces and control characters (as PixelMed compares them). */
    private static String aet(byte[] pdu, int offset) {
        String raw = new String(pdu, offset, 16, StandardCharsets.ISO_8859_1);
        int start = 0;
        int end = raw.length();
        while (start < end && ignorable(raw.charAt(start))) {
            start++;
        }
        while (end > start && ignorable(raw.charAt(end - 1))) {
            end--;
        }
        return raw.substring(start, end);
    }

    private static boolean ignorable(char c) {
        return c <= ' ' || Character.isWhitespace(c) || Character.isISOControl(c);
    }

    byte[] bytes() {
        return pdu;
    }

    String calledAet() {
        return calledAet;
    }

    String callingAet() {
        return callingAet;
    }
}

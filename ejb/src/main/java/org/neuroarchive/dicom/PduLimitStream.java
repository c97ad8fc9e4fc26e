package org.neuroarchive.dicom;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The bytes of a DICOM association as they arrive, checked PDU by PDU: each 6-byte PDU header is read
 * whole and its announced length checked before any of it is handed on, so that no reader (ours or
 * PixelMed's) ever sizes a buffer by a length the receiver does not accept. P-DATA-TF PDUs may be as
 * long as the maximum the receiver announced; every other PDU at most {@link #OTHER_PDU_LIMIT}. A PDU
 * over its limit ends the stream with a {@link PduTooLargeException}.
 */
final class PduLimitStream extends FilterInputStream {

    /** Association requests, releases and aborts: small by nature; generous for requests with many contexts. */
    static final int OTHER_PDU_LIMIT = 65536;

    private final long maxPDataLength;
    private final byte[] header = new byte[6];
    private int headerDelivered = header.length;
    private long bodyLeft;
    private boolean tripped;

    PduLimitStream(InputStream in, long maxPDataLength) {
        super(in);
        this.maxPDataLength = maxPDataLength;
    }

    /** The longest P-DATA-TF accepted (the length announced to the peer). */
    int maxPDataLength() {
        return (int) maxPDataLength;
    }

    /** Whether a PDU over the limit was announced. */
    boolean tripped() {
        return tripped;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (tripped) {
            throw new PduTooLargeException(header[0] & 0xff, Pdus.length(header), limit(header[0] & 0xff));
        }
        if (headerDelivered == header.length && bodyLeft == 0 && !nextHeader()) {
            return -1;
        }
        if (headerDelivered < header.length) {
            int n = Math.min(len, header.length - headerDelivered);
            System.arraycopy(header, headerDelivered, b, off, n);
            headerDelivered += n;
            return n;
        }
        int n = in.read(b, off, (int) Math.min(len, bodyLeft));
        if (n > 0) {
            bodyLeft -= n;
        }
        return n;
    }

    private boolean nextHeader() throws IOException {
        int n = in.readNBytes(header, 0, header.length);
        if (n == 0) {
            return false;
        }
        if (n < header.length) {
            throw new EOFException("connection closed inside a PDU header");
        }
        int type = header[0] & 0xff;
        long length = Pdus.length(header);
        if (length > limit(type)) {
            tripped = true;
            throw new PduTooLargeException(type, length, limit(type));
        }
        headerDelivered = 0;
        bodyLeft = length;
        return true;
    }

    private long limit(int type) {
        return type == Pdus.P_DATA ? maxPDataLength : OTHER_PDU_LIMIT;
    }

    @Override
    public long skip(long n) throws IOException {
        byte[] discard = new byte[(int) Math.min(n, 8192)];
        int read = read(discard, 0, discard.length);
        return Math.max(read, 0);
    }

    @Override
    public int available() {
        return 0;
    }

    @Override
    public boolean markSupported() {
        return false;
    }
}

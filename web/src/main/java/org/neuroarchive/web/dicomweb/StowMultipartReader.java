package org.neuroarchive.web.dicomweb;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.neuroarchive.dicomweb.control.StowParts;

/**
 * Reads a {@code multipart/related} body (RFC 2046 §5.1, RFC 2387) as a stream, part after part, without
 * holding a part in memory: a buffer of {@value #BUFFER} bytes plus the delimiter. The preamble and the
 * epilogue are skipped, each part's headers read (only {@code Content-Type} is kept), and its content
 * ends at the next delimiter ({@code CRLF--boundary}). A body that ends inside a part, or before the
 * closing delimiter, is {@link StowParts.CutOff}; a delimiter followed by anything but {@code --} or
 * (optional blanks and) CRLF, or headers longer than {@value #MAX_HEADER_BYTES} bytes, is malformed.
 * Not thread-safe: one request's reader.
 */
final class StowMultipartReader implements StowParts {

    static final int BUFFER = 64 * 1024;
    static final int MAX_HEADER_BYTES = 16 * 1024;

    private final InputStream in;
    private final byte[] delimiter;
    private final byte[] buffer;
    private int start;
    private int end;
    private boolean eof;
    private boolean started;
    private boolean closed;
    private PartContent current;

    /** A reader of {@code in} with {@code boundary} (the parameter of the body's Content-Type, without quotes). */
    StowMultipartReader(InputStream in, String boundary) {
        this.in = in;
        this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        this.buffer = new byte[BUFFER + delimiter.length];
        // the first delimiter may begin the body without the CRLF before it: as if the body began with one
        buffer[0] = '\r';
        buffer[1] = '\n';
        end = 2;
    }

    @Override
    public Part next() throws IOException {
        if (closed) {
            return null;
        }
        if (!started) {
            started = true;
            current = new PartContent(); // the preamble, read like a part and dropped
        }
        current.skipRest();
        if (afterDelimiter()) {
            closed = true;
            return null;
        }
        String contentType = headers();
        current = new PartContent();
        return new Part(contentType, current);
    }

    /** After a delimiter: {@code true} for the closing one ({@code --}), {@code false} for the next part. */
    private boolean afterDelimiter() throws IOException {
        if (!fill(2)) {
            throw new CutOff("the body ended after a boundary, without the closing boundary");
        }
        if (buffer[start] == '-' && buffer[start + 1] == '-') {
            start += 2;
            return true;
        }
        while (true) {
            if (!fill(2)) {
                throw new CutOff("the body ended after a boundary, without the closing boundary");
            }
            byte b = buffer[start];
            if (b == ' ' || b == '\t') {
                start++;
            } else if (b == '\r' && buffer[start + 1] == '\n') {
                start += 2;
                return false;
            } else {
                throw new IOException("malformed multipart body: a boundary is followed by neither -- nor a line end");
            }
        }
    }

    /** The part's header lines up to the blank line; answers its Content-Type ({@code null}: none). */
    private String headers() throws IOException {
        String contentType = null;
        int total = 0;
        while (true) {
            String line = line();
            total += line.length() + 2;
            if (total > MAX_HEADER_BYTES) {
                throw new IOException("malformed multipart body: part headers longer than " + MAX_HEADER_BYTES + " bytes");
            }
            if (line.isEmpty()) {
                return contentType;
            }
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).strip().toLowerCase(Locale.ROOT).equals("content-type")) {
                contentType = line.substring(colon + 1).strip();
            }
        }
    }

    private String line() throws IOException {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        while (true) {
            if (!fill(2)) {
                throw new CutOff("the body ended inside the headers of a part");
            }
            if (buffer[start] == '\r' && buffer[start + 1] == '\n') {
                start += 2;
                return text.toString(StandardCharsets.ISO_8859_1);
            }
            if (text.size() > MAX_HEADER_BYTES) {
                throw new IOException("malformed multipart body: a part header line longer than " + MAX_HEADER_BYTES + " bytes");
            }
            text.write(buffer[start++]);
        }
    }

    /**
     * Makes at least {@code wanted} bytes available from {@code start} (fewer only at the end of the
     * body): answers whether they are.
     */
    private boolean fill(int wanted) throws IOException {
        if (end - start >= wanted) {
            return true;
        }
        if (start > 0) {
            System.arraycopy(buffer, start, buffer, 0, end - start);
            end -= start;
            start = 0;
        }
        while (end - start < wanted && !eof) {
            int n = in.read(buffer, end, buffer.length - end);
            if (n < 0) {
                eof = true;
            } else {
                end += n;
            }
        }
        return end - start >= wanted;
    }

    /** Where {@link #delimiter} begins in the buffer, from {@code start}; {@code -1} when not (wholly) there. */
    private int delimiterAt() {
        int last = end - delimiter.length;
        outer:
        for (int i = start; i <= last; i++) {
            for (int j = 0; j < delimiter.length; j++) {
                if (buffer[i + j] != delimiter[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** The content of one part: ends (-1) at the delimiter, which it consumes. */
    private final class PartContent extends InputStream {

        private boolean done;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (done || current != this) {
                return -1;
            }
            if (len == 0) {
                return 0;
            }
            while (true) {
                int at = delimiterAt();
                int available = at >= 0 ? at - start : end - start - (delimiter.length - 1);
                if (available > 0) {
                    int n = Math.min(available, len);
                    System.arraycopy(buffer, start, b, off, n);
                    start += n;
                    return n;
                }
                if (at == start) {
                    start += delimiter.length;
                    done = true;
                    return -1;
                }
                if (!fill(delimiter.length + 1) && delimiterAt() < 0) {
                    throw new CutOff("the body ended inside a part");
                }
            }
        }

        void skipRest() throws IOException {
            byte[] skipped = new byte[8192];
            while (read(skipped, 0, skipped.length) >= 0) {
                // dropped
            }
        }
    }
}

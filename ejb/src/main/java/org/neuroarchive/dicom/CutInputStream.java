package org.neuroarchive.dicom;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A stream that ends after {@code limit} bytes, whatever follows: what PixelMed reads of a file whose
 * {@link ElementScan} found an element PixelMed must not read. PixelMed then sees a file that ends
 * before that element, as with any truncated file. Mark and reset pass through.
 */
final class CutInputStream extends FilterInputStream {

    private final long limit;
    private long position;
    private long markedPosition;

    CutInputStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        if (position >= limit) {
            return -1;
        }
        int b = in.read();
        if (b >= 0) {
            position++;
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (position >= limit) {
            return -1;
        }
        int n = in.read(b, off, (int) Math.min(len, limit - position));
        if (n > 0) {
            position += n;
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = in.skip(Math.min(n, Math.max(0, limit - position)));
        position += skipped;
        return skipped;
    }

    @Override
    public int available() throws IOException {
        return (int) Math.min(in.available(), Math.max(0, limit - position));
    }

    @Override
    public synchronized void mark(int readlimit) {
        in.mark(readlimit);
        markedPosition = position;
    }

    @Override
    public synchronized void reset() throws IOException {
        in.reset();
        position = markedPosition;
    }
}

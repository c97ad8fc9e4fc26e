package org.neuroarchive.dicom;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Inflated bytes, at most {@code limit} of them: one more fails with {@link TooLargeException}. */
final class InflatedLimitStream extends FilterInputStream {

    private final long limit;
    private long delivered;

    InflatedLimitStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = in.skip(n);
        count(skipped);
        return skipped;
    }

    private void count(long n) throws TooLargeException {
        delivered += n;
        if (delivered > limit) {
            throw new TooLargeException("the deflated data set inflates to more than " + limit + " bytes");
        }
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    /** The data set inflates to more than the limit. */
    static final class TooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        TooLargeException(String message) {
            super(message);
        }
    }
}

package org.neuroarchive.dicom;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * The bytes {@link ElementScan} walks: a file read by position (values are skipped without being
 * read), or a stream that only goes forward (a deflated data set as it inflates). Reading past the
 * end throws {@link EOFException}, as PixelMed's stream does. Not thread-safe.
 */
abstract class ScanInput {

    /** Bytes consumed so far (the file offset for a file). */
    abstract long position();

    /** Bytes left, or -1 when not known in advance (a stream). */
    abstract long remaining();

    /** Reads up to {@code n} bytes into {@code b}; fewer only at the end. */
    abstract int readUpTo(byte[] b, int n) throws IOException;

    /** Goes past {@code n} bytes; false (and positioned at the end) when fewer are left. */
    abstract boolean skip(long n) throws IOException;

    /** Remembers the position, to come back to it by {@link #reset()} within the next 16 bytes. */
    abstract void mark() throws IOException;

    abstract void reset() throws IOException;

    /** True for a stream of decompressed bytes: a position in it is not a place in the file. */
    abstract boolean decompressed();

    /** The rest of the input as a plain stream (the compressed bytes PixelMed would inflate). */
    abstract InputStream rest() throws IOException;

    final void readFully(byte[] b, int n) throws IOException {
        if (readUpTo(b, n) < n) {
            throw new EOFException();
        }
    }

    /** A file of {@code size} bytes, read by position through a small window. */
    static ScanInput of(FileChannel channel, long size) {
        return new FileInput(channel, size, null);
    }

    /** As {@link #of(FileChannel, long)}, with the first bytes of the file already read into {@code head}. */
    static ScanInput of(FileChannel channel, long size, byte[] head) {
        return new FileInput(channel, size, head);
    }

    /** A stream of at most {@code limit} bytes; one more is refused by {@link ScanRefusal}. */
    static ScanInput of(InputStream in, long limit) {
        return new StreamInput(in, limit);
    }

    /** Whether PixelMed's stream over these bytes supports mark and reset (its repairs and guesses need them). */
    abstract boolean markSupported();

    private static final class FileInput extends ScanInput {
        private static final int WINDOW = 4 * 1024;
        private final FileChannel channel;
        private final long size;
        private ByteBuffer window;
        /** The window is the caller's head: PixelMed may read it after the walk, so it is never refilled. */
        private boolean shared;
        private long windowStart = 0;
        private long position;
        private long mark;

        FileInput(FileChannel channel, long size, byte[] head) {
            this.channel = channel;
            this.size = size;
            if (head == null) {
                window = ByteBuffer.allocate(WINDOW);
                window.limit(0);
            } else {
                window = ByteBuffer.wrap(head);
                shared = true;
            }
        }

        @Override
        long position() {
            return position;
        }

        @Override
        long remaining() {
            return size - position;
        }

        @Override
        int readUpTo(byte[] b, int n) throws IOException {
            int done = 0;
            while (done < n && position < size) {
                long offset = position - windowStart;
                if (offset < 0 || offset >= window.limit()) {
                    fill();
                    offset = 0;
                }
                int count = (int) Math.min(n - done, window.limit() - offset);
                window.get((int) offset, b, done, count);
                done += count;
                position += count;
            }
            return done;
        }

        private void fill() throws IOException {
            if (shared) {
                window = ByteBuffer.allocate(WINDOW);
                shared = false;
            }
            window.clear();
            windowStart = position;
            while (window.hasRemaining()) {
                int n = channel.read(window, windowStart + window.position());
                if (n < 0) {
                    break;
                }
            }
            window.flip();
            if (window.limit() == 0) {
                throw new EOFException("the file shrank while it was read");
            }
        }

        @Override
        boolean skip(long n) {
            if (n > size - position) {
                position = size;
                return false;
            }
            position += n;
            return true;
        }

        @Override
        void mark() {
            mark = position;
        }

        @Override
        void reset() {
            position = mark;
        }

        @Override
        boolean decompressed() {
            return false;
        }

        @Override
        boolean markSupported() {
            return true;
        }

        @Override
        InputStream rest() {
            return new InputStream() {
                private final byte[] one = new byte[1];

                @Override
                public int read() throws IOException {
                    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    if (len == 0) {
                        return 0;
                    }
                    byte[] target = off == 0 ? b : new byte[len];
                    int n = readUpTo(target, len);
                    if (off != 0) {
                        System.arraycopy(target, 0, b, off, n);
                    }
                    return n == 0 ? -1 : n;
                }
            };
        }
    }

    private static final class StreamInput extends ScanInput {
        private static final int MARK_LIMIT = 16;
        private final java.io.BufferedInputStream in;
        private final long limit;
        private long position;
        private long mark;
        private final byte[] scratch = new byte[8192];

        StreamInput(InputStream in, long limit) {
            this.in = new java.io.BufferedInputStream(in, 8192);
            this.limit = limit;
        }

        @Override
        long position() {
            return position;
        }

        @Override
        long remaining() {
            return -1;
        }

        @Override
        int readUpTo(byte[] b, int n) throws IOException {
            try {
                int done = in.readNBytes(b, 0, n);
                advance(done);
                return done;
            } catch (java.util.zip.ZipException e) {
                throw corrupt(e);
            }
        }

        /** PixelMed would log the failure with its stack trace, value after value: refused before it reads. */
        private static ScanRefusal corrupt(java.util.zip.ZipException e) {
            return new ScanRefusal("malformed: the deflated data set cannot be inflated (" + e.getMessage() + ")");
        }

        private void advance(long n) {
            position += n;
            if (position > limit) {
                throw new ScanRefusal("the deflated data set inflates to more than " + limit + " bytes");
            }
        }

        @Override
        boolean skip(long n) throws IOException {
            long left = n;
            try {
                while (left > 0) {
                    int count = in.read(scratch, 0, (int) Math.min(scratch.length, left));
                    if (count < 0) {
                        return false;
                    }
                    advance(count);
                    left -= count;
                }
            } catch (java.util.zip.ZipException e) {
                throw corrupt(e);
            }
            return true;
        }

        @Override
        void mark() {
            in.mark(MARK_LIMIT);
            mark = position;
        }

        @Override
        void reset() throws IOException {
            in.reset();
            position = mark;
        }

        @Override
        boolean decompressed() {
            return true;
        }

        @Override
        boolean markSupported() {
            return false; // PixelMed reads an inflated data set through an InflaterInputStream
        }

        @Override
        InputStream rest() {
            return in;
        }
    }
}

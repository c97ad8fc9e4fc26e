package org.neuroarchive.individual.control;

import java.util.Locale;
import java.util.function.LongConsumer;

/**
 * Counts the files and bytes of one import against its {@link UnpackLimits}, while they are written,
 * and reports progress. Each source (a plain file or one archive) is charged through its own {@link Meter}.
 */
final class Budget {

    /** Below this many unpacked bytes an archive's compression ratio is not checked. */
    static final long RATIO_GRACE_BYTES = 1L << 20;
    private static final long REPORT_EVERY_BYTES = 1L << 20;

    private final UnpackLimits limits;
    private long bytes;
    private int files;
    private long reported;
    private LongConsumer progress = bytesSoFar -> { };

    Budget(UnpackLimits limits) {
        this.limits = limits;
    }

    long bytes() {
        return bytes;
    }

    int files() {
        return files;
    }

    void onProgress(LongConsumer progress) {
        this.progress = progress == null ? bytesSoFar -> { } : progress;
    }

    /** A meter for a plain file: no ratio. */
    Meter plain(String label) {
        return new Meter(label, -1);
    }

    /** A meter for an archive of {@code compressedSize} bytes, whose ratio is checked. */
    Meter archive(String label, long compressedSize) {
        return new Meter(label, Math.max(0, compressedSize));
    }

    /** Counts one more file, refusing it when the import already holds {@code maxFiles}. */
    void claimFile(String label) throws UnpackException {
        if (files >= limits.maxFiles()) {
            throw new UnpackException("more than " + limits.maxFiles() + " files in this import (limit), reached in "
                    + label);
        }
        files++;
    }

    /** Reports progress once a file is complete. */
    void fileDone() {
        if (bytes != reported) {
            report();
        }
    }

    private void charge(int n, String label) throws UnpackException {
        if (bytes + n > limits.maxTotalBytes()) {
            throw new UnpackException(label + " takes the import above " + human(limits.maxTotalBytes()) + " (limit)");
        }
        bytes += n;
        if (bytes - reported >= REPORT_EVERY_BYTES) {
            report();
        }
    }

    private void report() {
        reported = bytes;
        progress.accept(bytes);
    }

    /** {@code bytes} for people: "20 GiB", "1.5 MiB", "512 bytes". */
    static String human(long bytes) {
        String[] units = {"bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        if (unit == 0) {
            return bytes + " bytes";
        }
        String number = value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.1f", value);
        return number + " " + units[unit];
    }

    /** Charges the bytes of one source; for an archive, also checks its compression ratio. */
    final class Meter {

        private final String label;
        private final long compressedSize;
        private long unpacked;

        private Meter(String label, long compressedSize) {
            this.label = label;
            this.compressedSize = compressedSize;
        }

        String label() {
            return label;
        }

        /** Allows {@code n} more bytes to be written, or refuses them before they are. */
        void charge(int n) throws UnpackException {
            long next = unpacked + n;
            if (compressedSize >= 0 && next > RATIO_GRACE_BYTES && aboveRatio(next)) {
                throw new UnpackException(label + ": compression ratio above " + limits.maxRatio() + ":1");
            }
            Budget.this.charge(n, label);
            unpacked = next;
        }

        private boolean aboveRatio(long unpackedBytes) {
            return compressedSize <= Long.MAX_VALUE / limits.maxRatio() && unpackedBytes > compressedSize * limits.maxRatio();
        }
    }
}

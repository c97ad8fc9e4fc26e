package org.neuroarchive.individual.control;

/**
 * Hard limits for one individual import, applied to everything it unpacks or copies together.
 *
 * @param maxTotalBytes the most bytes all files of the import may hold together
 * @param maxFiles      the most files the import may hold (folders do not count)
 * @param maxRatio      the highest unpacked/compressed ratio an archive may have; only enforced once the
 *                      archive has unpacked more than 1 MiB, so small archives of repetitive data pass
 */
public record UnpackLimits(long maxTotalBytes, int maxFiles, long maxRatio) {

    /** 20 GiB, 100,000 files and a ratio of 100:1. */
    public static UnpackLimits defaults() {
        return new UnpackLimits(20L << 30, 100_000, 100);
    }

    /** Checks that every limit is positive. */
    public UnpackLimits {
        if (maxTotalBytes <= 0 || maxFiles <= 0 || maxRatio <= 0) {
            throw new IllegalArgumentException("unpack limits must be positive: " + maxTotalBytes + " bytes, "
                    + maxFiles + " files, ratio " + maxRatio);
        }
    }
}

package org.neuroarchive.files;

/**
 * What an earlier complete read of a file found, when that file has stayed in a folder of ours since:
 * its size and the SHA-256 of every byte. The archive service then reads only its header again, and
 * reads it completely once more if its size is no longer this one.
 */
public record ReadBefore(long size, String sha256) {

    public ReadBefore {
        if (size < 0 || sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a size and a SHA-256: " + size + ", " + sha256);
        }
    }
}

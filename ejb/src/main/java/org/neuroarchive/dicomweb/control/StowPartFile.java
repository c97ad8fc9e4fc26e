package org.neuroarchive.dicomweb.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes one part of a STOW-RS body to a file of the request's folder as it arrives, within the
 * receiver's limits: no object larger than {@code neuroarchive.dicom.max-object-bytes}, and the file
 * system never below {@code neuroarchive.dicom.min-free-bytes} (as the C-STORE receiver). A refused or
 * broken-off part is deleted at once.
 */
final class StowPartFile {

    /** Free space is asked of the file system again after this many bytes at the latest. */
    private static final long RECHECK_BYTES = 16L << 20;
    private static final int BUFFER = 64 * 1024;

    /** The part is refused with a Failure Reason; the rest of it is not wanted. */
    static final class Refused extends Exception {

        private static final long serialVersionUID = 1L;
        private final int reason;

        Refused(int reason, String why) {
            super(why, null, false, false);
            this.reason = reason;
        }

        int reason() {
            return reason;
        }
    }

    private StowPartFile() {
    }

    /** Copies {@code content} into the new file {@code file}; answers its size. */
    static long write(InputStream content, Path file, long maxBytes, long minFreeBytes) throws IOException, Refused {
        FileStore store = Files.getFileStore(file.getParent());
        long spare = spare(store, minFreeBytes);
        if (spare <= 0) {
            throw noSpace(store, minFreeBytes);
        }
        boolean complete = false;
        long total = 0;
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            byte[] buffer = new byte[BUFFER];
            for (int n = content.read(buffer); n >= 0; n = content.read(buffer)) {
                if (total + n > maxBytes) {
                    throw new Refused(StowResult.OUT_OF_RESOURCES, "object larger than " + maxBytes
                            + " bytes (neuroarchive.dicom.max-object-bytes)");
                }
                if (n > spare) {
                    spare = spare(store, minFreeBytes); // other writers may have taken or freed space meanwhile
                    if (n > spare) {
                        throw noSpace(store, minFreeBytes);
                    }
                }
                out.write(buffer, 0, n);
                total += n;
                spare = Math.min(spare - n, RECHECK_BYTES);
            }
            complete = true;
        } finally {
            if (!complete) {
                Files.deleteIfExists(file);
            }
        }
        return total;
    }

    private static long spare(FileStore store, long minFreeBytes) throws IOException {
        return store.getUsableSpace() - minFreeBytes;
    }

    private static Refused noSpace(FileStore store, long minFreeBytes) throws IOException {
        return new Refused(StowResult.OUT_OF_RESOURCES, "not enough free space: " + store.getUsableSpace()
                + " bytes, the floor is " + minFreeBytes + " (neuroarchive.dicom.min-free-bytes)");
    }
}

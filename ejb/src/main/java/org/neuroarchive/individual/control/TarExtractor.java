package org.neuroarchive.individual.control;

import java.io.IOException;
import java.io.InputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Unpacks a tar stream (plain or already decompressed) into an {@link ArchiveSink}; symbolic and hard
 * links, devices and named pipes are refused.
 */
final class TarExtractor {

    private TarExtractor() {
    }

    /** Unpacks every entry of {@code in}, which is not closed. */
    static void extract(InputStream in, ArchiveSink sink) throws UnpackException, IOException {
        TarArchiveInputStream tar = new TarArchiveInputStream(in);
        for (TarArchiveEntry entry = next(tar); entry != null; entry = next(tar)) {
            String name = entry.getName();
            if (entry.isSymbolicLink()) {
                throw sink.refused(name, "is a symbolic link; links are not accepted");
            }
            if (entry.isLink()) {
                throw sink.refused(name, "is a hard link; links are not accepted");
            }
            if (entry.isCharacterDevice() || entry.isBlockDevice()) {
                throw sink.refused(name, "is a device; only files and folders are accepted");
            }
            if (entry.isFIFO()) {
                throw sink.refused(name, "is a named pipe; only files and folders are accepted");
            }
            if (entry.isDirectory()) {
                sink.directory(name);
            } else if (entry.isFile()) {
                sink.file(name, tar);
            } else {
                throw sink.refused(name, "is not a file or folder (tar type '" + (char) entry.getLinkFlag() + "')");
            }
        }
    }

    private static TarArchiveEntry next(TarArchiveInputStream tar) throws SourceReadException {
        try {
            return tar.getNextEntry();
        } catch (IOException e) {
            throw new SourceReadException(e);
        }
    }
}

package org.neuroarchive.individual.control;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Collections;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * Unpacks a zip archive into an {@link ArchiveSink}, in the order of its entries; entries whose unix
 * mode is a symbolic link or another special file are refused. Reads the central directory, so the
 * file types and names are the ones a zip tool would see.
 */
final class ZipExtractor {

    private static final int TYPE_MASK = 0170000;
    private static final int TYPE_FILE = 0100000;
    private static final int TYPE_DIRECTORY = 0040000;
    private static final int TYPE_SYMLINK = 0120000;

    private ZipExtractor() {
    }

    static void extract(Path source, ArchiveSink sink) throws UnpackException, IOException {
        try (ZipFile zip = open(source)) {
            for (ZipArchiveEntry entry : Collections.list(zip.getEntriesInPhysicalOrder())) {
                extract(zip, entry, sink);
            }
        }
    }

    private static void extract(ZipFile zip, ZipArchiveEntry entry, ArchiveSink sink) throws UnpackException, IOException {
        String name = entry.getName();
        int type = entry.getUnixMode() & TYPE_MASK;
        if (type == TYPE_SYMLINK) {
            throw sink.refused(name, "is a symbolic link; links are not accepted");
        }
        if (type != 0 && type != TYPE_FILE && type != TYPE_DIRECTORY) {
            throw sink.refused(name, "is a special file; only files and folders are accepted");
        }
        if (entry.isDirectory() || type == TYPE_DIRECTORY) {
            sink.directory(name);
            return;
        }
        if (!zip.canReadEntryData(entry)) {
            throw sink.refused(name, "is encrypted or uses an unsupported compression method");
        }
        try (InputStream in = openEntry(zip, entry)) {
            sink.file(name, in);
        }
    }

    private static ZipFile open(Path source) throws SourceReadException {
        try {
            return ZipFile.builder().setPath(source).get();
        } catch (IOException e) {
            throw new SourceReadException(e);
        }
    }

    private static InputStream openEntry(ZipFile zip, ZipArchiveEntry entry) throws SourceReadException {
        try {
            return zip.getInputStream(entry);
        } catch (IOException e) {
            throw new SourceReadException(e);
        }
    }
}

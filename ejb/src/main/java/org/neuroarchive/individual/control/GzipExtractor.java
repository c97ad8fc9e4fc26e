package org.neuroarchive.individual.control;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Unpacks a gzip file (all its members): a tar archive inside (by its header, or a .tar.gz/.tgz name)
 * is unpacked as such, anything else becomes one file named without {@code .gz}.
 */
final class GzipExtractor {

    private static final int BUFFER_BYTES = 64 * 1024;

    private GzipExtractor() {
    }

    /** Unpacks {@code source}, uploaded as {@code name}, into {@code sink}. */
    static void extract(Path source, String name, ArchiveSink sink) throws UnpackException, IOException {
        try (InputStream raw = Files.newInputStream(source);
                BufferedInputStream in = new BufferedInputStream(open(raw), BUFFER_BYTES)) {
            in.mark(ArchiveFormat.HEAD_BYTES);
            byte[] head = readHead(in);
            in.reset();
            if (ArchiveFormat.isTarHeader(head) || ArchiveFormat.isTarGzName(name)) {
                TarExtractor.extract(in, sink);
            } else {
                sink.file(EntryPaths.withoutGz(name), in);
            }
        }
    }

    private static InputStream open(InputStream raw) throws SourceReadException {
        try {
            return GzipCompressorInputStream.builder().setInputStream(raw).setDecompressConcatenated(true).get();
        } catch (IOException e) {
            throw new SourceReadException(e);
        }
    }

    private static byte[] readHead(InputStream in) throws SourceReadException {
        try {
            return in.readNBytes(ArchiveFormat.HEAD_BYTES);
        } catch (IOException e) {
            throw new SourceReadException(e);
        }
    }
}

package org.neuroarchive.individual.control;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/** What a source is, judged by its first bytes and, failing those, by its name. */
enum ArchiveFormat {

    ZIP("a zip archive"),
    /** A gzip file: holding a tar archive, or a single file. */
    GZIP("a gzip file"),
    TAR("a tar archive"),
    PLAIN("a file");

    /** Bytes needed to recognise every format (a tar header block). */
    static final int HEAD_BYTES = 512;
    private static final int TAR_MAGIC_OFFSET = 257;
    private static final byte[] TAR_MAGIC = "ustar".getBytes(StandardCharsets.US_ASCII);

    private final String description;

    ArchiveFormat(String description) {
        this.description = description;
    }

    /** "a zip archive", for messages. */
    String description() {
        return description;
    }

    /** The format of {@code file}, uploaded as {@code name}: magic bytes first, then the name's suffix. */
    static ArchiveFormat detect(Path file, String name) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(HEAD_BYTES);
        }
        ArchiveFormat byContent = fromMagic(head);
        return byContent != PLAIN ? byContent : fromName(name);
    }

    /** ZIP for {@code PK\3\4} (or an empty zip's {@code PK\5\6}), GZIP for {@code 1f 8b}, TAR for "ustar" at 257. */
    static ArchiveFormat fromMagic(byte[] head) {
        if (head.length >= 4 && head[0] == 'P' && head[1] == 'K'
                && (head[2] == 3 && head[3] == 4 || head[2] == 5 && head[3] == 6)) {
            return ZIP;
        }
        if (head.length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
            return GZIP;
        }
        return isTarHeader(head) ? TAR : PLAIN;
    }

    /** Whether {@code head} starts with a ustar (POSIX or GNU) tar header. */
    static boolean isTarHeader(byte[] head) {
        int end = TAR_MAGIC_OFFSET + TAR_MAGIC.length;
        return head.length >= end && Arrays.equals(head, TAR_MAGIC_OFFSET, end, TAR_MAGIC, 0, TAR_MAGIC.length);
    }

    /** By suffix: .zip, .tar, .tar.gz/.tgz/.gz, or PLAIN. */
    static ArchiveFormat fromName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".zip")) {
            return ZIP;
        }
        if (lower.endsWith(".tar")) {
            return TAR;
        }
        return lower.endsWith(".gz") || lower.endsWith(".tgz") ? GZIP : PLAIN;
    }

    /** Whether a gzip file named {@code name} should hold a tar archive (.tar.gz, .tgz). */
    static boolean isTarGzName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".tar.gz") || lower.endsWith(".tgz");
    }
}

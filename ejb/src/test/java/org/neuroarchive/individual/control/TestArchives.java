package org.neuroarchive.individual.control;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

/** Builds the archives the unpacker tests feed it; a name ending in "/" is a folder entry. */
final class TestArchives {

    private TestArchives() {
    }

    static byte[] text(String content) {
        return content.getBytes(StandardCharsets.UTF_8);
    }

    /** {@code size} bytes that do not compress. */
    static byte[] random(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    /** A zip (java.util.zip) of the entries, in map order. */
    static Path zip(Path file, Map<String, byte[]> entries) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        return file;
    }

    /** A zip with one entry of {@code size} zero bytes, deflated as far as possible. */
    static Path zipOfZeros(Path file, String entryName, long size) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.setLevel(9);
            zip.putNextEntry(new ZipEntry(entryName));
            byte[] zeros = new byte[1 << 20];
            for (long written = 0; written < size; written += zeros.length) {
                zip.write(zeros, 0, (int) Math.min(zeros.length, size - written));
            }
            zip.closeEntry();
        }
        return file;
    }

    /** A zip holding a file and, after it, an entry whose unix mode says symbolic link. */
    static Path zipWithSymlink(Path file, String linkName, String linkTarget) throws IOException {
        return zipWithMode(file, linkName, 0120777, linkTarget);
    }

    /** A zip holding a file "a.txt" and, after it, an entry with the given unix mode (type and permissions). */
    static Path zipWithMode(Path file, String name, int unixMode, String content) throws IOException {
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(Files.newOutputStream(file))) {
            ZipArchiveEntry plain = new ZipArchiveEntry("a.txt");
            zip.putArchiveEntry(plain);
            zip.write(text("a"));
            zip.closeArchiveEntry();
            ZipArchiveEntry special = new ZipArchiveEntry(name);
            special.setUnixMode(unixMode);
            zip.putArchiveEntry(special);
            zip.write(text(content));
            zip.closeArchiveEntry();
        }
        return file;
    }

    /** A tar (gzipped when {@code gzip}) of regular files and folders, in map order. */
    static Path tar(Path file, boolean gzip, Map<String, byte[]> entries) throws IOException {
        try (TarArchiveOutputStream tar = tarStream(file, gzip)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                TarArchiveEntry tarEntry = new TarArchiveEntry(entry.getKey(), true);
                tarEntry.setSize(entry.getKey().endsWith("/") ? 0 : entry.getValue().length);
                tar.putArchiveEntry(tarEntry);
                if (!entry.getKey().endsWith("/")) {
                    tar.write(entry.getValue());
                }
                tar.closeArchiveEntry();
            }
        }
        return file;
    }

    /** A tar holding a file "a.txt", then an entry {@code name} of tar type {@code linkFlag} (a link, pipe…). */
    static Path tarWithSpecial(Path file, String name, byte linkFlag) throws IOException {
        try (TarArchiveOutputStream tar = tarStream(file, false)) {
            TarArchiveEntry plain = new TarArchiveEntry("a.txt");
            plain.setSize(1);
            tar.putArchiveEntry(plain);
            tar.write(text("a"));
            tar.closeArchiveEntry();
            TarArchiveEntry special = new TarArchiveEntry(name, linkFlag);
            if (linkFlag == TarConstants.LF_SYMLINK || linkFlag == TarConstants.LF_LINK) {
                special.setLinkName("/etc/passwd");
            }
            tar.putArchiveEntry(special);
            tar.closeArchiveEntry();
        }
        return file;
    }

    /** A gzip file of {@code content}. */
    static Path gzip(Path file, byte[] content) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(content);
        }
        return file;
    }

    private static TarArchiveOutputStream tarStream(Path file, boolean gzip) throws IOException {
        OutputStream out = Files.newOutputStream(file);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(gzip ? new GZIPOutputStream(out) : out);
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        return tar;
    }
}

package org.neuroarchive.files;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/**
 * File moves that never leave half a file under a final name: an atomic rename where the file system
 * allows it, otherwise a copy to a hidden temporary name beside the target followed by an atomic
 * rename. Targets must be names the caller owns (see {@link #reserve}), since a rename replaces.
 */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    /** Moves {@code source} to {@code target} (replacing it); the source is gone afterwards. */
    public static void move(Path source, Path target) throws IOException {
        directory(target.getParent());
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException otherFileSystem) {
            copyThenRename(source, target);
            Files.delete(source);
        }
    }

    /**
     * Makes {@code target} hold the bytes of {@code source}, keeping the source: a hard link when both
     * are on one file system (created under the final name in one atomic step), otherwise a copy to a
     * temporary name and an atomic rename. A target that is already a link to the source is left as
     * it is (a retried transaction placing the same file again).
     */
    public static void place(Path source, Path target) throws IOException {
        directory(target.getParent());
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && Files.isSameFile(source, target)) {
            return;
        }
        try {
            Files.createLink(target, source);
            return;
        } catch (FileAlreadyExistsException stale) {
            // a different file under that name (left by an interrupted attempt): replace it below
        } catch (IOException | UnsupportedOperationException noLink) {
            // another file system: copy below
        }
        Path temporary = temporaryBeside(target);
        try {
            try {
                Files.createLink(temporary, source);
            } catch (IOException | UnsupportedOperationException noLink) {
                Files.copy(source, temporary, StandardCopyOption.REPLACE_EXISTING);
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary); // rename(2) between two links to one file leaves both
        }
    }

    /** Makes {@code target} a copy of {@code source} (never a link), appearing atomically; replaces an older copy. */
    public static void copy(Path source, Path target) throws IOException {
        directory(target.getParent());
        copyThenRename(source, target);
    }

    /** Makes {@code target} hold {@code bytes}, appearing atomically; replaces an older file. */
    public static void write(Path target, byte[] bytes) throws IOException {
        directory(target.getParent());
        Path temporary = temporaryBeside(target);
        try {
            Files.write(temporary, bytes);
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * Moves {@code source} into {@code dir} under {@code fileName}, or with a suffix when the name is
     * taken ({@code a.dcm}, {@code a-1.dcm}…): never overwrites, and the file appears complete in one
     * step (a hard link under the free name, then the source removed). Answers the new path.
     */
    public static Path moveUnder(Path source, Path dir, String fileName) throws IOException {
        directory(dir);
        for (int n = 0; ; n++) {
            Path candidate = dir.resolve(n == 0 ? fileName : suffixed(fileName, n));
            try {
                Files.createLink(candidate, source);
            } catch (FileAlreadyExistsException taken) {
                continue;
            } catch (UnsupportedOperationException | java.nio.file.FileSystemException noLink) {
                if (Files.exists(candidate, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                Files.move(source, candidate, StandardCopyOption.ATOMIC_MOVE); // no hard links here
                return candidate;
            }
            Files.delete(source);
            return candidate;
        }
    }

    private static String suffixed(String fileName, int n) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) + "-" + n + fileName.substring(dot) : fileName + "-" + n;
    }

    /**
     * Claims a free name for {@code fileName} in {@code dir} by creating an empty placeholder; a taken
     * name gets a suffix ({@code scan.dcm}, {@code scan-1.dcm}, {@code scan-2.dcm}…). Never overwrites.
     */
    public static Path reserve(Path dir, String fileName) throws IOException {
        directory(dir);
        for (int n = 0; ; n++) {
            Path candidate = dir.resolve(n == 0 ? fileName : suffixed(fileName, n));
            try {
                return Files.createFile(candidate);
            } catch (FileAlreadyExistsException taken) {
                // try the next suffix
            }
        }
    }

    private static void copyThenRename(Path source, Path target) throws IOException {
        Path temporary = temporaryBeside(target);
        try {
            Files.copy(source, temporary, StandardCopyOption.REPLACE_EXISTING);
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary); // only left over when the copy or the rename failed
        }
    }

    private static Path temporaryBeside(Path target) {
        return target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".part");
    }

    /**
     * Makes sure {@code dir} exists, as {@link Files#createDirectories} (a file of that name: a
     * {@link java.nio.file.FileAlreadyExistsException}). Most files go into a folder that exists already:
     * one stat then, instead of the failed mkdir and the exception that call costs per file.
     */
    public static void directory(Path dir) throws IOException {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectories(dir);
        }
    }
}

package org.neuroarchive.individual.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.neuroarchive.files.AtomicFiles;

/**
 * The folder an import's files are placed in: creates folders and writes files below it only, each
 * file first under a hidden {@code .<name>.part} name and renamed when complete, never overwriting
 * (a taken name gets a {@code _1}, {@code _2}… suffix), charging every byte before it is written.
 */
final class StagingFolder {

    private static final int BUFFER_BYTES = 64 * 1024;

    private final Path root;
    private final Budget budget;
    private final Map<Path, Integer> nextSuffix = new HashMap<>();
    private Consumer<Path> written = file -> { };

    StagingFolder(Path root, Budget budget) {
        this.root = root.toAbsolutePath().normalize();
        this.budget = budget;
    }

    Path root() {
        return root;
    }

    /** Told of every file once it is complete under its final name. */
    void onFileWritten(Consumer<Path> listener) {
        this.written = listener;
    }

    /** Creates {@code dir} (below the root) and its parents; {@code label} names the cause in a refusal. */
    void makeDirectories(Path dir, String label) throws UnpackException, IOException {
        requireInside(dir);
        try {
            AtomicFiles.directory(dir);
        } catch (FileAlreadyExistsException e) {
            throw new UnpackException(label + " needs the folder '" + EntryPaths.printable(root.relativize(dir).toString())
                    + "', but a file of that name is already there");
        }
    }

    /**
     * Writes {@code in} (not closed) as file {@code fileName} in {@code dir}, or under the next free
     * suffixed name; returns the file written. Nothing of it remains if this fails.
     */
    Path write(Path dir, String fileName, InputStream in, Budget.Meter meter) throws UnpackException, IOException {
        makeDirectories(dir, meter.label());
        budget.claimFile(meter.label());
        String name = freeName(dir, fileName);
        Path part = dir.resolve("." + name + ".part");
        Path target = dir.resolve(name);
        requireInside(target);
        boolean done = false;
        try {
            try (OutputStream out = Files.newOutputStream(part, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                copy(in, out, meter);
            }
            Files.move(part, target);
            done = true;
        } finally {
            if (!done) {
                deleteQuietly(part);
            }
        }
        budget.fileDone();
        written.accept(target);
        return target;
    }

    private static void copy(InputStream in, OutputStream out, Budget.Meter meter) throws UnpackException, IOException {
        byte[] buffer = new byte[BUFFER_BYTES];
        while (true) {
            int n;
            try {
                n = in.read(buffer);
            } catch (IOException e) {
                throw new SourceReadException(e);
            }
            if (n < 0) {
                return;
            }
            meter.charge(n);
            out.write(buffer, 0, n);
        }
    }

    /** {@code fileName}, or the first of name_1.ext, name_2.ext… for which neither it nor its part file exists. */
    private String freeName(Path dir, String fileName) {
        Path key = dir.resolve(fileName);
        if (isFree(dir, fileName)) {
            return fileName;
        }
        int dot = extensionDot(fileName);
        String stem = dot < 0 ? fileName : fileName.substring(0, dot);
        String extension = dot < 0 ? "" : fileName.substring(dot);
        for (int suffix = nextSuffix.getOrDefault(key, 1); ; suffix++) {
            String candidate = stem + "_" + suffix + extension;
            if (isFree(dir, candidate)) {
                nextSuffix.put(key, suffix + 1);
                return candidate;
            }
        }
    }

    /** Where a short extension with a letter starts ("a.dcm"), or -1 ("IM0001", a dotted UID, ".hidden"). */
    private static int extensionDot(String fileName) {
        int dot = fileName.lastIndexOf('.');
        if (dot <= 0 || fileName.length() - dot - 1 > 5) {
            return -1;
        }
        String extension = fileName.substring(dot + 1);
        return extension.chars().anyMatch(Character::isLetter) ? dot : -1;
    }

    private static boolean isFree(Path dir, String name) {
        return Files.notExists(dir.resolve(name), LinkOption.NOFOLLOW_LINKS)
                && Files.notExists(dir.resolve("." + name + ".part"), LinkOption.NOFOLLOW_LINKS);
    }

    private void requireInside(Path path) {
        if (!path.toAbsolutePath().normalize().startsWith(root)) {
            throw new IllegalStateException(path + " is outside the staging folder " + root);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // the caller deletes the whole staging folder after a failure anyway
        }
    }
}

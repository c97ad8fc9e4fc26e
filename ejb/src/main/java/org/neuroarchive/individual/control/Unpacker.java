package org.neuroarchive.individual.control;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * Places the files of one individual import into its staging folder ({@code files/}): uploads are
 * unpacked when they are zip, tar, tar.gz or gzip files (recognised by their first bytes, else by their
 * name) and copied otherwise; server folders are copied without following symbolic links. Limits apply
 * to the whole import, bytes are counted while they are written, and nothing is ever written outside
 * the staging folder. After an {@link UnpackException} the caller deletes the staging folder; files
 * completed before it remain until then, partial ones do not.
 *
 * <p>One instance per import; not thread-safe.
 */
public final class Unpacker {

    private static final int BUFFER_BYTES = 64 * 1024;

    private final Budget budget;
    private final StagingFolder staging;
    private final List<String> skipped = new ArrayList<>();

    /** An unpacker writing below {@code targetDir}, which is created when the first source is added. */
    public Unpacker(UnpackLimits limits, Path targetDir) {
        this.budget = new Budget(Objects.requireNonNull(limits, "limits"));
        this.staging = new StagingFolder(Objects.requireNonNull(targetDir, "targetDir"), budget);
    }

    /**
     * Adds an uploaded file: an archive is unpacked keeping its entries' relative paths, a gzip file
     * not holding a tar becomes one file named without {@code .gz}, anything else is copied as the last
     * path element of {@code originalName}. A taken name gets a {@code _1}, {@code _2}… suffix.
     *
     * @throws UnpackException the upload is refused (hostile or damaged archive, a limit reached)
     * @throws IOException     reading the upload or writing the staging folder failed
     */
    public void add(Path source, String originalName) throws UnpackException, IOException {
        String name = EntryPaths.plainName(originalName);
        Files.createDirectories(staging.root());
        place(source, name, name, staging.root());
    }

    /**
     * Adds a server folder recursively (or a single server file), keeping relative paths; symbolic
     * links are never followed but skipped (see {@link #skipped()}). Files named .zip, .tar, .tar.gz,
     * .tgz or .gz are unpacked into the folder they lie in.
     *
     * @throws UnpackException a limit is reached or an archive in the folder is refused
     * @throws IOException     reading the folder or writing the staging folder failed
     */
    public void addTree(Path sourceDir) throws UnpackException, IOException {
        Files.createDirectories(staging.root());
        new TreeCopier(this, staging, skipped::add).copy(sourceDir);
    }

    /** Bytes written so far, by all sources of this import (including those of a refused file). */
    public long bytesWritten() {
        return budget.bytes();
    }

    /** Files written so far, by all sources of this import. */
    public int filesWritten() {
        return budget.files();
    }

    /** What {@link #addTree} left out, e.g. "skipped symbolic link a/b". */
    public List<String> skipped() {
        return List.copyOf(skipped);
    }

    /** Called with the bytes written so far, about every MiB and whenever a file is complete. */
    public void onProgress(LongConsumer bytesSoFar) {
        budget.onProgress(bytesSoFar);
    }

    /** Told of every file written, once it is complete under its final name (e.g. to read it at once). */
    public void onFileWritten(Consumer<Path> listener) {
        staging.onFileWritten(Objects.requireNonNull(listener, "listener"));
    }

    /** Unpacks {@code source} into {@code dir} when it is an archive, else copies it there as {@code name}. */
    void place(Path source, String name, String label, Path dir) throws UnpackException, IOException {
        ArchiveFormat format = ArchiveFormat.detect(source, name);
        if (format == ArchiveFormat.PLAIN) {
            copy(source, name, label, dir);
            return;
        }
        ArchiveSink sink = new ArchiveSink(staging, dir, budget.archive(label, Files.size(source)));
        try {
            switch (format) {
                case ZIP -> ZipExtractor.extract(source, sink);
                case TAR -> {
                    try (InputStream in = new BufferedInputStream(Files.newInputStream(source), BUFFER_BYTES)) {
                        TarExtractor.extract(in, sink);
                    }
                }
                default -> GzipExtractor.extract(source, name, sink);
            }
        } catch (SourceReadException e) {
            throw new UnpackException(label + " could not be read as " + format.description() + " ("
                    + EntryPaths.printable(String.valueOf(e.getMessage())) + ")");
        }
    }

    /** Copies {@code source} as file {@code name} into {@code dir}, without following a symbolic link. */
    void copy(Path source, String name, String label, Path dir) throws UnpackException, IOException {
        try (InputStream in = Files.newInputStream(source, LinkOption.NOFOLLOW_LINKS)) {
            staging.write(dir, name, in, budget.plain(label));
        }
    }
}

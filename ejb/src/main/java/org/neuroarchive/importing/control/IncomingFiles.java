package org.neuroarchive.importing.control;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Walks incomingdir for files ready to import: recursively, never following symbolic links, skipping
 * hidden names and {@code *.part} files (a receiver still writing), taking only settled files — older
 * than the settle time and with the size they had at the previous scan — and at most {@code limit}.
 * Files below {@code completeDir} (where the DICOM receiver renames objects it has completely
 * received: a batch becomes visible complete, by one rename of its hidden folder) are taken at once.
 * {@code sizes} remembers the sizes seen outside {@code completeDir}; it is updated by the walk, and a
 * walk that saw every file ({@link Found#complete()}) also forgets the files it did not see (gone), so
 * the map never holds more than the files of incomingdir, without a look at each remembered file.
 */
public final class IncomingFiles {

    /**
     * Files ready to import and their bytes in all (as the walk saw them); how many were seen but left
     * (too recent, still growing, or not seen before); and of those, how many are old enough and only
     * need a second look; and the oldest modification time of the files left because they are too
     * recent (null: none), from which the next file becomes settled.
     */
    public record Found(List<Path> ready, long readyBytes, int notSettled, int firstSeen, Instant oldestRecent,
                        boolean complete) {
    }

    private IncomingFiles() {
    }

    public static Found find(Path incoming, Path completeDir, Instant settledBefore, int limit, Map<Path, Long> sizes)
            throws IOException {
        Walk walk = new Walk(incoming, completeDir, settledBefore, limit, sizes);
        Files.walkFileTree(incoming, walk);
        boolean complete = walk.ready.size() < limit;
        if (complete) {
            sizes.clear(); // every file still there was seen again
        }
        sizes.putAll(walk.seen);
        return new Found(walk.ready, walk.readyBytes, walk.notSettled, walk.firstSeen, walk.oldestRecent, complete);
    }

    /** One walk of incomingdir: the files ready to claim, and those still being written. */
    private static final class Walk extends SimpleFileVisitor<Path> {
        private final Path incoming;
        private final Path completeDir;
        private final Instant settledBefore;
        private final int limit;
        private final Map<Path, Long> sizes;
        private final List<Path> ready = new ArrayList<>();
        private long readyBytes;
        /** The sizes seen by this walk (outside completeDir). */
        private final Map<Path, Long> seen = new HashMap<>();
        private int notSettled;
        private int firstSeen;
        private Instant oldestRecent;

        Walk(Path incoming, Path completeDir, Instant settledBefore, int limit, Map<Path, Long> sizes) {
            this.incoming = incoming;
            this.completeDir = completeDir;
            this.settledBefore = settledBefore;
            this.limit = limit;
            this.sizes = sizes;
        }

        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            return !dir.equals(incoming) && isHidden(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            if (!attrs.isRegularFile() || isHidden(file) || file.getFileName().toString().endsWith(".part")) {
                return FileVisitResult.CONTINUE;
            }
            if (!file.startsWith(completeDir)) {
                Long previousSize = sizes.get(file);
                seen.put(file, attrs.size());
                Instant modified = attrs.lastModifiedTime().toInstant();
                boolean old = !modified.isAfter(settledBefore);
                if (!old && (oldestRecent == null || modified.isBefore(oldestRecent))) {
                    oldestRecent = modified;
                }
                if (!old || previousSize == null || previousSize != attrs.size()) {
                    notSettled++;
                    if (old && previousSize == null) {
                        firstSeen++;
                    }
                    return FileVisitResult.CONTINUE;
                }
            }
            ready.add(file);
            readyBytes += attrs.size();
            return ready.size() >= limit ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException exc) {
            return FileVisitResult.CONTINUE; // vanished or unreadable directory entry: next scan
        }
    }

    /** Removes empty subdirectories (never incomingdir itself) not modified since {@code settledBefore}. */
    public static void removeEmptyDirectories(Path incoming, Instant settledBefore) throws IOException {
        List<Path> dirs = new ArrayList<>();
        Files.walkFileTree(incoming, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) {
                if (!dir.equals(incoming) && !isHidden(dir)) {
                    dirs.add(dir);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) {
                return FileVisitResult.CONTINUE;
            }
        });
        for (Path dir : dirs) { // deepest first: post-order
            try (var entries = Files.list(dir)) {
                if (entries.findAny().isEmpty()
                        && Files.getLastModifiedTime(dir).toInstant().isBefore(settledBefore)) {
                    Files.deleteIfExists(dir);
                }
            } catch (IOException stillInUse) {
                // left for a later scan
            }
        }
    }

    private static boolean isHidden(Path path) {
        Path name = path.getFileName();
        return name != null && name.toString().startsWith(".");
    }
}

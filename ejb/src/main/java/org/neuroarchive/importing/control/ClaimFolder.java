package org.neuroarchive.importing.control;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.neuroarchive.files.AtomicFiles;
import org.neuroarchive.files.SourceFile;

/**
 * One claimed series: a folder {@code <incoming>.claimed/<claim key>/} holding the series' files under
 * their paths relative to incomingdir, so that they can always be put back exactly where they were.
 */
public final class ClaimFolder {

    private final Path root;

    public ClaimFolder(Path claimsDir, String claimKey) {
        this.root = claimsDir.resolve(claimKey);
    }

    public Path root() {
        return root;
    }

    /** Moves each file (given relative to incomingdir) into the claim folder; atomic renames. */
    public void take(Path incoming, List<Path> files) throws IOException {
        for (Path file : files) {
            AtomicFiles.move(file, root.resolve(incoming.relativize(file)));
        }
    }

    /** The claimed files, in a stable order, with their names as they were in incomingdir. */
    public List<SourceFile> files() throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .sorted(Comparator.naturalOrder())
                    .map(p -> new SourceFile(p, root.relativize(p).toString()))
                    .toList();
        }
    }

    /** Puts a claimed file back into incomingdir under its original name (suffixed if taken meanwhile). */
    public static void putBack(SourceFile file, Path incoming) throws IOException {
        Path original = incoming.resolve(file.originalName());
        Path target = Files.exists(original)
                ? AtomicFiles.reserve(original.getParent(), original.getFileName().toString())
                : original;
        AtomicFiles.move(file.path(), target);
    }

    /** Puts every claimed file back into incomingdir (see {@link #putBack}) and removes the emptied folder. */
    public void putAllBack(Path incoming) throws IOException {
        for (SourceFile file : files()) {
            putBack(file, incoming);
        }
        removeEmptyDirectories();
    }

    /** As {@link #removeEmptyDirectories()}, logging instead of throwing. */
    public void removeEmptyDirectoriesQuietly() {
        try {
            removeEmptyDirectories();
        } catch (IOException e) {
            java.util.logging.Logger.getLogger(ClaimFolder.class.getName())
                    .warning(() -> "could not remove claim folder " + root + ": " + e);
        }
    }

    /** Removes the folder's empty directories (and the folder itself when empty). */
    public void removeEmptyDirectories() throws IOException {
        if (!Files.isDirectory(root)) {
            return;
        }
        List<Path> dirs = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(Files::isDirectory).forEach(dirs::add);
        }
        dirs.sort(Comparator.comparingInt(Path::getNameCount).reversed());
        for (Path dir : dirs) {
            try {
                Files.deleteIfExists(dir);
            } catch (DirectoryNotEmptyException stillUsed) {
                // a file is left in it: keep it
            }
        }
    }
}

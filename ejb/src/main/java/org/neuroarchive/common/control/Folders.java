package org.neuroarchive.common.control;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.logging.Logger;
import java.util.stream.Stream;

/** Folder housekeeping shared by the features that keep work folders (staging, the DICOM receiver). */
public final class Folders {

    private static final Logger LOG = Logger.getLogger(Folders.class.getName());

    private Folders() {
    }

    /**
     * Removes a folder and everything in it, as far as possible (symbolic links are removed, never
     * followed); a file that cannot be removed is logged and left.
     */
    public static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            LOG.warning(() -> "could not remove " + dir + ": " + e.getMessage());
        }
    }
}

package org.neuroarchive.individual.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import org.neuroarchive.common.control.Folders;
import org.neuroarchive.config.StorageLocations;

/**
 * The staging folder of each individual import: {@code staging/import-<id>/upload/} receives uploaded
 * files as they arrive, {@code files/} holds what was unpacked (and anonymized) for parsing and
 * archiving. Archived files leave by atomic rename into the archive; the rest goes with the folder.
 */
@ApplicationScoped
public class StagingArea {

    @Inject
    StorageLocations locations;

    public Path root(long importId) {
        return locations.staging().resolve("import-" + importId);
    }

    public Path upload(long importId) {
        return root(importId).resolve("upload");
    }

    public Path files(long importId) {
        return root(importId).resolve("files");
    }

    /** Scratch space for unpacking before anonymizing: never archived. */
    public Path unpacking(long importId) {
        return root(importId).resolve("unpacking");
    }

    /** Removes the import's staging folder, or the given part of it. */
    public void remove(Path dir) {
        Folders.deleteTree(dir);
    }

    /** The path of a file below {@code files/} from its '/'-separated relative name. */
    public Path file(long importId, String relativePath) {
        return files(importId).resolve(relativePath);
    }

    /** '/'-separated name of a file below {@code files/}. */
    public static String relativeName(Path filesDir, Path file) {
        return filesDir.relativize(file).toString().replace(java.io.File.separatorChar, '/');
    }
}

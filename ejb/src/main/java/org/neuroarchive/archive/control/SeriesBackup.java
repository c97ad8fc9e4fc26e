package org.neuroarchive.archive.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.neuroarchive.config.BackupSettings;
import org.neuroarchive.config.StorageLocations;
import org.neuroarchive.files.AtomicFiles;
import org.neuroarchive.files.FileTransaction;

/**
 * NiDB's backup copy: after the archive transaction commits, the newly archived files of a series are
 * copied to {@code backupdir/<SubjectUID>/<studynum>/<seriesnum>/} (NiDB rsyncs {@code dicom/*} there), each
 * under a temporary name and then renamed. A failed backup is one warning; the import has succeeded.
 */
@ApplicationScoped
public class SeriesBackup {

    private static final Logger LOG = Logger.getLogger(SeriesBackup.class.getName());

    @Inject
    StorageLocations locations;

    @Inject
    BackupSettings settings;

    /** For CDI. */
    public SeriesBackup() {
    }

    /** Backups under {@code locations} (tests and tools). */
    public static SeriesBackup in(StorageLocations locations, BackupSettings settings) {
        SeriesBackup backup = new SeriesBackup();
        backup.locations = locations;
        backup.settings = settings;
        return backup;
    }

    /** When backups are enabled, copies {@code archived} (relative to archivedir) after commit. */
    public void copyAfterCommit(FileTransaction files, Path seriesDir, List<Path> archived) {
        if (settings.enabled() && !archived.isEmpty()) {
            List<Path> copies = List.copyOf(archived);
            files.afterCommit(() -> copy(seriesDir, copies));
        }
    }

    /** Copies {@code archived} into {@code backupdir/<seriesDir>/}; returns how many were copied. Never throws. */
    public int copy(Path seriesDir, List<Path> archived) {
        Path target = locations.backup().resolve(seriesDir);
        int copied = 0;
        String firstError = null;
        for (Path file : archived) {
            try {
                AtomicFiles.copy(locations.archive().resolve(file), target.resolve(file.getFileName()));
                copied++;
            } catch (IOException | RuntimeException e) {
                firstError = firstError == null ? e.toString() : firstError;
            }
        }
        if (firstError != null) {
            LOG.log(Level.WARNING, "backup of series {0}: {1} of {2} files not copied to {3} (first error: {4}); "
                    + "the archive is complete", new Object[] {seriesDir, archived.size() - copied, archived.size(),
                    target, firstError});
        }
        return copied;
    }
}

package org.neuroarchive.archive.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.neuroarchive.config.StorageLocations;
import org.neuroarchive.dicom.ThumbnailException;
import org.neuroarchive.dicom.ThumbnailRenderer;
import org.neuroarchive.files.AtomicFiles;
import org.neuroarchive.files.FileTransaction;

/**
 * NiDB's {@code thumb.png} beside {@code dicom/}: rendered from the middle instance of the series once the
 * archive transaction has committed, written under a temporary name and renamed. A series without a
 * thumbnail is still a good series: every failure is one log line, never an exception.
 */
@ApplicationScoped
public class SeriesThumbnail {

    private static final Logger LOG = Logger.getLogger(SeriesThumbnail.class.getName());

    @Inject
    StorageLocations locations;

    private final ThumbnailRenderer renderer = new ThumbnailRenderer();

    /** For CDI. */
    public SeriesThumbnail() {
    }

    /** Thumbnails under {@code locations} (tests and tools). */
    public static SeriesThumbnail in(StorageLocations locations) {
        SeriesThumbnail thumbnail = new SeriesThumbnail();
        thumbnail.locations = locations;
        return thumbnail;
    }

    /** Renders the thumbnail of {@code seriesDir} from {@code instance} (both relative to archivedir) after commit. */
    public void renderAfterCommit(FileTransaction files, Path seriesDir, Path instance) {
        files.afterCommit(() -> write(seriesDir, instance));
    }

    /**
     * Writes {@code archivedir/<seriesDir>/thumb.png} from {@code instance}; false (and one log line) when
     * there is no thumbnail. Never throws.
     */
    public boolean write(Path seriesDir, Path instance) {
        Path target = locations.archive().resolve(seriesDir).resolve(ArchiveLayout.THUMBNAIL);
        try {
            AtomicFiles.write(target, renderer.renderPng(locations.archive().resolve(instance)));
            return true;
        } catch (ThumbnailException e) {
            LOG.info(() -> "no thumbnail for series " + seriesDir + " (from " + instance.getFileName() + "): "
                    + e.reason());
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "could not write the thumbnail {0}: {1}", new Object[] {target, e.toString()});
        }
        return false;
    }
}

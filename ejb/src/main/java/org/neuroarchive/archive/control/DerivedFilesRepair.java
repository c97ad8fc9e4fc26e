package org.neuroarchive.archive.control;

import org.neuroarchive.common.control.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.logging.Logger;
import org.neuroarchive.archive.entity.Instance;
import org.neuroarchive.config.BackupSettings;
import org.neuroarchive.config.StorageLocations;
import org.neuroarchive.matching.entity.Series;

/**
 * At startup, redoes what a crash may have cut off after an archive transaction committed: the
 * series' {@code thumb.png} and its backup copy. Only series changed in the last two days are looked
 * at, so a large archive starts as fast as a small one.
 */
@Stateless
@RolesAllowed({Roles.SYSTEM, Roles.USER})
public class DerivedFilesRepair {

    private static final Logger LOG = Logger.getLogger("org.neuroarchive.import");
    private static final int RECENT_HOURS = 48;

    @PersistenceContext
    EntityManager em;

    @Inject
    StorageLocations locations;

    @Inject
    BackupSettings backupSettings;

    @Inject
    SeriesDetails details;

    @Inject
    SeriesThumbnail thumbnail;

    @Inject
    SeriesBackup backup;

    public void repairRecent() {
        List<Series> recent = em.createNamedQuery(Series.UPDATED_SINCE, Series.class)
                .setParameter("since", LocalDateTime.now().minusHours(RECENT_HOURS)).getResultList();
        int thumbnails = 0;
        int copies = 0;
        for (Series series : recent) {
            Path seriesDir = ArchiveLayout.seriesDir(series.getStudy().getSubject().getUid(),
                    series.getStudy().getStudyNum(), series.getSeriesNum());
            if (!Files.exists(locations.archive().resolve(seriesDir).resolve(ArchiveLayout.THUMBNAIL))) {
                thumbnails += details.middleInstance(series)
                        .map(middle -> thumbnail.write(seriesDir, middle) ? 1 : 0).orElse(0);
            }
            if (backupSettings.enabled()) {
                List<Path> missing = em.createNamedQuery(Instance.SERIES_FILES_IN_ORDER, String.class)
                        .setParameter("series", series).getResultStream().map(Path::of)
                        .filter(file -> !Files.exists(locations.backup().resolve(seriesDir).resolve(file.getFileName())))
                        .toList();
                copies += missing.isEmpty() ? 0 : backup.copy(seriesDir, missing);
            }
        }
        int madeThumbnails = thumbnails;
        int madeCopies = copies;
        if (madeThumbnails + madeCopies > 0) {
            LOG.info(() -> "recovery: " + madeThumbnails + " thumbnails and " + madeCopies
                    + " backup copies made that an interrupted import had not made");
        }
    }
}

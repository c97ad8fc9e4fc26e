package org.neuroarchive.search.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.neuroarchive.archive.control.ArchiveLayout;
import org.neuroarchive.archive.control.InstanceNumberGaps;
import org.neuroarchive.config.StorageLocations;
import org.neuroarchive.matching.entity.AlternateUid;
import org.neuroarchive.matching.entity.Series;
import org.neuroarchive.matching.entity.Study;
import org.neuroarchive.matching.entity.Subject;
import org.neuroarchive.common.control.Paging;

/** Read-only views of what is archived. */
@Stateless
public class ArchiveBrowser {

    /** At most this many missing InstanceNumbers are listed (the count is always complete). */
    public static final int MISSING_LISTED = 1000;

    @PersistenceContext
    EntityManager em;

    @Inject
    StorageLocations locations;

    public List<SubjectView> subjects(int offset, int limit) {
        return Paging.page(em.createNamedQuery(Subject.ALL, Subject.class), offset, limit)
                .getResultList().stream()
                .map(s -> new SubjectView(s.getId(), s.getUid(), s.getFamily() == null ? null : s.getFamily().getUid(),
                        s.getPatientName(), s.getSex(), s.getBirthDate(),
                        s.getAlternateUids().stream().map(AlternateUid::getAltuid).toList()))
                .toList();
    }

    public Optional<SeriesView> series(long id) {
        Series series = em.find(Series.class, id);
        if (series == null) {
            return Optional.empty();
        }
        Study study = series.getStudy();
        String subjectUid = study.getSubject().getUid();
        return Optional.of(new SeriesView(series.getId(), series.getSeriesNum(), series.getSeriesInstanceUid(),
                series.getModality(), series.getDescription(), series.getProtocol(), series.getSeriesDateTime(),
                series.getRows(), series.getColumns(), series.getFileCount(), series.getTotalBytes(), subjectUid,
                study.getId(), study.getStudyNum(), study.getStudyInstanceUid(), study.getStudyDateTime(),
                study.getEnrollment().getProject().getCostcenter(),
                ArchiveLayout.seriesDir(subjectUid, study.getStudyNum(), series.getSeriesNum()).toString(),
                series.getParameters(), series.isValid(), series.getMissingCount(),
                series.isValid() == null ? null : InstanceNumberGaps.expand(series.getMissingInstances(), MISSING_LISTED),
                Files.isRegularFile(thumbnailOf(series))));
    }

    /** The series' {@code thumb.png}, when the series exists and has one. */
    public Optional<Path> thumbnail(long seriesId) {
        Series series = em.find(Series.class, seriesId);
        return series == null ? Optional.empty() : Optional.of(thumbnailOf(series)).filter(Files::isRegularFile);
    }

    private Path thumbnailOf(Series series) {
        Study study = series.getStudy();
        return locations.archive().resolve(ArchiveLayout.thumbnailFile(study.getSubject().getUid(), study.getStudyNum(),
                series.getSeriesNum()));
    }
}

package org.neuroarchive.search.control;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDateTime;
import java.util.List;
import org.neuroarchive.matching.entity.Series;

/** The series archived or extended in the last 24 hours, by patient, study date and series. */
@Stateless
public class RecentSeries {

    private static final int MAX_ROWS = 500;

    /** One series changed recently. */
    public record Row(String subjectUid, String patientName, LocalDateTime studyDateTime, int studyNum, int seriesNum,
                      String description, int fileCount, LocalDateTime updatedAt) {
    }

    @PersistenceContext
    EntityManager em;

    public List<Row> lastDay() {
        return em.createNamedQuery(Series.UPDATED_SINCE, Series.class)
                .setParameter("since", LocalDateTime.now().minusDays(1)).setMaxResults(MAX_ROWS).getResultStream()
                .map(s -> new Row(s.getStudy().getSubject().getUid(), s.getStudy().getSubject().getPatientName(),
                        s.getStudy().getStudyDateTime(), s.getStudy().getStudyNum(), s.getSeriesNum(), s.getDescription(),
                        s.getFileCount(), s.getUpdatedAt()))
                .sorted(java.util.Comparator.comparing(Row::subjectUid).thenComparing(Row::studyNum).thenComparing(Row::seriesNum))
                .toList();
    }
}

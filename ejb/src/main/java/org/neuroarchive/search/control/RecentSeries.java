package org.neuroarchive.search.control;

import org.neuroarchive.common.control.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import org.neuroarchive.audit.control.PhiReads;
import org.neuroarchive.audit.entity.AuditEvent;
import org.neuroarchive.matching.entity.Series;
import org.neuroarchive.security.control.Caller;
import org.neuroarchive.security.control.Callers;
import org.neuroarchive.security.control.ProjectScope;
import org.neuroarchive.security.entity.ProjectPermission;

/**
 * The series archived or extended in the last 24 hours, by patient, study date and series: those of
 * projects the caller may view, with the patient's name only where it may view PHI.
 */
@Stateless
@RolesAllowed({Roles.SYSTEM, Roles.USER})
public class RecentSeries {

    private static final int MAX_ROWS = 500;

    /** One series changed recently ({@code patientName} null without VIEW_PHI). */
    public record Row(long seriesId, String subjectUid, String patientName, LocalDateTime studyDateTime, int studyNum, int seriesNum,
                      String description, int fileCount, LocalDateTime updatedAt) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Callers callers;

    @Inject
    PhiReads phiReads;

    public List<Row> lastDay() {
        Caller caller = callers.current();
        ProjectScope visible = ProjectScope.of(caller, ProjectPermission.VIEW_DATA);
        ProjectScope phi = ProjectScope.of(caller, ProjectPermission.VIEW_PHI);
        if (visible.none()) {
            return List.of();
        }
        List<Row> rows = visible.bind(em.createQuery("SELECT s FROM Series s WHERE s.updatedAt >= :since AND "
                                + visible.where("s.study.enrollment.project.id", "visible") + " ORDER BY s.id", Series.class),
                        "visible")
                .setParameter("since", LocalDateTime.now().minusDays(1)).setMaxResults(MAX_ROWS).getResultStream()
                .map(s -> new Row(s.getId(), s.getStudy().getSubject().getUid(),
                        phi.includes(s.getStudy().getEnrollment().getProject().getId())
                                ? s.getStudy().getSubject().getPatientName() : null,
                        s.getStudy().getStudyDateTime(), s.getStudy().getStudyNum(), s.getSeriesNum(), s.getDescription(),
                        s.getFileCount(), s.getUpdatedAt()))
                .sorted(Comparator.comparing(Row::subjectUid).thenComparing(Row::studyNum).thenComparing(Row::seriesNum))
                .toList();
        long shown = rows.stream().filter(r -> r.patientName() != null).count();
        if (shown > 0) {
            phiReads.shown(AuditEvent.of(caller.actor(), "series.read").object("series", null)
                    .detail("patient names of " + shown + " recently archived series shown"));
        }
        return rows;
    }
}

package org.neuroarchive.matching.control;

import org.neuroarchive.common.control.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import org.neuroarchive.matching.entity.Enrollment;
import org.neuroarchive.matching.entity.Project;
import org.neuroarchive.matching.entity.Series;
import org.neuroarchive.matching.entity.Study;
import org.neuroarchive.matching.entity.Subject;
import org.neuroarchive.matching.entity.MatchingCriteria;

/**
 * What a series would be filed under if it were archived now, without creating anything: the
 * existing subject, study and series it matches by the criteria (as far as the match goes).
 */
@Stateless
@RolesAllowed({Roles.SYSTEM, Roles.USER})
public class ExistingMatch {

    /** The match; ids null where nothing matches. {@code text} e.g. {@code S1234ABC/2/5}, or "". */
    public record Match(Long subjectId, String subjectUid, Long studyId, Integer studyNum, Long seriesId,
                        Integer seriesNum) {

        static final Match NONE = new Match(null, null, null, null, null, null);

        public String text() {
            if (subjectUid == null) {
                return "";
            }
            return subjectUid + (studyNum == null ? "" : "/" + studyNum + (seriesNum == null ? "" : "/" + seriesNum));
        }
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    SubjectMatcher subjects;

    @Inject
    StudyMatcher studies;

    @Inject
    SeriesMatcher series;

    @Inject
    SeriesPlacer placer;

    public Match of(SeriesIdentity identity, String projectCostcenter, MatchingCriteria criteria) {
        if (identity.unfileableReason(criteria).isPresent() && identity.patientId().isBlank()
                && criteria.subject() != MatchingCriteria.Subject.NAME_SEX_DOB) {
            return Match.NONE;
        }
        Optional<Subject> subject = subjects.find(identity, criteria.subject());
        if (subject.isEmpty()) {
            return Match.NONE;
        }
        Subject s = subject.get();
        Project project;
        try {
            project = placer.project(identity, projectCostcenter);
        } catch (IllegalArgumentException | IllegalStateException noProject) {
            return new Match(s.getId(), s.getUid(), null, null, null, null);
        }
        Optional<Enrollment> enrollment = em.createNamedQuery(Enrollment.FIND, Enrollment.class)
                .setParameter("subject", s).setParameter("project", project).getResultStream().findFirst();
        Optional<Study> study = enrollment.flatMap(e -> studies.find(e, identity, criteria.study()));
        if (study.isEmpty()) {
            return new Match(s.getId(), s.getUid(), null, null, null, null);
        }
        Optional<Series> found = series.find(study.get(), identity, criteria.series());
        return new Match(s.getId(), s.getUid(), study.get().getId(), study.get().getStudyNum(),
                found.map(Series::getId).orElse(null), found.map(Series::getSeriesNum).orElse(null));
    }
}

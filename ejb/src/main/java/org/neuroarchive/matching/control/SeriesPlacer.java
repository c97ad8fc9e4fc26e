package org.neuroarchive.matching.control;

import org.neuroarchive.common.control.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.neuroarchive.matching.entity.Enrollment;
import org.neuroarchive.matching.entity.Project;
import org.neuroarchive.matching.entity.Series;
import org.neuroarchive.matching.entity.Study;
import org.neuroarchive.matching.entity.Subject;
import org.neuroarchive.matching.entity.MatchingCriteria;

/** Finds or creates everything a series is filed under, by NiDB's rules and the chosen matching criteria. */
@Stateless
@RolesAllowed({Roles.SYSTEM, Roles.USER})
public class SeriesPlacer {

    @Inject
    ProjectResolver projects;

    @Inject
    SubjectMatcher subjects;

    @Inject
    StudyMatcher studies;

    @Inject
    SeriesMatcher series;

    /**
     * Requires {@code identity.unfileableReason()} to be empty. {@code projectCostcenter}, when not
     * null, names the project instead of the StudyDescription rule (a person's choice on release).
     */
    public Placement place(SeriesIdentity identity, String projectCostcenter, MatchingCriteria criteria) {
        return place(identity, project(identity, projectCostcenter), criteria);
    }

    /** Files the series in {@code project} (resolved by the caller with {@link #project}). */
    public Placement place(SeriesIdentity identity, Project project, MatchingCriteria criteria) {
        Found<Subject> subject = subjects.findOrCreate(identity, criteria.subject());
        Enrollment enrollment = subjects.enroll(subject.value(), project);
        Found<Study> study = studies.findOrCreate(enrollment, identity, criteria.study());
        Found<Series> filed = series.findOrCreate(study.value(), identity, criteria.series());
        return new Placement(project, subject.value(), enrollment, study.value(), filed.value(),
                subject.created(), study.created(), filed.created());
    }

    /** The project by its cost center, or (null) by the StudyDescription rule. */
    public Project project(SeriesIdentity identity, String projectCostcenter) {
        return projectCostcenter == null
                ? projects.resolve(identity.studyDescription())
                : projects.byCostcenter(projectCostcenter).orElseThrow(() ->
                        new IllegalArgumentException("no project with cost center " + projectCostcenter));
    }
}

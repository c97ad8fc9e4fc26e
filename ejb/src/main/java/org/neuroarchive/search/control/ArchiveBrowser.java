package org.neuroarchive.search.control;

import org.neuroarchive.common.control.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.neuroarchive.archive.control.ArchiveLayout;
import org.neuroarchive.archive.control.InstanceNumberGaps;
import org.neuroarchive.audit.control.PhiReads;
import org.neuroarchive.audit.entity.AuditEvent;
import org.neuroarchive.config.StorageLocations;
import org.neuroarchive.matching.entity.AlternateUid;
import org.neuroarchive.matching.entity.Series;
import org.neuroarchive.matching.entity.Study;
import org.neuroarchive.matching.entity.Subject;
import org.neuroarchive.common.control.Paging;
import org.neuroarchive.security.control.Caller;
import org.neuroarchive.security.control.Callers;
import org.neuroarchive.security.control.ProjectScope;
import org.neuroarchive.security.entity.ProjectPermission;

/**
 * Read-only views of what is archived, as far as the caller may see it: subjects enrolled in a
 * project it may view, series (and their studies) of such projects; anything else is not found.
 * Patient name, birth date and alternate UIDs only with the right to view PHI of one of the
 * subject's projects (a read that shows them is audited).
 */
@Stateless
@RolesAllowed({Roles.SYSTEM, Roles.USER})
public class ArchiveBrowser {

    /** At most this many missing InstanceNumbers are listed (the count is always complete). */
    public static final int MISSING_LISTED = 1000;

    @PersistenceContext
    EntityManager em;

    @Inject
    StorageLocations locations;

    @Inject
    Callers callers;

    @Inject
    PhiReads phiReads;

    public List<SubjectView> subjects(int offset, int limit) {
        Caller caller = callers.current();
        ProjectScope visible = ProjectScope.of(caller, ProjectPermission.VIEW_DATA);
        if (visible.none()) {
            return List.of();
        }
        List<Subject> subjects = Paging.page(visible.bind(em.createQuery("SELECT s FROM Subject s WHERE "
                + (visible.all() ? "1 = 1" : "EXISTS (SELECT e FROM Enrollment e WHERE e.subject = s AND "
                + visible.where("e.project.id", "projects") + ")") + " ORDER BY s.id", Subject.class), "projects"),
                offset, limit).getResultList();
        Set<Long> withPhi = subjectsWithPhi(caller, subjects);
        List<SubjectView> views = subjects.stream().map(s -> view(s, withPhi.contains(s.getId()))).toList();
        if (!withPhi.isEmpty()) {
            phiReads.shown(AuditEvent.of(caller.actor(), "subject.read").object("subject", null)
                    .detail("patient data of " + withPhi.size() + " subjects (offset " + offset + ")"));
        }
        return views;
    }

    private static SubjectView view(Subject s, boolean phi) {
        return new SubjectView(s.getId(), s.getUid(), s.getFamily() == null ? null : s.getFamily().getUid(),
                phi ? s.getPatientName() : null, s.getSex(), phi ? s.getBirthDate() : null,
                phi ? s.getAlternateUids().stream().map(AlternateUid::getAltuid).toList() : null);
    }

    /** The ids of those subjects whose patient fields the caller may see: VIEW_PHI on one of their projects. */
    private Set<Long> subjectsWithPhi(Caller caller, List<Subject> subjects) {
        Set<Long> ids = new HashSet<>();
        subjects.forEach(s -> ids.add(s.getId()));
        ProjectScope phi = ProjectScope.of(caller, ProjectPermission.VIEW_PHI);
        if (phi.all() || ids.isEmpty() || phi.none()) {
            return phi.all() ? ids : Set.of();
        }
        return new HashSet<>(em.createQuery("SELECT e.subject.id FROM Enrollment e WHERE e.subject.id IN :ids "
                        + "AND e.project.id IN :projects", Long.class)
                .setParameter("ids", ids).setParameter("projects", phi.projects()).getResultList());
    }

    /** The series, if the caller may view its project's data. */
    public Optional<SeriesView> series(long id) {
        Optional<Series> found = visibleSeries(id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Series series = found.get();
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

    /**
     * The patient name of the subject of the series, only for a caller who may view PHI of the series' project
     * (the read is audited); empty otherwise, as on the search screen.
     */
    public Optional<String> patientName(long seriesId) {
        Caller caller = callers.current();
        return visibleSeries(seriesId).filter(s -> caller.may(ProjectPermission.VIEW_PHI,
                s.getStudy().getEnrollment().getProject().getId())).map(s -> {
                    phiReads.shown(AuditEvent.of(caller.actor(), "series.read").object("series", seriesId)
                            .project(s.getStudy().getEnrollment().getProject().getCostcenter())
                            .detail("patient name of the subject of series " + seriesId));
                    return s.getStudy().getSubject().getPatientName();
                });
    }

    /** The series' {@code thumb.png}, when the caller may see the series and it has one. */
    public Optional<Path> thumbnail(long seriesId) {
        return visibleSeries(seriesId).map(this::thumbnailOf).filter(Files::isRegularFile);
    }

    private Optional<Series> visibleSeries(long id) {
        Series series = em.find(Series.class, id);
        if (series == null || !callers.current().may(ProjectPermission.VIEW_DATA,
                series.getStudy().getEnrollment().getProject().getId())) {
            return Optional.empty();
        }
        return Optional.of(series);
    }

    private Path thumbnailOf(Series series) {
        Study study = series.getStudy();
        return locations.archive().resolve(ArchiveLayout.thumbnailFile(study.getSubject().getUid(), study.getStudyNum(),
                series.getSeriesNum()));
    }
}

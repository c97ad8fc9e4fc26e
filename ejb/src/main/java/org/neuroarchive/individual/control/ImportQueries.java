package org.neuroarchive.individual.control;

import org.neuroarchive.common.control.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jakarta.inject.Inject;
import org.neuroarchive.audit.control.PhiReads;
import org.neuroarchive.audit.entity.AuditEvent;
import org.neuroarchive.common.control.Paging;
import org.neuroarchive.importlog.entity.ImportLogEntry;
import org.neuroarchive.individual.entity.ImportStatus;
import org.neuroarchive.security.control.Caller;
import org.neuroarchive.security.control.Callers;
import org.neuroarchive.security.control.ProjectScope;
import org.neuroarchive.security.entity.ProjectPermission;
import org.neuroarchive.individual.entity.ImportRequest;
import org.neuroarchive.individual.entity.StagedFile;
import org.neuroarchive.individual.entity.StagedSeries;

/**
 * Reads individual imports for the API and the screens: the list, and one import with its tree; only
 * those the caller may see ({@link ImportAccess}), others are not found. The patient fields of the tree
 * and options are shown to those who may see them (and that read is audited).
 */
@Stateless
@RolesAllowed({Roles.SYSTEM, Roles.USER})
public class ImportQueries {

    private static final int MAX_UNREADABLE = 1000;
    private static final int MAX_LOG = 500;

    @PersistenceContext
    EntityManager em;

    @Inject
    Callers callers;

    @Inject
    ImportAccess access;

    @Inject
    PhiReads phiReads;

    public List<ImportViews.Summary> list(int offset, int limit) {
        Caller caller = callers.current();
        List<ImportRequest> page = Paging.page(access.bindVisible(caller, em.createQuery("SELECT r FROM ImportRequest r WHERE "
                        + access.visibleWhere(caller, "r") + " ORDER BY r.id DESC", ImportRequest.class)), offset, limit)
                .getResultList();
        Map<Long, SeriesCounts> counts = SeriesCounts.of(em, page.stream().map(ImportRequest::getId).toList());
        return page.stream().map(r -> ImportViews.Summary.of(r, counts.getOrDefault(r.getId(), SeriesCounts.NONE))).toList();
    }

    /** How many of the imports the caller may see have something running (uploading, parsing, archiving). */
    public long running() {
        Caller caller = callers.current();
        return access.bindVisible(caller, em.createQuery("SELECT COUNT(r) FROM ImportRequest r WHERE r.status IN :statuses AND "
                        + access.visibleWhere(caller, "r"), Long.class))
                .setParameter("statuses", ImportStatus.RUNNING).getSingleResult();
    }

    public ImportViews.Summary summary(long id) {
        return ImportViews.Summary.of(access.visible(id, false), SeriesCounts.of(em, id));
    }

    public ImportViews.Detail detail(long id) {
        Caller caller = callers.current();
        ImportRequest r = access.visible(id, false);
        boolean phi = access.showsPhi(caller, r);
        List<StagedSeries> all = em.createNamedQuery(StagedSeries.OF_IMPORT, StagedSeries.class)
                .setParameter("importId", id).getResultList();
        List<ImportViews.UnreadableFile> unreadable = em.createNamedQuery(StagedFile.UNREADABLE, StagedFile.class)
                .setParameter("importId", id).setMaxResults(MAX_UNREADABLE).getResultStream()
                .map(f -> new ImportViews.UnreadableFile(phi ? f.getRelativePath() : IndividualArchiver.logName(r, f.getRelativePath()),
                        f.getFileSize(), f.getReason())).toList();
        List<ImportViews.LogLine> log = em.createQuery("SELECT e FROM ImportLogEntry e WHERE e.importId = :id ORDER BY e.id",
                        ImportLogEntry.class).setParameter("id", id).setMaxResults(MAX_LOG).getResultStream()
                .map(e -> new ImportViews.LogLine(e.getCreatedAt(), e.getOutcome().name(), e.getFileName(), e.getMessage(),
                        e.getActor()))
                .toList();
        ImportViews.Options options = ImportViews.Options.of(r, phi);
        MatchScope matches = MatchScope.of(em, ProjectScope.of(caller, ProjectPermission.VIEW_DATA), all);
        List<ImportViews.Subject> subjects = tree(all.stream().filter(s -> !s.isNonmatch()).toList(), phi, matches);
        if (phi && (options.showsPhi() || !subjects.isEmpty())) {
            phiReads.shown(AuditEvent.of(caller.actor(), "import.read").object("import", id).project(r.getProject())
                    .detail("patient fields of " + subjects.size() + " staged subjects"));
        }
        return new ImportViews.Detail(r.getId(), r.getStatus().code(), r.getPercent(), r.getMessage(),
                r.getSourcePath() == null ? "upload" : r.getSourcePath(), r.getCreatedAt(), r.getUpdatedAt(),
                options, r.getFileCount(), r.getUnreadableCount(), subjects,
                all.stream().filter(StagedSeries::isNonmatch).map(s -> series(s, matches)).toList(), unreadable, log,
                r.getCreatedBy(), access.mayAct(caller, r));
    }

    /** Subjects → studies → series, in the order of their keys; patient fields only when {@code phi}. */
    private static List<ImportViews.Subject> tree(List<StagedSeries> series, boolean phi, MatchScope matches) {
        Map<String, Map<String, List<StagedSeries>>> grouped = new LinkedHashMap<>();
        for (StagedSeries s : series) {
            grouped.computeIfAbsent(s.getSubjectKey(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(s.getStudyKey(), k -> new ArrayList<>()).add(s);
        }
        List<ImportViews.Subject> subjects = new ArrayList<>();
        grouped.forEach((subjectKey, studies) -> {
            List<ImportViews.Study> studyViews = new ArrayList<>();
            studies.forEach((studyKey, members) -> {
                StagedSeries first = members.get(0);
                studyViews.add(new ImportViews.Study(studyKey, first.getStudyInstanceUid(), first.getStudyId(),
                        first.getStudyDateTime(), first.getModality(), first.getStudyDescription(), studyMatch(first, matches),
                        members.stream().map(s -> series(s, matches)).toList()));
            });
            StagedSeries first = studies.values().iterator().next().get(0);
            subjects.add(phi ? new ImportViews.Subject(subjectKey, first.getPatientId(), first.getPatientName(), first.getSex(),
                    first.getBirthDate(), subjectMatch(first, matches), studyViews)
                    : new ImportViews.Subject("subject " + (subjects.size() + 1), null, null, first.getSex(), null,
                    subjectMatch(first, matches), studyViews));
        });
        return subjects;
    }

    private static ImportViews.Series series(StagedSeries s, MatchScope matches) {
        String[] parts = s.getMatchText().split("/");
        ImportViews.Match match = !matches.series(s.getMatchSeriesId()) ? null
                : new ImportViews.Match(s.getMatchSeriesId(), parts.length > 2 ? parts[2] : "");
        return new ImportViews.Series(s.getId(), s.getSeriesNum(), s.getDescription(), s.getProtocol(),
                s.getSeriesDateTime(), s.getModality(), s.getRows(), s.getColumns(), s.getFileCount(), s.getTotalBytes(),
                s.isSelected(), s.getStatus().name().toLowerCase(java.util.Locale.ROOT), s.getMessage(), match,
                s.getArchivedSeriesId());
    }

    private static ImportViews.Match subjectMatch(StagedSeries s, MatchScope matches) {
        return !matches.subject(s.getMatchSubjectId()) ? null
                : new ImportViews.Match(s.getMatchSubjectId(), s.getMatchText().split("/")[0]);
    }

    private static ImportViews.Match studyMatch(StagedSeries s, MatchScope matches) {
        String[] parts = s.getMatchText().split("/");
        return !matches.study(s.getMatchStudyId()) ? null
                : new ImportViews.Match(s.getMatchStudyId(), parts.length > 1 ? parts[1] : "");
    }
}

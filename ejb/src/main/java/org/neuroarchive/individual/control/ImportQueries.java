package org.neuroarchive.individual.control;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neuroarchive.common.control.Paging;
import org.neuroarchive.common.control.RequestRejected;
import org.neuroarchive.importlog.entity.ImportLogEntry;
import org.neuroarchive.individual.entity.ImportRequest;
import org.neuroarchive.individual.entity.StagedFile;
import org.neuroarchive.individual.entity.StagedSeries;

/** Reads individual imports for the API and the screens: the list, and one import with its tree. */
@Stateless
public class ImportQueries {

    private static final int MAX_UNREADABLE = 1000;
    private static final int MAX_LOG = 500;

    @PersistenceContext
    EntityManager em;

    public List<ImportViews.Summary> list(int offset, int limit) {
        return Paging.page(em.createNamedQuery(ImportRequest.NEWEST_FIRST, ImportRequest.class), offset, limit)
                .getResultStream().map(ImportViews.Summary::of).toList();
    }

    /** How many imports have something running (uploading, parsing, archiving). */
    public long running() {
        return em.createNamedQuery(ImportRequest.COUNT_IN_STATUS, Long.class)
                .setParameter("statuses", org.neuroarchive.individual.entity.ImportStatus.RUNNING).getSingleResult();
    }

    public ImportViews.Summary summary(long id) {
        return ImportViews.Summary.of(find(id));
    }

    public ImportViews.Detail detail(long id) {
        ImportRequest r = find(id);
        List<StagedSeries> all = em.createNamedQuery(StagedSeries.OF_IMPORT, StagedSeries.class)
                .setParameter("importId", id).getResultList();
        List<ImportViews.UnreadableFile> unreadable = em.createNamedQuery(StagedFile.UNREADABLE, StagedFile.class)
                .setParameter("importId", id).setMaxResults(MAX_UNREADABLE).getResultStream()
                .map(f -> new ImportViews.UnreadableFile(f.getRelativePath(), f.getFileSize(), f.getReason())).toList();
        List<ImportViews.LogLine> log = em.createQuery("SELECT e FROM ImportLogEntry e WHERE e.importId = :id ORDER BY e.id",
                        ImportLogEntry.class).setParameter("id", id).setMaxResults(MAX_LOG).getResultStream()
                .map(e -> new ImportViews.LogLine(e.getCreatedAt(), e.getOutcome().name(), e.getFileName(), e.getMessage()))
                .toList();
        return new ImportViews.Detail(r.getId(), r.getStatus().code(), r.getPercent(), r.getMessage(),
                r.getSourcePath() == null ? "upload" : r.getSourcePath(), r.getCreatedAt(), r.getUpdatedAt(),
                ImportViews.Options.of(r), r.getFileCount(), r.getUnreadableCount(),
                tree(all.stream().filter(s -> !s.isNonmatch()).toList()),
                all.stream().filter(StagedSeries::isNonmatch).map(ImportQueries::series).toList(), unreadable, log);
    }

    private ImportRequest find(long id) {
        ImportRequest r = em.find(ImportRequest.class, id);
        if (r == null) {
            throw new RequestRejected(RequestRejected.Reason.NOT_FOUND, "no import " + id);
        }
        return r;
    }

    /** Subjects → studies → series, in the order of their keys. */
    private static List<ImportViews.Subject> tree(List<StagedSeries> series) {
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
                        first.getStudyDateTime(), first.getModality(), first.getStudyDescription(), studyMatch(first),
                        members.stream().map(ImportQueries::series).toList()));
            });
            StagedSeries first = studies.values().iterator().next().get(0);
            subjects.add(new ImportViews.Subject(subjectKey, first.getPatientId(), first.getPatientName(), first.getSex(),
                    first.getBirthDate(), subjectMatch(first), studyViews));
        });
        return subjects;
    }

    private static ImportViews.Series series(StagedSeries s) {
        String[] parts = s.getMatchText().split("/");
        ImportViews.Match match = s.getMatchSeriesId() == null ? null
                : new ImportViews.Match(s.getMatchSeriesId(), parts.length > 2 ? parts[2] : "");
        return new ImportViews.Series(s.getId(), s.getSeriesNum(), s.getDescription(), s.getProtocol(),
                s.getSeriesDateTime(), s.getModality(), s.getRows(), s.getColumns(), s.getFileCount(), s.getTotalBytes(),
                s.isSelected(), s.getStatus().name().toLowerCase(java.util.Locale.ROOT), s.getMessage(), match,
                s.getArchivedSeriesId());
    }

    private static ImportViews.Match subjectMatch(StagedSeries s) {
        return s.getMatchSubjectId() == null ? null
                : new ImportViews.Match(s.getMatchSubjectId(), s.getMatchText().split("/")[0]);
    }

    private static ImportViews.Match studyMatch(StagedSeries s) {
        String[] parts = s.getMatchText().split("/");
        return s.getMatchStudyId() == null ? null
                : new ImportViews.Match(s.getMatchStudyId(), parts.length > 1 ? parts[1] : "");
    }
}

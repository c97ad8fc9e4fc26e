package org.neuroarchive.individual.control;

import org.neuroarchive.common.control.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.neuroarchive.importlog.entity.ImportLogEntry;
import org.neuroarchive.individual.entity.ImportRequest;
import org.neuroarchive.individual.entity.ImportStatus;
import org.neuroarchive.individual.entity.StagedSeries;

/**
 * The archive progress of an import, counted from its series' states ({@link SeriesCounts}, so it is
 * right after any crash or duplicate message): percent of the selected series, then
 * {@code archivecomplete} when every queued series is archived, or {@code archiveerror} naming the
 * series that failed (their files stay in staging).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
@RolesAllowed({Roles.SYSTEM, Roles.USER})
public class ArchiveProgress {

    @PersistenceContext
    EntityManager em;

    @Inject
    ImportAccess access;

    /** Answers true when the import has just completed: its staging folder may go. */
    public boolean refresh(long importId) {
        ImportRequest request = em.find(ImportRequest.class, importId, LockModeType.PESSIMISTIC_WRITE);
        if (request == null || request.getStatus() != ImportStatus.QUEUED_FOR_ARCHIVE
                && request.getStatus() != ImportStatus.ARCHIVING) {
            return false;
        }
        SeriesCounts counts = SeriesCounts.of(em, importId);
        int total = Math.max(1, counts.selected());
        int finished = Math.max(0, total - counts.queued());
        if (counts.queued() > 0) {
            request.moveTo(ImportStatus.ARCHIVING, 100 * finished / total,
                    "archived " + finished + " of " + total + " series");
            return false;
        }
        int archived = counts.archived();
        if (counts.failed() == 0) {
            request.moveTo(ImportStatus.ARCHIVE_COMPLETE, 100, archived + " series archived");
            access.log(request, ImportLogEntry.Outcome.IMPORT, "archive complete: " + request.getMessage() + "; staging removed");
            return true;
        }
        List<StagedSeries> failed = em.createNamedQuery(StagedSeries.OF_IMPORT, StagedSeries.class)
                .setParameter("importId", importId).getResultStream().filter(StagedSeries::isSelected)
                .filter(s -> s.getStatus().notArchived()).limit(10).toList();
        String which = failed.stream().map(s -> "series " + s.getSeriesNum() + " (" + s.getMessage() + ")")
                .reduce((a, b) -> a + "; " + b).orElse("");
        request.moveTo(ImportStatus.ARCHIVE_ERROR, 100, archived + " series archived, " + counts.failed()
                + " not archived: " + which);
        access.log(request, ImportLogEntry.Outcome.FAILED, request.getMessage());
        return false;
    }
}

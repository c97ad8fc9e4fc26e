package org.neuroarchive.individual.control;

import org.neuroarchive.common.control.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.neuroarchive.config.ClusterSettings;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import org.neuroarchive.importlog.entity.ImportLogEntry;
import org.neuroarchive.individual.entity.ImportRequest;
import org.neuroarchive.individual.entity.ImportStatus;
import org.neuroarchive.individual.entity.StagedFile;
import org.neuroarchive.individual.entity.StagedSeries;

/**
 * The steps of a parse as the import's status shows them, each in a short transaction of its own so
 * that users see progress while the parse runs and a cancel takes effect at the next file.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
@RolesAllowed({Roles.SYSTEM, Roles.USER})
public class ParseProgress {

    @PersistenceContext
    EntityManager em;

    @Inject
    ClusterSettings cluster;

    @Inject
    ImportAccess access;

    /**
     * Starts the parse of this generation if the import is waiting for it (a duplicate or stale message
     * finds it in another state and is ignored); the results of an earlier parse are removed.
     */
    public Optional<ParseJob> start(long importId, int generation) {
        ImportRequest request = em.find(ImportRequest.class, importId, LockModeType.PESSIMISTIC_WRITE);
        if (request == null || request.getStatus() != ImportStatus.UPLOAD_COMPLETE
                || request.getParseGeneration() != generation) {
            return Optional.empty();
        }
        em.createNamedQuery(StagedFile.DELETE_OF_IMPORT).setParameter("importId", importId).executeUpdate();
        em.createNamedQuery(StagedSeries.DELETE_OF_IMPORT).setParameter("importId", importId).executeUpdate();
        request.parsed(0, 0);
        request.moveTo(ImportStatus.PARSING, 0, request.isUnpacked() ? "reading files" : "unpacking");
        request.handledBy(cluster.node());
        return Optional.of(ParseJob.of(request));
    }

    /** Progress of a running parse; answers false when the import was cancelled or parsed anew meanwhile. */
    public boolean progress(long importId, int generation, int percent, String message) {
        ImportRequest request = em.find(ImportRequest.class, importId);
        if (request.getStatus() != ImportStatus.PARSING || request.getParseGeneration() != generation) {
            return false;
        }
        request.moveTo(ImportStatus.PARSING, percent, message);
        return true;
    }

    public void unpacked(long importId, String summary) {
        ImportRequest request = em.find(ImportRequest.class, importId);
        request.markUnpacked();
        log(importId, summary);
    }

    public void completed(long importId, int generation, int files, int unreadable, String summary) {
        ImportRequest request = em.find(ImportRequest.class, importId, LockModeType.PESSIMISTIC_WRITE);
        if (request.getStatus() != ImportStatus.PARSING || request.getParseGeneration() != generation) {
            return;
        }
        request.parsed(files, unreadable);
        request.moveTo(ImportStatus.PARSING_COMPLETE, 100, summary);
        log(importId, "parsed: " + summary);
    }

    public void failed(long importId, int generation, String reason) {
        ImportRequest request = em.find(ImportRequest.class, importId, LockModeType.PESSIMISTIC_WRITE);
        if (request.getStatus() != ImportStatus.PARSING || request.getParseGeneration() != generation) {
            return;
        }
        request.moveTo(ImportStatus.PARSING_ERROR, request.getPercent(), reason);
        access.log(request, ImportLogEntry.Outcome.FAILED, "parsing failed: " + reason);
    }

    /** Whether the import is still to be parsed by this generation (false once cancelled). */
    public boolean current(long importId, int generation) {
        ImportRequest request = em.find(ImportRequest.class, importId);
        return request.getStatus() == ImportStatus.PARSING && request.getParseGeneration() == generation;
    }

    public boolean cancelled(long importId) {
        return em.find(ImportRequest.class, importId).getStatus() == ImportStatus.CANCELLED;
    }

    public void log(long importId, String message) {
        access.log(em.find(ImportRequest.class, importId), ImportLogEntry.Outcome.IMPORT, message);
    }
}

package org.neuroarchive.archive.control;

import org.neuroarchive.audit.control.AuditTrail;
import org.neuroarchive.audit.control.AuditedAction;
import org.neuroarchive.audit.entity.AuditEvent;
import org.neuroarchive.security.control.Callers;
import org.neuroarchive.common.control.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.neuroarchive.archive.entity.ProblemFile;
import org.neuroarchive.common.control.RequestRejected;
import org.neuroarchive.config.StorageLocations;
import org.neuroarchive.importlog.control.ImportLog;
import org.neuroarchive.importlog.entity.ImportLogEntry;
import org.neuroarchive.importlog.entity.LogSource;
import org.neuroarchive.common.control.Paging;
import org.neuroarchive.files.CommitCheck;
import org.neuroarchive.files.FileTransaction;

/** problemdir as a queue a person works through: list the files with their reasons, re-import one. */
@Stateless
@RolesAllowed({Roles.SYSTEM, Roles.USER})
public class ProblemQueue {

    @PersistenceContext
    EntityManager em;

    @Inject
    StorageLocations locations;

    @Inject
    ImportLog importLog;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Inject
    CommitCheck commits;

    @Inject
    Callers callers;

    @Inject
    AuditTrail audit;

    /** Newest first. */
    @RolesAllowed(Roles.REVIEWER)
    public List<ProblemView> list(int offset, int limit) {
        return Paging.page(em.createNamedQuery(ProblemFile.NEWEST_FIRST, ProblemFile.class), offset, limit)
                .getResultStream()
                .map(p -> new ProblemView(p.getId(), p.getOriginalName(), p.getStoredPath(), p.getReason(), p.getCreatedAt()))
                .toList();
    }

    /**
     * Moves the file back into incomingdir (under its original name, suffixed if that name is taken)
     * so that the global import reads it again, and removes it from the problem list; the move
     * happens when the removal commits.
     */
    @RolesAllowed(Roles.REVIEWER)
    public void reimport(long id) {
        AuditedAction.run(audit, AuditEvent.of(callers.current().actor(), "problem.reimport").object("problem", id),
                () -> moveBack(id));
    }

    private void moveBack(long id) {
        ProblemFile problem = em.find(ProblemFile.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (problem == null) {
            throw new RequestRejected(RequestRejected.Reason.NOT_FOUND, "no problem file with id " + id);
        }
        Path stored = locations.problem().resolve(problem.getStoredPath()).normalize();
        if (!stored.startsWith(locations.problem()) || !Files.isRegularFile(stored)) {
            throw new RequestRejected(RequestRejected.Reason.CONFLICT,
                    "the file " + problem.getStoredPath() + " is no longer in problemdir");
        }
        Path original = locations.incoming().resolve(problem.getOriginalName()).normalize();
        if (!original.startsWith(locations.incoming())) {
            original = locations.incoming().resolve(stored.getFileName());
        }
        try {
            Path target = FileTransaction.current(transactions, commits)
                    .moveOnCommit(stored, original.getParent(), original.getFileName().toString());
            em.remove(problem);
            importLog.record(new ImportLogEntry(LogSource.NONE, ImportLogEntry.Outcome.REIMPORTED, problem.getOriginalName(),
                    "moved from problemdir (" + problem.getStoredPath() + ") back to incomingdir as "
                            + locations.incoming().relativize(target) + "; it was quarantined because: " + problem.getReason()));
        } catch (IOException e) {
            throw new ArchiveStorageException("cannot move " + stored + " back to incomingdir: " + e, e);
        }
    }
}

package org.neuroarchive.individual.control;

import org.neuroarchive.common.control.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.neuroarchive.application.DatabaseOutage;
import org.neuroarchive.archive.control.ArchiveStorageException;
import org.neuroarchive.audit.control.AuditTrail;
import org.neuroarchive.audit.entity.Actor;
import org.neuroarchive.audit.entity.AuditEvent;

/**
 * One archive message of an individual import: the series is archived in a transaction of its own.
 * A transaction that rolls back (storage or database trouble: a lock timeout, a deadlock, a
 * constraint race) is tried again a few times; if it still fails, the reason is recorded on the
 * series (reported, never hidden). A database that cannot be reached is not the series' fault: the
 * failure goes back to the message-driven bean, and the message is delivered again later. Then the
 * import's progress is counted again (also for a series archived by an earlier delivery) and, once
 * complete, its staging folder removed. The series is archived for the person who asked for it (their
 * project permissions decide), and what became of it goes to the audit trail after its transaction.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@RolesAllowed({Roles.SYSTEM, Roles.USER})
public class SeriesArchiving {

    private static final Logger LOG = Logger.getLogger("org.neuroarchive.import");

    @Inject
    IndividualArchiver archiver;

    @Inject
    ArchiveProgress progress;

    @Inject
    StagingArea staging;

    @Inject
    AuditTrail audit;

    private static final int ATTEMPTS = 3;

    public void archive(long stagedSeriesId, Actor actor) {
        long importId = -1;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                IndividualArchiver.Result result = archiver.archive(stagedSeriesId, actor);
                importId = result.importId();
                if (result.audit() != null) {
                    audit.record(result.audit());
                }
                break;
            } catch (ArchiveStorageException | EJBException e) {
                if (DatabaseOutage.causedBy(e)) {
                    // not the series' fault, and nothing could be recorded: the message comes back later
                    throw e;
                }
                String reason = reason(e);
                int tried = attempt;
                LOG.warning(() -> "staged series " + stagedSeriesId + " not archived (attempt " + tried + " of "
                        + ATTEMPTS + "): " + reason);
                if (attempt == ATTEMPTS) {
                    importId = archiver.failed(stagedSeriesId, reason);
                    audit.record(AuditEvent.of(actor, "series.archive").object("staged-series", stagedSeriesId)
                            .failed(reason));
                } else {
                    pause(attempt);
                }
            }
        }
        if (importId >= 0) {
            countProgress(importId);
        }
    }

    /**
     * Counts the import's archive progress again and, when that completes the import, removes its
     * staging folder (only after the commit that completed it).
     */
    public void countProgress(long importId) {
        if (progress.refresh(importId)) {
            staging.remove(staging.root(importId));
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(500L * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String reason(Exception e) {
        Throwable cause = e;
        while (cause instanceof EJBException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}

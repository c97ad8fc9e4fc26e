package org.neuroarchive.individual.control;

import org.neuroarchive.common.control.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.neuroarchive.archive.control.RetrySchedule;
import org.neuroarchive.audit.control.AuditTrail;
import org.neuroarchive.audit.entity.Actor;
import org.neuroarchive.audit.entity.AuditEvent;
import org.neuroarchive.config.ImportSettings;

/**
 * One archive request of an individual import ({@link StagedSeriesRequests}): the series is archived
 * in a transaction of its own; after it, what became of it goes to the audit trail and the import's
 * progress is counted again (also for a series archived by an earlier delivery) and, once complete,
 * its staging folder removed. A transaction that rolls back is a failed attempt, recorded on the series
 * by the one retry policy ({@link RetrySchedule}); after the last attempt the reason is recorded on
 * the series (reported, never hidden). Runs outside the caller's transaction, so that nothing here
 * happens before the commit it depends on. The series is archived for the person who asked for it.
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

    @Inject
    ImportSettings settings;

    /** One attempt; throws when its archive transaction rolled back. */
    public void archive(long stagedSeriesId, Actor actor) {
        IndividualArchiver.Result result = archiver.archive(stagedSeriesId, actor);
        if (result.audit() != null) {
            audit.record(result.audit());
        }
        if (result.importId() >= 0) {
            countProgress(result.importId());
        }
    }

    /** Records a failed attempt; a series given up is audited and its import's progress counted. */
    public void attemptFailed(long stagedSeriesId, Actor actor, String reason) {
        IndividualArchiver.Attempt attempt = archiver.attemptFailed(stagedSeriesId, reason, RetrySchedule.of(settings));
        if (!attempt.givenUp()) {
            LOG.warning(() -> "staged series " + stagedSeriesId + " not archived, tried again later: " + reason);
            return;
        }
        LOG.warning(() -> "staged series " + stagedSeriesId + " not archived after the last attempt: " + reason);
        audit.record(AuditEvent.of(actor, "series.archive").object("staged-series", stagedSeriesId).failed(reason));
        countProgress(attempt.importId());
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
}

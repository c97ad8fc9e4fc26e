package org.neuroarchive.importing.control;

import org.neuroarchive.metrics.control.PipelineMetrics;
import org.neuroarchive.common.control.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.neuroarchive.archive.control.ArchiveRequests;
import org.neuroarchive.archive.control.RetrySchedule;
import org.neuroarchive.config.ImportSettings;
import org.neuroarchive.importing.entity.ClaimedSeries;
import org.neuroarchive.importlog.control.ImportLog;
import org.neuroarchive.importlog.entity.ImportLogEntry;

/**
 * Bounded retries of claimed series whose archive transaction failed for a reason outside their files
 * (storage, database), by the one {@link RetrySchedule}: the delay doubles with each attempt; after
 * the last one the batch is FAILED, visibly, with its files kept in the claim folder. (The broker's own redelivery delay is not
 * applied to rolled-back XA deliveries, so retries are the application's job.)
 */
@Stateless
@RolesAllowed({Roles.SYSTEM, Roles.USER})
public class ClaimedSeriesRetries {

    private static final Logger LOG = Logger.getLogger("org.neuroarchive.import");

    @PersistenceContext
    EntityManager em;

    @Inject
    ImportSettings settings;

    @Inject
    ArchiveRequests requests;

    @Inject
    ImportLog importLog;

    @Inject
    ClaimedSeriesRetries self;

    @Inject
    PipelineMetrics metrics;

    public void attemptFailed(long batchId, String reason) {
        ClaimedSeries batch = em.find(ClaimedSeries.class, batchId, LockModeType.PESSIMISTIC_WRITE);
        if (batch == null || batch.getStatus() != ClaimedSeries.Status.QUEUED) {
            return;
        }
        int attempt = batch.getAttempts() + 1;
        RetrySchedule schedule = RetrySchedule.of(settings);
        if (schedule.exhausted(attempt)) {
            batch.attemptFailed(reason, null);
            metrics.attemptFailed(true);
            importLog.record(new ImportLogEntry(batchId, ImportLogEntry.Outcome.FAILED, batch.getSeriesKey(),
                    "failed after " + attempt + " attempts; its " + batch.getFileCount()
                            + " files wait in their claim folder for a retry: " + reason));
            return;
        }
        long delay = schedule.delaySeconds(attempt);
        batch.attemptFailed(reason, schedule.nextAttempt(attempt, LocalDateTime.now()));
        metrics.attemptFailed(false);
        LOG.warning(() -> "import batch " + batchId + " not archived (attempt " + attempt + " of "
                + settings.maxAttempts() + "), next attempt in " + delay + " s: " + reason);
    }

    /** As {@link #resendDue()}, but a failure (e.g. a row locked by a long archive transaction) is only logged. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public int resendDueQuietly() {
        try {
            return self.resendDue();
        } catch (RuntimeException e) {
            LOG.warning(() -> "retries not sent this time: " + e);
            return 0;
        }
    }

    /**
     * Sends the archive message again for every batch whose retry is due, and for queued batches
     * that have not moved for {@link ImportSettings#resendAfterMinutes()} minutes: their message may be lost (a failure
     * that could not even be recorded, such as a database outage, ends in the broker's dead-letter
     * queue). Archiving is idempotent, so a message too many changes nothing.
     */
    public int resendDue() {
        LocalDateTime now = LocalDateTime.now();
        List<ClaimedSeries> due = new ArrayList<>(em.createNamedQuery(ClaimedSeries.DUE_FOR_RETRY, ClaimedSeries.class)
                .setParameter("status", ClaimedSeries.Status.QUEUED).setParameter("now", now)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).setMaxResults(100).getResultList());
        int staleMinutes = settings.resendAfterMinutes();
        List<ClaimedSeries> stale = em.createNamedQuery(ClaimedSeries.STALE_QUEUED, ClaimedSeries.class)
                .setParameter("status", ClaimedSeries.Status.QUEUED).setParameter("before", now.minusMinutes(staleMinutes))
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).setMaxResults(100).getResultList();
        if (!stale.isEmpty()) {
            LOG.warning(() -> stale.size() + " queued series have not moved for " + staleMinutes
                    + " minutes; their archive messages are sent again");
        }
        for (ClaimedSeries batch : stale) {
            importLog.record(new ImportLogEntry(batch.getId(), ImportLogEntry.Outcome.RETRIED, batch.getSeriesKey(),
                    "nothing moved for " + staleMinutes + " minutes: its archive message sent again"));
        }
        due.addAll(stale);
        for (ClaimedSeries batch : due) {
            batch.retrying();
            requests.send(ClaimedSeriesRequests.of(batch));
        }
        return due.size();
    }
}

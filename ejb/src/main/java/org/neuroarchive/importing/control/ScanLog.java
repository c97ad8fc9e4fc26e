package org.neuroarchive.importing.control;

import org.neuroarchive.common.control.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import org.neuroarchive.importing.entity.ClaimedSeries;
import org.neuroarchive.importing.entity.ImportScan;
import org.neuroarchive.importlog.control.ImportLog;
import org.neuroarchive.importlog.entity.ImportLogEntry;
import org.neuroarchive.importlog.entity.LogSource;

/**
 * The record of each scan of incomingdir. What became of the series it queued is added up when read;
 * when the scan and every series it queued are settled, one summary is written to the import log —
 * NiDB's "Performance metrics" block, with true counters. The summary is never written inside a
 * series' archive transaction (that would make the commits of one scan's series wait for each other on
 * the scan's row): after each archive commit ({@link #batchSettled}), and at every scan for what
 * those missed ({@link #completeSettled}).
 */
@Stateless
@RolesAllowed({Roles.SYSTEM, Roles.USER})
public class ScanLog {

    @PersistenceContext
    EntityManager em;

    @Inject
    ImportLog importLog;

    @RolesAllowed(Roles.SYSTEM)
    public long open() {
        ImportScan scan = new ImportScan();
        em.persist(scan);
        em.flush();
        return scan.getId();
    }

    @RolesAllowed(Roles.SYSTEM)
    public void finish(long scanId, ScanSummary summary) {
        ImportScan scan = em.find(ImportScan.class, scanId, LockModeType.PESSIMISTIC_WRITE);
        scan.finish(summary.elapsedMillis(), summary.filesRead(), summary.bytesRead(), summary.quarantined(),
                summary.notSettled(), summary.seriesQueued(), summary.filesQueued());
        completeIfSettled(scan);
    }

    /**
     * Called after the archive transaction of a claimed series has committed, in a transaction of its
     * own: completes its scan when that was the last series it waited for. Cheap while others wait.
     */
    @RolesAllowed(Roles.SYSTEM)
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void batchSettled(long batchId) {
        ClaimedSeries batch = em.find(ClaimedSeries.class, batchId);
        if (batch == null || batch.getScanId() == null || queued(batch.getScanId()) > 0) {
            return;
        }
        completeIfSettled(em.find(ImportScan.class, batch.getScanId(), LockModeType.PESSIMISTIC_WRITE));
    }

    /** Completes every finished scan whose series are all settled. */
    @RolesAllowed(Roles.SYSTEM)
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void completeSettled() {
        List<Long> open = em.createNamedQuery(ImportScan.NOT_COMPLETED, Long.class).setMaxResults(50).getResultList();
        for (long scanId : open) {
            if (queued(scanId) == 0) {
                completeIfSettled(em.find(ImportScan.class, scanId, LockModeType.PESSIMISTIC_WRITE));
            }
        }
    }

    public List<ScanReport> recent(int limit) {
        return em.createNamedQuery(ImportScan.RECENT, ImportScan.class).setMaxResults(Math.max(1, Math.min(limit, 500)))
                .getResultStream().map(this::report).toList();
    }

    private long queued(long scanId) {
        return em.createNamedQuery(ClaimedSeries.COUNT_OF_SCAN, Long.class).setParameter("scan", scanId)
                .setParameter("status", ClaimedSeries.Status.QUEUED).getSingleResult();
    }

    private void completeIfSettled(ImportScan scan) {
        if (scan == null || !scan.isFinished() || scan.getCompletedAt() != null) {
            return;
        }
        ScanReport report = report(scan);
        if (report.seriesPending() > 0) {
            return;
        }
        scan.complete();
        String text = report.describe(Duration.between(scan.getCreatedAt(), LocalDateTime.now()));
        importLog.record(new ImportLogEntry(LogSource.NONE, ImportLogEntry.Outcome.SCAN, "scan " + scan.getId(), text));
    }

    private ScanReport report(ImportScan scan) {
        Object[] totals = em.createNamedQuery(ClaimedSeries.SCAN_TOTALS, Object[].class)
                .setParameter("queued", ClaimedSeries.Status.QUEUED)
                .setParameter("held", ClaimedSeries.Status.HELD)
                .setParameter("scan", scan.getId())
                .getSingleResult();
        int pending = number(totals[1]);
        return new ScanReport(scan.getId(), scan.getCreatedAt(), completedAt(scan, pending, totals[10]),
                scan.getElapsedMillis(), scan.getFilesRead(), scan.getBytesRead(), scan.getFilesWaiting(),
                scan.getSeriesQueued(), pending, number(totals[2]), number(totals[3]),
                scan.getFilesQuarantined() + number(totals[4]), number(totals[5]),
                count(ClaimedSeries.SUBJECTS_CREATED, scan), count(ClaimedSeries.SUBJECTS_UPDATED, scan),
                count(ClaimedSeries.STUDIES_CREATED, scan), count(ClaimedSeries.STUDIES_UPDATED, scan),
                number(totals[8]), number(totals[9]));
    }

    /**
     * When the scan was complete: as recorded, or, when its summary is not written yet but it is
     * settled, derived (its last series' settling, or the end of the scan itself).
     */
    private static LocalDateTime completedAt(ImportScan scan, int pending, Object lastBatchChange) {
        if (scan.getCompletedAt() != null || !scan.isFinished() || pending > 0) {
            return scan.getCompletedAt();
        }
        LocalDateTime finished = scan.getFinishedAt();
        LocalDateTime last = lastBatchChange instanceof java.sql.Timestamp stamp ? stamp.toLocalDateTime()
                : lastBatchChange instanceof LocalDateTime time ? time : null;
        return last != null && last.isAfter(finished) ? last : finished;
    }

    private int count(String query, ImportScan scan) {
        return em.createNamedQuery(query, Long.class).setParameter("scan", scan.getId()).getSingleResult().intValue();
    }

    private static int number(Object value) {
        return value == null ? 0 : ((Number) value).intValue();
    }
}

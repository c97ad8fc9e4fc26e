package org.neuroarchive.importing.control;

import org.neuroarchive.common.control.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import org.neuroarchive.importing.entity.ImportBatch;
import org.neuroarchive.importing.entity.ImportScan;
import org.neuroarchive.importlog.control.ImportLog;
import org.neuroarchive.importlog.entity.ImportLogEntry;
import org.neuroarchive.importlog.entity.LogSource;

/**
 * The record of each scan of incomingdir. When the scan and every series it queued are settled, one
 * summary is written — NiDB's "Performance metrics" block, with true counters.
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

    /** Called in the transaction that settles one of the scan's batches. */
    @RolesAllowed(Roles.SYSTEM)
    public void batchSettled(long scanId) {
        completeIfSettled(em.find(ImportScan.class, scanId, LockModeType.PESSIMISTIC_WRITE));
    }

    public List<ScanReport> recent(int limit) {
        return em.createNamedQuery(ImportScan.RECENT, ImportScan.class).setMaxResults(Math.max(1, Math.min(limit, 500)))
                .getResultStream().map(this::report).toList();
    }

    private void completeIfSettled(ImportScan scan) {
        if (!scan.isFinished() || scan.getCompletedAt() != null) {
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
        Object[] totals = em.createNamedQuery(ImportBatch.SCAN_TOTALS, Object[].class)
                .setParameter("queued", ImportBatch.Status.QUEUED)
                .setParameter("held", ImportBatch.Status.HELD)
                .setParameter("scan", scan.getId())
                .getSingleResult();
        return new ScanReport(scan.getId(), scan.getCreatedAt(), scan.getCompletedAt(), scan.getElapsedMillis(),
                scan.getFilesRead(), scan.getBytesRead(), scan.getFilesWaiting(), scan.getSeriesQueued(),
                number(totals[1]), number(totals[2]), number(totals[3]),
                scan.getFilesQuarantined() + number(totals[4]), number(totals[5]),
                count(ImportBatch.SUBJECTS_CREATED, scan), count(ImportBatch.SUBJECTS_UPDATED, scan),
                count(ImportBatch.STUDIES_CREATED, scan), count(ImportBatch.STUDIES_UPDATED, scan),
                number(totals[8]), number(totals[9]));
    }

    private int count(String query, ImportScan scan) {
        return em.createNamedQuery(query, Long.class).setParameter("scan", scan.getId()).getSingleResult().intValue();
    }

    private static int number(Object value) {
        return value == null ? 0 : ((Number) value).intValue();
    }
}

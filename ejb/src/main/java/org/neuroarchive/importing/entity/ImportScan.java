package org.neuroarchive.importing.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import org.neuroarchive.common.entity.Record;

/**
 * One scan of incomingdir and what it found. What became of the series it queued is added up from
 * their import batches when read; {@code completedAt} is set, and the summary written to the import
 * log, once the last of them is settled — outside their archive transactions (see ScanLog).
 */
@Entity
@Table(name = "import_scan")
@NamedQuery(name = ImportScan.RECENT, query = "SELECT s FROM ImportScan s ORDER BY s.id DESC")
@NamedQuery(name = ImportScan.NOT_COMPLETED, query = "SELECT s.id FROM ImportScan s WHERE s.completedAt IS NULL "
        + "AND s.elapsedMillis >= 0 ORDER BY s.id")
public class ImportScan extends Record {

    public static final String RECENT = "ImportScan.recent";
    /** Finished scans whose summary is not written yet (some of their series may still be queued). */
    public static final String NOT_COMPLETED = "ImportScan.notCompleted";

    @Column(name = "elapsed_ms", nullable = false)
    private long elapsedMillis;

    @Column(name = "files_read", nullable = false)
    private int filesRead;

    @Column(name = "bytes_read", nullable = false)
    private long bytesRead;

    @Column(name = "files_quarantined", nullable = false)
    private int filesQuarantined;

    @Column(name = "files_waiting", nullable = false)
    private int filesWaiting;

    @Column(name = "series_queued", nullable = false)
    private int seriesQueued;

    @Column(name = "files_queued", nullable = false)
    private int filesQueued;

    @Column(name = "completed_at")
    private LocalDateTime completedAt;

    /** A scan under way (its counters come with {@link #finish}). */
    public ImportScan() {
        this.elapsedMillis = -1;
    }

    public void finish(long elapsedMillis, int filesRead, long bytesRead, int filesQuarantined, int filesWaiting,
                       int seriesQueued, int filesQueued) {
        this.elapsedMillis = elapsedMillis;
        this.filesRead = filesRead;
        this.bytesRead = bytesRead;
        this.filesQuarantined = filesQuarantined;
        this.filesWaiting = filesWaiting;
        this.seriesQueued = seriesQueued;
        this.filesQueued = filesQueued;
    }

    /** The scan itself is over (its series may still be archiving). */
    public boolean isFinished() {
        return elapsedMillis >= 0;
    }

    public void complete() {
        completedAt = LocalDateTime.now();
    }

    public long getElapsedMillis() {
        return elapsedMillis;
    }

    public int getFilesRead() {
        return filesRead;
    }

    public long getBytesRead() {
        return bytesRead;
    }

    public int getFilesQuarantined() {
        return filesQuarantined;
    }

    public int getFilesWaiting() {
        return filesWaiting;
    }

    public int getSeriesQueued() {
        return seriesQueued;
    }

    public int getFilesQueued() {
        return filesQueued;
    }

    /** When the scan itself ended (null while it runs). */
    public LocalDateTime getFinishedAt() {
        return isFinished() ? getCreatedAt().plusNanos(elapsedMillis * 1_000_000L) : null;
    }

    public LocalDateTime getCompletedAt() {
        return completedAt;
    }
}

package org.neuroarchive.cluster.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/**
 * The right to scan incomingdir, held by one run of one node until {@code expiresAt}; the holder renews
 * it while it lives and writes how many files wait in incomingdir, the figure of the whole archive.
 */
@Entity
@Table(name = "scan_lease")
public class ScanLease {

    /** The one lease row (V10). */
    public static final String INCOMINGDIR = "incomingdir";

    @Id
    @Column(name = "name", length = 32)
    private String name;

    @Column(name = "holder_node", length = 64)
    private String holderNode;

    @Column(name = "holder_instance", length = 36)
    private String holderInstance;

    @Column(name = "expires_at")
    private LocalDateTime expiresAt;

    @Column(name = "waiting_files", nullable = false)
    private int waitingFiles;

    @Column(name = "scan_asked_at")
    private LocalDateTime scanAskedAt;

    protected ScanLease() {
    }

    public void holdBy(String node, String instance, LocalDateTime until, int waiting) {
        holderNode = node;
        holderInstance = instance;
        expiresAt = until;
        waitingFiles = waiting;
    }

    /** A node other than the holder asks for a scan at once. */
    public void askForScan(LocalDateTime now) {
        scanAskedAt = now;
    }

    /** Answers whether a scan was asked for since the last call, and forgets it. */
    public boolean takeScanRequest() {
        boolean asked = scanAskedAt != null;
        scanAskedAt = null;
        return asked;
    }

    /** The node holding the lease at {@code now}, or null when none does (never taken, released, or expired). */
    public String holderAt(LocalDateTime now) {
        return holderNode != null && expiresAt != null && expiresAt.isAfter(now) ? holderNode : null;
    }

    /** Whether run {@code run} of a node holds the lease at {@code now}. */
    public boolean heldByRunAt(String run, LocalDateTime now) {
        return run.equals(holderInstance) && holderAt(now) != null;
    }

    public String getHolderNode() {
        return holderNode;
    }

    public String getHolderInstance() {
        return holderInstance;
    }

    public LocalDateTime getExpiresAt() {
        return expiresAt;
    }

    public int getWaitingFiles() {
        return waitingFiles;
    }
}

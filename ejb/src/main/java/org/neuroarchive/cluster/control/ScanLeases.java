package org.neuroarchive.cluster.control;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDateTime;
import java.util.logging.Logger;
import org.neuroarchive.cluster.entity.ScanLease;
import org.neuroarchive.common.control.Roles;
import org.neuroarchive.config.ClusterSettings;

/**
 * The one scanner of incomingdir among the nodes: a lease row in the database, taken by a node when it is
 * free or expired and renewed by its holder at every tick of the scan clock. Only the holder scans and
 * claims, so no file is claimed by two nodes; a holder that dies is replaced once its lease has expired
 * ({@code neuroarchive.cluster.scan-lease-seconds}), and one that stops hands it over at once. A node that
 * (re)takes the lease first brings the claim folders to a consistent state (their start-up recovery), so
 * the claims a lost holder had half made are not left behind and no running node's claims are touched.
 * The times are the nodes' clocks: they must agree within seconds (NTP), far below the lease.
 */
@Stateless
@RolesAllowed(Roles.SYSTEM)
public class ScanLeases {

    private static final Logger LOG = Logger.getLogger("org.neuroarchive.import");

    /** What {@link #hold} got, and whether another node asked for a scan meanwhile. */
    public record Hold(Grant grant, boolean scanAsked) {
        public boolean held() {
            return grant.held();
        }
    }

    /** Whether this run holds the lease. */
    public enum Grant {
        /** This run held the lease already and renewed it. */
        RENEWED,
        /** This run took the lease: free, expired, or left by an earlier run of this node. */
        ACQUIRED,
        /** Another node holds it. */
        REFUSED;

        public boolean held() {
            return this != REFUSED;
        }
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    ClusterSettings cluster;

    /** Takes or renews the lease, writing {@code waitingFiles} (the files the last scan left waiting). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Hold hold(int waitingFiles) {
        LocalDateTime now = LocalDateTime.now();
        ScanLease lease = em.find(ScanLease.class, ScanLease.INCOMINGDIR);
        if (heldElsewhere(lease, now)) {
            return new Hold(Grant.REFUSED, false); // without a lock: the usual answer for every node but the holder
        }
        em.refresh(lease, LockModeType.PESSIMISTIC_WRITE); // read again under the row lock
        if (heldElsewhere(lease, now)) {
            return new Hold(Grant.REFUSED, false);
        }
        boolean renewed = cluster.run().equals(lease.getHolderInstance());
        String previous = lease.getHolderNode();
        lease.holdBy(cluster.node(), cluster.run(), now.plusSeconds(cluster.scanLeaseSeconds()), waitingFiles);
        if (!renewed) {
            LOG.info(() -> "this node (" + cluster.node() + ") scans incomingdir now"
                    + (previous == null || previous.equals(cluster.node()) ? "" : ", after " + previous));
        }
        return new Hold(renewed ? Grant.RENEWED : Grant.ACQUIRED, lease.takeScanRequest());
    }

    /**
     * A scan is wanted soon (objects were handed to the import, a person asked): answers true when this
     * run holds the lease and should scan itself; otherwise notes the request in the lease row, and the
     * holder scans at its next tick (within a second).
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean askForScan() {
        LocalDateTime now = LocalDateTime.now();
        ScanLease lease = em.find(ScanLease.class, ScanLease.INCOMINGDIR);
        if (lease.heldByRunAt(cluster.run(), now)) {
            return true;
        }
        em.refresh(lease, LockModeType.PESSIMISTIC_WRITE);
        lease.askForScan(now);
        return false;
    }

    /**
     * Gives the lease up when this run holds it (the server stops): another node takes the scan at once.
     * Permitted to all: it is called while the server shuts down, where no run-as identity applies, and
     * it can only hand this node's own lease over early.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    @PermitAll
    public void release() {
        ScanLease lease = em.find(ScanLease.class, ScanLease.INCOMINGDIR, LockModeType.PESSIMISTIC_WRITE);
        if (lease != null && cluster.run().equals(lease.getHolderInstance())) {
            lease.holdBy(null, null, null, lease.getWaitingFiles());
        }
    }

    /** The holder's node (null when none holds it) and the files it last saw waiting. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    @RolesAllowed({Roles.SYSTEM, Roles.USER})
    public ScanLease current() {
        return em.find(ScanLease.class, ScanLease.INCOMINGDIR);
    }

    private boolean heldElsewhere(ScanLease lease, LocalDateTime now) {
        if (lease == null) {
            throw new IllegalStateException("the scan_lease row 'incomingdir' is missing (schema version 10)");
        }
        String holder = lease.holderAt(now);
        return holder != null && !holder.equals(cluster.node());
    }
}

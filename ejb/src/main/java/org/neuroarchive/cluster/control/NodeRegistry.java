package org.neuroarchive.cluster.control;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDateTime;
import java.util.List;
import java.util.logging.Logger;
import org.neuroarchive.cluster.entity.ClusterNode;
import org.neuroarchive.common.control.Roles;
import org.neuroarchive.config.ClusterSettings;

/**
 * The nodes' rows: each node writes its own at start ({@link #join}) and every
 * {@link ClusterSettings#HEARTBEAT_SECONDS} seconds ({@link #heartbeat}); a node unseen for
 * {@code neuroarchive.cluster.node-lost-seconds} is lost, and exactly one survivor takes over what it
 * left ({@link #takeOver}: the row is locked, and marked with the survivor).
 */
@Stateless
@RolesAllowed({Roles.SYSTEM, Roles.USER})
public class NodeRegistry {

    private static final Logger LOG = Logger.getLogger("org.neuroarchive.cluster");

    @PersistenceContext
    EntityManager em;

    @Inject
    ClusterSettings cluster;

    /**
     * The row of this node as last written, or null: read at start, before this run writes it, to tell
     * whether another server is running under the same name.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    @RolesAllowed(Roles.SYSTEM)
    public LocalDateTime lastSeenOfThisName() {
        ClusterNode row = em.find(ClusterNode.class, cluster.node());
        return row == null ? null : row.getLastSeen();
    }

    /** This run's heartbeat: writes the node's row with its receiver's state. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    @RolesAllowed(Roles.SYSTEM)
    public void heartbeat(String receiverState, long receiverObjects) {
        LocalDateTime now = LocalDateTime.now();
        ClusterNode row = em.find(ClusterNode.class, cluster.node(), LockModeType.PESSIMISTIC_WRITE);
        if (row == null) {
            row = new ClusterNode(cluster.node(), cluster.run(), now);
            em.persist(row);
        } else if (row.getLostAt() != null) {
            String survivor = row.getTakenOverBy();
            LOG.warning(() -> "this node (" + cluster.node() + ") was taken for lost by " + survivor
                    + " (unseen for " + cluster.nodeLostSeconds() + " s) and is back: work it had begun may have been resumed there");
        }
        row.seen(cluster.run(), now, receiverState, receiverObjects);
    }

    /** Nodes other than this one unseen for the configured time and not taken over yet. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    @RolesAllowed(Roles.SYSTEM)
    public List<String> lostNodes() {
        return em.createNamedQuery(ClusterNode.UNSEEN_SINCE, String.class)
                .setParameter("before", LocalDateTime.now().minusSeconds(cluster.nodeLostSeconds()))
                .setParameter("self", cluster.node()).getResultList();
    }

    /**
     * Marks {@code node} lost and taken over by this node, when it still is unseen and nobody took it
     * over meanwhile; answers whether this node is the one to take over its work.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    @RolesAllowed(Roles.SYSTEM)
    public boolean takeOver(String node) {
        LocalDateTime now = LocalDateTime.now();
        ClusterNode row = em.find(ClusterNode.class, node, LockModeType.PESSIMISTIC_WRITE);
        if (row == null || row.getLostAt() != null || !row.getLastSeen().isBefore(now.minusSeconds(cluster.nodeLostSeconds()))) {
            return false;
        }
        row.lost(now, cluster.node());
        LOG.warning(() -> "node " + node + " has not been seen since " + row.getLastSeen() + ": this node ("
                + cluster.node() + ") takes over its unfinished work");
        return true;
    }

    /** Every node that has run on this database, by name. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<ClusterNode> nodes() {
        return em.createNamedQuery(ClusterNode.ALL, ClusterNode.class).getResultList();
    }
}

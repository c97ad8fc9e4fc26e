package org.neuroarchive.stats.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.neuroarchive.cluster.control.ReceiverReport;
import jakarta.persistence.EntityManager;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.neuroarchive.cluster.control.NodeRegistry;
import org.neuroarchive.cluster.control.ScanLeases;
import org.neuroarchive.cluster.entity.ClusterNode;
import org.neuroarchive.config.ClusterSettings;

/**
 * The figures of every node, from the database, so that every node answers the same: what each archived
 * (the import batches and staged series whose archive transaction it ran), its heartbeat and receiver;
 * and the figures that belong to the whole archive though one node keeps them (the files waiting in
 * incomingdir, which the scanning node writes into the scan lease; the objects received, summed over the
 * live nodes). The answering node's receiver figures are its live ones, the others' as of their last
 * heartbeat (at most 5 s old).
 */
@ApplicationScoped
public class NodeFigures {

    /*
     * Series counted once each per node and way in: one series may come in several import batches (a DICOM
     * association handed over in more than one batch, a series cut by the scan's chunk), each an archive
     * transaction of its own.
     */
    private static final String CLAIMED = "SELECT b.node, COUNT(DISTINCT b.seriesId), SUM(b.filesArchived) FROM ClaimedSeries b "
            + "WHERE b.node IS NOT NULL AND b.filesArchived > 0 GROUP BY b.node";
    private static final String STAGED = "SELECT s.node, COUNT(DISTINCT s.archivedSeriesId), SUM(s.filesArchived) FROM StagedSeries s "
            + "WHERE s.node IS NOT NULL AND s.filesArchived > 0 GROUP BY s.node";

    @Inject
    NodeRegistry registry;

    @Inject
    ScanLeases leases;

    @Inject
    ClusterSettings cluster;

    @Inject
    Instance<ReceiverReport> receiver;

    /** Every node that has run on this database, by name. */
    public List<NodeStats> nodes(EntityManager em) {
        Map<String, long[]> archived = new HashMap<>();
        for (String query : List.of(CLAIMED, STAGED)) {
            for (Object[] row : em.createQuery(query, Object[].class).getResultList()) {
                long[] sums = archived.computeIfAbsent((String) row[0], node -> new long[2]);
                sums[0] += ((Number) row[1]).longValue();
                sums[1] += row[2] == null ? 0 : ((Number) row[2]).longValue();
            }
        }
        LocalDateTime now = LocalDateTime.now();
        LocalDateTime lostBefore = now.minusSeconds(cluster.nodeLostSeconds());
        String scanner = leases.current().holderAt(now);
        ReceiverReport live = receiver.isResolvable() ? receiver.get() : null;
        return registry.nodes().stream().map(node -> {
            long[] sums = archived.getOrDefault(node.getName(), new long[2]);
            boolean self = node.getName().equals(cluster.node()) && live != null;
            return new NodeStats(node.getName(), sums[0], sums[1], node.getLastSeen(), alive(node, lostBefore),
                    node.getName().equals(scanner), node.getStartedAt(), self ? live.receiverState() : node.getReceiverState(),
                    self ? live.objectsReceived() : node.getReceiverObjects());
        }).toList();
    }

    /** The files the scanning node last saw waiting in incomingdir. */
    public long waitingFiles() {
        return leases.current().getWaitingFiles();
    }

    /** Objects received by the live nodes since each started. */
    public static long objectsReceived(List<NodeStats> nodes) {
        return nodes.stream().filter(NodeStats::alive).mapToLong(NodeStats::objectsReceived).sum();
    }

    private static boolean alive(ClusterNode node, LocalDateTime lostBefore) {
        return node.getLostAt() == null && node.getLastSeen().isAfter(lostBefore);
    }
}

package org.neuroarchive.cluster.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/**
 * A server of the archive (a node), as its heartbeat last wrote it: which run of it ({@code instance},
 * new at every start), when it started and was last seen, and its DICOM receiver's state. A node not seen
 * for the configured time is lost; the survivor that takes over what it left records itself.
 */
@Entity
@Table(name = "cluster_node")
@NamedQuery(name = ClusterNode.ALL, query = "SELECT n FROM ClusterNode n ORDER BY n.name")
@NamedQuery(name = ClusterNode.UNSEEN_SINCE, query = "SELECT n.name FROM ClusterNode n WHERE n.lastSeen < :before "
        + "AND n.lostAt IS NULL AND n.name <> :self ORDER BY n.name")
public class ClusterNode {

    public static final String ALL = "ClusterNode.all";
    /** Nodes not seen since {@code :before}, not yet taken over, other than {@code :self}. */
    public static final String UNSEEN_SINCE = "ClusterNode.unseenSince";

    @Id
    @Column(name = "name", length = 64)
    private String name;

    @Column(name = "instance", nullable = false, length = 36)
    private String instance;

    @Column(name = "started_at", nullable = false)
    private LocalDateTime startedAt;

    @Column(name = "last_seen", nullable = false)
    private LocalDateTime lastSeen;

    @Column(name = "receiver_state", nullable = false, length = 16)
    private String receiverState;

    @Column(name = "receiver_objects", nullable = false)
    private long receiverObjects;

    @Column(name = "lost_at")
    private LocalDateTime lostAt;

    @Column(name = "taken_over_by", length = 64)
    private String takenOverBy;

    protected ClusterNode() {
    }

    public ClusterNode(String name, String instance, LocalDateTime now) {
        this.name = name;
        this.instance = instance;
        this.startedAt = now;
        this.lastSeen = now;
        this.receiverState = "";
    }

    /** A heartbeat of run {@code instance}: a new run restarts the row (the node is back, nothing lost any more). */
    public void seen(String runInstance, LocalDateTime now, String receiver, long objects) {
        if (!runInstance.equals(instance)) {
            instance = runInstance;
            startedAt = now;
        }
        lastSeen = now;
        receiverState = receiver;
        receiverObjects = objects;
        lostAt = null;
        takenOverBy = null;
    }

    /** Lost: {@code survivor} takes over what this node left. */
    public void lost(LocalDateTime now, String survivor) {
        lostAt = now;
        takenOverBy = survivor;
    }

    public String getName() {
        return name;
    }

    public String getInstance() {
        return instance;
    }

    public LocalDateTime getStartedAt() {
        return startedAt;
    }

    public LocalDateTime getLastSeen() {
        return lastSeen;
    }

    public String getReceiverState() {
        return receiverState;
    }

    public long getReceiverObjects() {
        return receiverObjects;
    }

    public LocalDateTime getLostAt() {
        return lostAt;
    }

    public String getTakenOverBy() {
        return takenOverBy;
    }
}

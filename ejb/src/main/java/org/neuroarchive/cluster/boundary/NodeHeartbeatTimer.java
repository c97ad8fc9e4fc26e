package org.neuroarchive.cluster.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.neuroarchive.cluster.control.LostNodeWork;
import org.neuroarchive.cluster.control.NodeRegistry;
import org.neuroarchive.cluster.control.ReceiverReport;
import org.neuroarchive.common.control.Roles;

/**
 * Every 5 s ({@link org.neuroarchive.config.ClusterSettings#HEARTBEAT_SECONDS}): writes this node's row,
 * then looks for nodes unseen for the configured time; the one node that takes a lost node over
 * ({@link NodeRegistry#takeOver}) has every {@link LostNodeWork} finish what it left. A failure (the
 * database away) is only logged: the next beat tries again.
 */
@Singleton
@Startup
@DependsOn("ApplicationStartup")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@RunAs(Roles.SYSTEM)
@PermitAll
public class NodeHeartbeatTimer {

    private static final Logger LOG = Logger.getLogger("org.neuroarchive.cluster");

    @Inject
    NodeRegistry registry;

    @Inject
    Instance<ReceiverReport> receiver;

    @Inject
    @Any
    Instance<LostNodeWork> lostNodeWork;

    @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false, info = "node heartbeat")
    void beat() {
        try {
            ReceiverReport report = receiver.isResolvable() ? receiver.get() : null;
            registry.heartbeat(report == null ? "" : report.receiverState(), report == null ? 0 : report.objectsReceived());
            for (String lost : registry.lostNodes()) {
                if (registry.takeOver(lost)) {
                    lostNodeWork.forEach(work -> work.takeOver(lost));
                }
            }
        } catch (RuntimeException e) {
            LOG.fine(() -> "node heartbeat not written this time: " + e);
        }
    }
}

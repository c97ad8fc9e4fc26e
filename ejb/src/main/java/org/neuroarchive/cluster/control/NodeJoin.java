package org.neuroarchive.cluster.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Objects;
import java.util.logging.Logger;
import org.neuroarchive.config.ClusterSettings;
import org.neuroarchive.config.InvalidSettingException;

/**
 * A node joins at start-up, before it recovers or takes any work: when its row was written in the last
 * two heartbeats, either this node has just crashed and restarted or another server runs under the same
 * name; it waits for two more heartbeats to tell which, and refuses to start in the second case (two
 * servers with one name would take each other's unfinished work for their own).
 */
@ApplicationScoped
public class NodeJoin {

    private static final Logger LOG = Logger.getLogger("org.neuroarchive.cluster");
    private static final Duration TWO_BEATS = Duration.ofSeconds(2L * ClusterSettings.HEARTBEAT_SECONDS + 2);

    @Inject
    NodeRegistry registry;

    @Inject
    ClusterSettings cluster;

    public void join() {
        LocalDateTime seen = registry.lastSeenOfThisName();
        if (seen != null && seen.isAfter(LocalDateTime.now().minus(TWO_BEATS))) {
            LOG.info(() -> "node " + cluster.node() + " was seen at " + seen + ": waiting " + TWO_BEATS.toSeconds()
                    + " s to tell a restart from another server running under this name");
            sleep(Duration.between(LocalDateTime.now(), seen.plus(TWO_BEATS)));
            LocalDateTime again = registry.lastSeenOfThisName();
            if (!Objects.equals(seen, again)) {
                throw new InvalidSettingException("another server is running as node '" + cluster.node()
                        + "' (it wrote its heartbeat at " + again + "): give every server its own NEUROARCHIVE_TX_NODE_ID");
            }
        }
        registry.heartbeat("", 0);
        LOG.info(() -> "node " + cluster.node() + " joined (run " + cluster.run() + ")");
    }

    private static void sleep(Duration duration) {
        if (duration.isNegative() || duration.isZero()) {
            return;
        }
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package org.neuroarchive.config;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import org.eclipse.microprofile.config.Config;

/**
 * This server as a node among several sharing one database, broker and data folder (issue 16); on one
 * server alone the same rules hold and change nothing. Its name is {@link NodeName}; its run is a new
 * identifier at every start. {@code neuroarchive.cluster.scan-lease-seconds} (env
 * {@code NEUROARCHIVE_CLUSTER_SCAN_LEASE_SECONDS}, default 30, 5 to 600): how long the scan of incomingdir
 * stays with a node that stopped renewing it (a node that dies while scanning hands the scan over within
 * this time). {@code neuroarchive.cluster.node-lost-seconds} (default 60, 15 to 3600, at least twice the
 * heartbeat of 5 s and not below the lease): how long a node may go unseen before another node takes
 * over its unfinished work (its uploads, parses and received objects).
 */
@ApplicationScoped
public class ClusterSettings {

    /** Every node writes its row this often (seconds). */
    public static final int HEARTBEAT_SECONDS = 5;

    @Inject
    Config config;

    private String node;
    private final String run = UUID.randomUUID().toString();
    private int scanLeaseSeconds;
    private int nodeLostSeconds;

    /** For CDI. */
    public ClusterSettings() {
    }

    /** Fixed settings (tests and tools). */
    public static ClusterSettings of(String node, int scanLeaseSeconds, int nodeLostSeconds) {
        ClusterSettings settings = new ClusterSettings();
        settings.node = node;
        settings.scanLeaseSeconds = scanLeaseSeconds;
        settings.nodeLostSeconds = nodeLostSeconds;
        return settings;
    }

    @PostConstruct
    void load() {
        SettingReader settings = SettingReader.of(config);
        node = NodeName.current();
        scanLeaseSeconds = settings.wholeNumber("neuroarchive.cluster.scan-lease-seconds", 30, 5, 600);
        nodeLostSeconds = settings.wholeNumber("neuroarchive.cluster.node-lost-seconds", 60, 15, 3600);
        if (nodeLostSeconds < scanLeaseSeconds) {
            throw settings.invalid("neuroarchive.cluster.node-lost-seconds", "is " + nodeLostSeconds
                    + ", below neuroarchive.cluster.scan-lease-seconds (" + scanLeaseSeconds + ")");
        }
    }

    /** This node's name. */
    public String node() {
        return node;
    }

    /** This run of the node: new at every start. */
    public String run() {
        return run;
    }

    public int scanLeaseSeconds() {
        return scanLeaseSeconds;
    }

    public int nodeLostSeconds() {
        return nodeLostSeconds;
    }
}

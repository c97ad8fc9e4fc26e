package org.neuroarchive.it;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Several NeuroArchive servers (nodes) on this machine as in production: the same EAR, one MariaDB
 * database and one replicated pair of Artemis brokers of their own, one shared data folder, each node with its own port
 * offset and transaction node identifier, and HAProxy in front with the project's configuration. The
 * last node reaches the database through a {@link TcpProxy}, so that a test can cut it at a chosen
 * moment of a transaction.
 */
final class TestCluster implements AutoCloseable {

    static final Duration START = Duration.ofMinutes(4);

    private final String name;
    private final Path data;
    private final List<ServerProcess> nodes = new ArrayList<>();
    private final List<Integer> offsets;
    private final BrokerPair brokers;
    private final Haproxy haproxy;
    private TcpProxy proxy;

    /** Nodes at port offsets {@code offsets}; the broker and HAProxy at the first offset plus 200. */
    TestCluster(String name, List<Integer> offsets) {
        this.name = name;
        this.offsets = offsets;
        this.data = OwnServer.TARGET.resolve(name + "-data");
        int shift = offsets.get(0) + 200;
        int brokerPort = ExternalBackends.brokerPort() + shift;
        this.brokers = new BrokerPair(Path.of(System.getProperty("neuroarchive.it.project-dir")),
                OwnServer.TARGET.resolve(name + "-brokers"), brokerPort, brokerPort + 1);
        this.haproxy = new Haproxy(8080 + shift, 11112 + shift, 8404 + shift, OwnServer.TARGET.resolve(name + "-haproxy.log"));
        for (int k = 0; k < offsets.size(); k++) {
            nodes.add(new ServerProcess(Path.of(System.getProperty("jboss.home")), OwnServer.TARGET.resolve(name + "-node-" + (k + 1)),
                    data, offsets.get(k)));
        }
    }

    /** The node name of node {@code k} (from 1): its NEUROARCHIVE_TX_NODE_ID. */
    String nodeName(int k) {
        return name + "-node-" + k;
    }

    /** Every node's name, node 1 first. */
    List<String> nodeNames() {
        List<String> names = new ArrayList<>();
        for (int k = 1; k <= nodes.size(); k++) {
            names.add(nodeName(k));
        }
        return names;
    }

    ServerProcess node(int k) {
        return nodes.get(k - 1);
    }

    Path data() {
        return data;
    }

    TcpProxy lastNodesDatabase() {
        return proxy;
    }

    /** The replicated primary/backup pair of brokers every node uses. */
    BrokerPair brokers() {
        return brokers;
    }

    Haproxy balancer() {
        return haproxy;
    }

    /** Creates the database and the broker, prepares every node and starts them together, then HAProxy. */
    void start() throws Exception {
        String url = ExternalBackends.freshDatabase(name, nodeNames());
        proxy = new TcpProxy(ExternalBackends.databaseHost(), ExternalBackends.databasePort());
        String proxied = url.replaceFirst("//[^/]+/", "//127.0.0.1:" + proxy.start() + "/");
        brokers.create();
        brokers.start();
        for (int k = 1; k <= nodes.size(); k++) {
            ServerProcess node = node(k);
            node.environment("NEUROARCHIVE_DB_URL", k == nodes.size() ? proxied : url)
                    .environment("NEUROARCHIVE_TX_NODE_ID", nodeName(k))
                    .brokerPort(brokers.primary().port()).brokerBackupPort(brokers.backup().port());
            node.prepare(Path.of(System.getProperty("neuroarchive.it.ear")), k == 1);
        }
        ExecutorService starting = Executors.newFixedThreadPool(nodes.size());
        try {
            List<Future<?>> started = new ArrayList<>();
            for (ServerProcess node : nodes) {
                started.add(starting.submit(() -> {
                    node.start(START);
                    return null;
                }));
            }
            for (Future<?> each : started) {
                each.get();
            }
        } finally {
            starting.shutdownNow();
        }
        List<int[]> ports = new ArrayList<>();
        for (int offset : offsets) {
            ports.add(new int[] {8080 + offset, 11112 + offset});
        }
        haproxy.start(ports);
    }

    @Override
    public void close() throws Exception {
        haproxy.close();
        for (ServerProcess node : nodes) {
            node.stop();
        }
        brokers.close();
        if (proxy != null) {
            proxy.close();
        }
        ExternalBackends.dropDatabase(name, nodeNames());
    }
}

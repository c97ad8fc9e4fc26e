package org.neuroarchive.it;

import java.nio.file.Path;
import java.util.List;

/**
 * When the tests run on MySQL/MariaDB and an external broker ({@link ExternalBackends}), a server
 * that a test starts itself gets a database and a broker of its own: the Arquillian server stays
 * up meanwhile, and it must not consume that server's messages nor see its rows. On the embedded
 * defaults (H2 in the data folder, in-VM Artemis) every server has its own anyway, and this does nothing.
 */
final class OwnBackends implements AutoCloseable {

    private final String name;
    private final BrokerProcess broker;
    private final BrokerPair brokerPair;
    private TcpProxy proxy;

    /**
     * @param name      the database suffix and the broker folder name
     * @param portShift the broker listens on the configured broker's port plus this
     */
    OwnBackends(String name, Path workDir, int portShift) {
        this(name, workDir, portShift, false);
    }

    /**
     * @param pair with an external broker configured: a replicated primary/backup pair ({@link BrokerPair}) instead of
     *             one broker, the primary on the configured broker's port plus {@code portShift}, the backup on the next
     */
    OwnBackends(String name, Path workDir, int portShift, boolean pair) {
        this.name = name;
        Path project = Path.of(System.getProperty("neuroarchive.it.project-dir"));
        int port = ExternalBackends.broker() ? ExternalBackends.brokerPort() + portShift : 0;
        this.broker = ExternalBackends.broker() && !pair ? new BrokerProcess(project, workDir.resolve(name + "-broker"), port) : null;
        this.brokerPair = ExternalBackends.broker() && pair ? new BrokerPair(project, workDir.resolve(name + "-brokers"), port, port + 1) : null;
    }

    /** Creates the database and the broker and points the server at them. */
    void attach(TestServer server, boolean databaseThroughProxy) throws Exception {
        if (ExternalBackends.database()) {
            String url = ExternalBackends.freshDatabase(name, List.of(transactionNode()));
            if (databaseThroughProxy) {
                String host = ExternalBackends.databaseHost();
                int port = ExternalBackends.databasePort();
                proxy = new TcpProxy(host, port);
                url = url.replaceFirst("//[^/]+/", "//127.0.0.1:" + proxy.start() + "/");
            }
            server.environment("NEUROARCHIVE_DB_URL", url);
            // XA recovery of the Arquillian server must not take this server's prepared transactions for orphans
            server.environment("NEUROARCHIVE_TX_NODE_ID", transactionNode());
        }
        if (broker != null) {
            broker.create();
            broker.start();
            server.brokerPort(broker.port());
        }
        if (brokerPair != null) {
            brokerPair.create();
            brokerPair.start();
            server.brokerPort(brokerPair.primary().port()).brokerBackupPort(brokerPair.backup().port());
        }
    }

    /** The server's transaction node identifier on MySQL/MariaDB: the prefix of the XA branches it prepares. */
    String transactionNode() {
        return "neuroarchive-" + name;
    }

    /** The broker, or null on the in-VM default or with a pair. */
    BrokerProcess broker() {
        return broker;
    }

    /** The replicated pair of brokers, or null on the in-VM default or with one broker. */
    BrokerPair brokerPair() {
        return brokerPair;
    }

    /** The relay to the database, or null when the database is not relayed. */
    TcpProxy databaseProxy() {
        return proxy;
    }

    @Override
    public void close() throws Exception {
        if (broker != null) {
            broker.stop();
        }
        if (brokerPair != null) {
            brokerPair.close();
        }
        if (proxy != null) {
            proxy.close();
        }
        if (ExternalBackends.database()) {
            ExternalBackends.dropDatabase(name, List.of(transactionNode()));
        }
    }
}

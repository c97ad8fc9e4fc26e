package org.neuroarchive.it;

import java.nio.file.Path;

/**
 * When the tests run on MySQL/MariaDB and an external broker ({@link ExternalBackends}), a server
 * that a test starts itself gets a database and a broker of its own: the Arquillian server stays
 * up meanwhile, and it must not consume that server's messages nor see its rows. On the embedded
 * defaults (H2 in the data folder, in-VM Artemis) every server has its own anyway, and this does nothing.
 */
final class OwnBackends implements AutoCloseable {

    private final String name;
    private final BrokerProcess broker;
    private TcpProxy proxy;

    /**
     * @param name      the database suffix and the broker folder name
     * @param portShift the broker listens on the configured broker's port plus this
     */
    OwnBackends(String name, Path workDir, int portShift) {
        this.name = name;
        this.broker = ExternalBackends.broker()
                ? new BrokerProcess(Path.of(System.getProperty("neuroarchive.it.project-dir")), workDir.resolve(name + "-broker"),
                        ExternalBackends.brokerPort() + portShift)
                : null;
    }

    /** Creates the database and the broker and points the server at them. */
    void attach(ServerProcess server, boolean databaseThroughProxy) throws Exception {
        if (ExternalBackends.database()) {
            // a run killed mid-test left its prepared branches, and their row locks, in the database
            int stale = ExternalBackends.rollBackPrepared(transactionNode());
            if (stale > 0) {
                System.out.println(name + ": " + stale + " XA branches of a killed earlier run were still prepared; rolled back");
            }
            String url = ExternalBackends.freshDatabase(name);
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
    }

    /** The server's transaction node identifier on MySQL/MariaDB: the prefix of the XA branches it prepares. */
    String transactionNode() {
        return "neuroarchive-" + name;
    }

    /** The broker, or null on the in-VM default. */
    BrokerProcess broker() {
        return broker;
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
        if (proxy != null) {
            proxy.close();
        }
        if (ExternalBackends.database()) {
            int inDoubt = ExternalBackends.rollBackPrepared(transactionNode());
            if (inDoubt > 0) {
                System.out.println(name + ": " + inDoubt + " XA branches were left prepared; rolled back before the database is dropped");
            }
            ExternalBackends.dropDatabase(name);
        }
    }
}

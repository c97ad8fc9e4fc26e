package org.neuroarchive.it;

import java.nio.file.Path;
import java.time.Duration;

/**
 * A WildFly of a test's own ({@link ServerProcess}), with its data folder, its own back-ends
 * ({@link OwnBackends}) and the import it is given ({@link StandaloneImport}); all under {@code ear/target/NAME-*}.
 */
final class OwnServer implements AutoCloseable {

    static final Path TARGET = Path.of(System.getProperty("neuroarchive.it.ear")).getParent();

    final Path data;
    final ServerProcess server;
    final OwnBackends backends;
    final StandaloneImport importing;

    /** @param portOffset added to every port of the server, and of the broker when it has one of its own */
    OwnServer(String name, int portOffset) {
        data = TARGET.resolve(name + "-data");
        server = new ServerProcess(Path.of(System.getProperty("jboss.home")), TARGET.resolve(name + "-server"), data, portOffset);
        backends = new OwnBackends(name, TARGET, portOffset);
        importing = new StandaloneImport(server, data);
    }

    /** Creates the back-ends, a fresh server folder with the built EAR, and starts the server. */
    void start(boolean databaseThroughProxy) throws Exception {
        backends.attach(server, databaseThroughProxy);
        server.prepare(Path.of(System.getProperty("neuroarchive.it.ear")));
        server.start(Duration.ofSeconds(180));
    }

    @Override
    public void close() throws Exception {
        server.stop();
        backends.close();
    }
}

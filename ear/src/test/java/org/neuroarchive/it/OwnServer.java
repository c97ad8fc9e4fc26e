package org.neuroarchive.it;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A server of a test's own ({@link TestServer}: WildFly by default, or Payara), with its data folder, its own
 * back-ends ({@link OwnBackends}) and the import it is given ({@link StandaloneImport}); all under
 * {@code ear/target/NAME-*}.
 */
final class OwnServer implements AutoCloseable {

    /** How long a server of a test's own may take to start and deploy: a loaded CI machine once needed over 3 minutes. */
    static final Duration START_TIMEOUT = Duration.ofMinutes(5);

    static final Path TARGET = Path.of(System.getProperty("neuroarchive.it.ear")).getParent();

    final Path data;
    final TestServer server;
    final OwnBackends backends;
    final StandaloneImport importing;

    /** @param portOffset added to every port of the server, and of the broker when it has one of its own */
    OwnServer(String name, int portOffset) {
        this(name, portOffset, false);
    }

    /** @param brokerPair with an external broker configured: a replicated primary/backup pair of its own ({@link BrokerPair}) */
    OwnServer(String name, int portOffset, boolean brokerPair) {
        this(name, ServerKind.WILDFLY, portOffset, brokerPair);
    }

    /**
     * @param portOffset WildFly's port offset; Payara's domain takes the port base {@code it.payara.portbase}
     *                   (default 28000 + 2 × {@code it.port.offset}) and the DICOM port {@code it.payara.dicom.port}
     */
    OwnServer(String name, ServerKind kind, int portOffset, boolean brokerPair) {
        data = TARGET.resolve(name + "-data");
        server = switch (kind) {
            case WILDFLY -> new ServerProcess(Path.of(System.getProperty("jboss.home")), TARGET.resolve(name + "-server"), data, portOffset);
            case PAYARA -> new PayaraProcess(PayaraProcess.installation(), TARGET.resolve(name + "-payara"), "neuroarchive-" + name,
                    Integer.getInteger("it.payara.portbase", 28000 + 2 * Integer.getInteger("it.port.offset", 100)), data,
                    TARGET.resolve("drivers/mysql-connector-j.jar"));
        };
        backends = new OwnBackends(name, TARGET, portOffset, brokerPair);
        importing = new StandaloneImport(server, data);
    }

    /** The WildFly server, for what only WildFly's management offers; fails on another server. */
    ServerProcess wildfly() {
        if (server instanceof ServerProcess wildfly) {
            return wildfly;
        }
        throw new IllegalStateException("this test needs WildFly's management, and its server is " + server.kind());
    }

    /** Creates the back-ends, a fresh server folder with the built EAR, and starts the server. */
    void start(boolean databaseThroughProxy) throws Exception {
        backends.attach(server, databaseThroughProxy);
        server.prepare(Path.of(System.getProperty("neuroarchive.it.ear")));
        server.start(START_TIMEOUT);
    }

    /** Stops ({@code false}) or starts again the delivery of messages to both message-driven beans. */
    void deliveries(boolean on) throws IOException, InterruptedException {
        for (String bean : List.of("ArchiveRequestMdb", "ParseRequestMdb")) {
            wildfly().manage("/deployment=neuroarchive.ear/subdeployment=neuroarchive-ejb.jar/subsystem=ejb3/message-driven-bean="
                    + bean + ":" + (on ? "start-delivery" : "stop-delivery"));
        }
    }

    /**
     * Deletes the messages waiting in the application's queue {@code name} (e.g.
     * {@code NeuroArchiveIndividualImport}) on the broker the server uses; answers how many there were.
     */
    int removeQueuedMessages(String name) throws IOException, InterruptedException {
        if (backends.broker() != null) {
            return backends.broker().purge("jms.queue." + name);
        }
        if (backends.brokerPair() != null) {
            return backends.brokerPair().active().purge("jms.queue." + name);
        }
        String output = wildfly().manage("/subsystem=messaging-activemq/server=default/jms-queue=" + name + ":remove-messages");
        Matcher result = Pattern.compile("\"result\" => (\\d+)").matcher(output);
        if (!result.find()) {
            throw new IllegalStateException("no count in: " + output);
        }
        return Integer.parseInt(result.group(1));
    }

    @Override
    public void close() throws Exception {
        server.stop();
        backends.close();
    }
}

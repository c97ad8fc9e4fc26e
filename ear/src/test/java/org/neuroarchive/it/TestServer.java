package org.neuroarchive.it;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A server of a test's own, running the built EAR as a process of its own that the test starts, stops
 * and kills: WildFly ({@link ServerProcess}) or Payara Server ({@link PayaraProcess}). Its settings come
 * from its environment, as in production.
 */
interface TestServer {

    /** Which server this is, for messages: {@code WildFly} or {@code Payara}. */
    String kind();

    /** An environment variable of this server's own (e.g. the URL of its own database). */
    TestServer environment(String name, String value);

    /** With an external broker configured: this server's own broker, on 127.0.0.1 at this port. */
    TestServer brokerPort(int port);

    /** With an external broker configured: a replicated pair of brokers, the backup on this port (WildFly only). */
    default TestServer brokerBackupPort(int port) {
        throw new UnsupportedOperationException(kind() + " test servers are not set up for a broker pair");
    }

    /** A fresh server (its configuration, and its data folder) with the EAR to deploy; not started yet. */
    void prepare(Path ear) throws IOException, InterruptedException;

    /** Starts the server and waits until the application answers (or fails after {@code timeout}). */
    void start(Duration timeout) throws IOException, InterruptedException;

    /** A normal stop, waiting until the server's process has ended; nothing when it is not running. */
    void stop() throws IOException, InterruptedException;

    /** SIGKILL to the server's process: no shutdown hook, no flush, as in a power cut. */
    void kill() throws IOException, InterruptedException;

    /** The application's URL, e.g. {@code http://127.0.0.1:8330/neuroarchive}. */
    String baseUrl();

    /** The file the server writes its log to (for a failing test's message). */
    Path log();
}

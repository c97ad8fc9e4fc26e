package org.neuroarchive.it;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Debian's HAProxy in front of a test cluster, run with the project's own configuration
 * ({@code server-config/haproxy/haproxy.cfg}, as {@code ./mvnw -Pcluster} runs it) and this test's
 * ports given through its environment variables.
 */
final class Haproxy implements AutoCloseable {

    static final Path BINARY = Path.of("/usr/sbin/haproxy");

    private final int httpPort;
    private final int dicomPort;
    private final int statsPort;
    private final Path log;
    private Process process;

    Haproxy(int httpPort, int dicomPort, int statsPort, Path log) {
        this.httpPort = httpPort;
        this.dicomPort = dicomPort;
        this.statsPort = statsPort;
        this.log = log;
    }

    /** Starts it in front of {@code nodes}: for each, its HTTP port and its DICOM port. */
    void start(List<int[]> nodes) throws IOException, InterruptedException {
        if (!Files.isExecutable(BINARY)) {
            throw new IllegalStateException(BINARY + " is missing: apt-get install haproxy (a build prerequisite)");
        }
        Path config = Path.of(System.getProperty("neuroarchive.it.project-dir"), "server-config/haproxy/haproxy.cfg");
        ProcessBuilder builder = new ProcessBuilder(BINARY.toString(), "-db", "-f", config.toString());
        Map<String, String> env = builder.environment();
        env.put("NEUROARCHIVE_LB_HTTP_BIND", "127.0.0.1:" + httpPort);
        env.put("NEUROARCHIVE_LB_DICOM_BIND", "127.0.0.1:" + dicomPort);
        env.put("NEUROARCHIVE_LB_STATS_BIND", "127.0.0.1:" + statsPort);
        for (int k = 0; k < nodes.size(); k++) {
            env.put("NEUROARCHIVE_NODE" + (k + 1) + "_HTTP", "127.0.0.1:" + nodes.get(k)[0]);
            env.put("NEUROARCHIVE_NODE" + (k + 1) + "_DICOM", "127.0.0.1:" + nodes.get(k)[1]);
        }
        process = builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!listening(httpPort)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("haproxy did not start; see " + log);
            }
            Thread.sleep(100);
        }
    }

    String baseUrl() {
        return "http://127.0.0.1:" + httpPort + "/neuroarchive";
    }

    int dicomPort() {
        return dicomPort;
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null) {
            ServerProcess.stopTree(process, false);
        }
    }
}

package org.neuroarchive.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A WildFly of the test installation started as a plain process with its own server base directory,
 * data directory and port offset, so that a test can kill it with SIGKILL and start it again —
 * something Arquillian's container control cannot do. The WildFly {@link TestServer}.
 */
final class ServerProcess implements TestServer {

    private final Path jbossHome;
    private final Path baseDir;
    private final Path dataDir;
    private final int portOffset;
    private final Path log;
    private final Map<String, String> environment = new HashMap<>();
    private Integer brokerPort;
    private Integer brokerBackupPort;
    private Process process;
    private long logStart;

    ServerProcess(Path jbossHome, Path baseDir, Path dataDir, int portOffset) {
        this.jbossHome = jbossHome;
        this.baseDir = baseDir;
        this.dataDir = dataDir;
        this.portOffset = portOffset;
        this.log = baseDir.resolveSibling(baseDir.getFileName() + ".out");
    }

    @Override
    public String kind() {
        return "WildFly";
    }

    @Override
    public ServerProcess environment(String name, String value) {
        environment.put(name, value);
        return this;
    }

    @Override
    public ServerProcess brokerPort(int port) {
        this.brokerPort = port;
        return this;
    }

    /** {@code remote-artemis-ha.cli} is applied to the server's copy of the configuration. */
    @Override
    public ServerProcess brokerBackupPort(int port) {
        this.brokerBackupPort = port;
        return this;
    }

    /** Copies the configured {@code standalone/} folder and deploys the EAR by the deployment scanner. */
    @Override
    public void prepare(Path ear) throws IOException {
        prepare(ear, true);
    }

    /**
     * The same; with {@code freshData} false the data folder is kept as it is (a second node of a
     * cluster shares the first one's).
     */
    void prepare(Path ear, boolean freshData) throws IOException {
        deleteTree(baseDir);
        if (freshData) {
            deleteTree(dataDir);
        }
        Path source = jbossHome.resolve("standalone");
        try (Stream<Path> walk = Files.walk(source)) {
            for (Path from : walk.toList()) {
                Path relative = source.relativize(from);
                if (relative.startsWith("data") || relative.startsWith("log") || relative.startsWith("tmp")
                        || relative.startsWith("deployments")) {
                    continue;
                }
                Path to = baseDir.resolve(relative.toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(from, to);
                }
            }
        }
        if (brokerPort != null) {
            useBrokerPort(baseDir.resolve("configuration/standalone-full.xml"), brokerPort);
        }
        if (brokerBackupPort != null) {
            useBrokerPair(brokerBackupPort);
        }
        Files.createDirectories(baseDir.resolve("deployments"));
        Files.copy(ear, baseDir.resolve("deployments").resolve("neuroarchive.ear"));
    }

    private static void useBrokerPort(Path config, int port) throws IOException {
        String xml = Files.readString(config);
        Matcher m = Pattern.compile("(name=\"neuroarchive-broker\">\\s*<remote-destination[^>]*port=\")\\d+").matcher(xml);
        if (!m.find()) {
            throw new IllegalStateException("no outbound socket binding neuroarchive-broker in " + config);
        }
        Files.writeString(config, m.replaceFirst("$1" + port));
    }

    /**
     * Applies {@code server-config/wildfly/remote-artemis-ha.cli}, as {@code configure.sh} does with
     * {@code NEUROARCHIVE_BROKER_BACKUP_URL}, to this server's own configuration (an embedded server on its base directory).
     */
    private void useBrokerPair(int backupPort) throws IOException {
        Path project = Path.of(System.getProperty("neuroarchive.it.project-dir"));
        String cli = Files.readString(project.resolve("server-config/wildfly/remote-artemis-ha.cli"))
                .replace("${broker.backup.host}", "127.0.0.1").replace("${broker.backup.port}", Integer.toString(backupPort));
        Path file = baseDir.resolveSibling(baseDir.getFileName() + "-broker-ha.cli");
        Files.writeString(file, cli);
        try {
            run(List.of(jbossHome.resolve("bin/jboss-cli.sh").toString(), "-Djboss.server.base.dir=" + baseDir, "--file=" + file));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while configuring the broker pair", e);
        }
        if (!Files.readString(baseDir.resolve("configuration/standalone-full.xml")).contains("neuroarchive-broker-backup")) {
            throw new IllegalStateException("remote-artemis-ha.cli did not change " + baseDir + "'s configuration");
        }
    }

    @Override
    public String baseUrl() {
        return "http://127.0.0.1:" + (8080 + portOffset) + "/neuroarchive";
    }

    /** Starts the server without waiting for the application (e.g. one whose deployment is meant to fail). */
    void launch() throws IOException {
        logStart = Files.exists(log) ? Files.size(log) : 0;
        ProcessBuilder builder = new ProcessBuilder(List.of(jbossHome.resolve("bin/standalone.sh").toString(),
                "-c", "standalone-full.xml", "-b", "127.0.0.1", "-bmanagement", "127.0.0.1",
                "-Djboss.server.base.dir=" + baseDir, "-Djboss.socket.binding.port-offset=" + portOffset,
                "-Dneuroarchive.data-dir=" + dataDir, "-Djava.awt.headless=true"));
        builder.environment().put("NEUROARCHIVE_IMPORT_SCAN_INTERVAL_SECONDS", "1");
        builder.environment().put("NEUROARCHIVE_IMPORT_SETTLE_SECONDS", "0");
        builder.environment().put("NEUROARCHIVE_DICOM_PORT", Integer.toString(11112 + portOffset));
        builder.environment().put("NEUROARCHIVE_ADMIN_PASSWORD", Credentials.ADMIN_PASSWORD);
        builder.environment().put("JAVA_OPTS", "-Xms256m -Xmx1g -Djava.net.preferIPv4Stack=true");
        builder.environment().putAll(environment);
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        process = builder.start();
    }

    @Override
    public Path log() {
        return log;
    }

    /** Waits until what the server printed since {@link #launch()} contains {@code text}; answers it. */
    String awaitOutput(String text, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            byte[] all = Files.exists(log) ? Files.readAllBytes(log) : new byte[0];
            String output = new String(all, (int) Math.min(logStart, all.length), (int) Math.max(0, all.length - logStart),
                    java.nio.charset.StandardCharsets.UTF_8);
            if (output.contains(text)) {
                return output;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the server did not print '" + text + "' within " + timeout + "; see " + log);
            }
            Thread.sleep(250);
        }
    }

    @Override
    public void start(Duration timeout) throws IOException, InterruptedException {
        launch();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("WildFly exited while starting; see " + log);
            }
            try {
                HttpResponse<String> response = http.send(Credentials.asAdmin(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/stats"))).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("WildFly did not answer within " + timeout + "; see " + log);
    }

    /**
     * Runs one management operation on the running server through {@code jboss-cli.sh} (local
     * authentication, as for its own user); fails unless it succeeds. Answers the CLI's output.
     */
    String manage(String operation) throws IOException, InterruptedException {
        String output = run(List.of(jbossHome.resolve("bin/jboss-cli.sh").toString(), "--connect",
                "--controller=127.0.0.1:" + (9990 + portOffset), "--command=" + operation));
        if (!output.contains("\"outcome\" => \"success\"")) {
            throw new IllegalStateException(operation + " failed: " + output);
        }
        return output;
    }

    /** Runs a command line to its end; answers what it printed (standard output and error), or fails when it exits non-zero. */
    static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
        return output;
    }

    /** SIGKILL to the server JVM and its launcher: no shutdown hook, no flush, as in a power cut. */
    @Override
    public void kill() throws InterruptedException {
        stopTree(process, true);
    }

    /**
     * A normal stop (SIGTERM), waiting for the server JVM itself, not only its launcher script: the
     * JVM deletes its {@code tmp/} folder while shutting down, and the next test reuses the folder.
     */
    @Override
    public void stop() throws InterruptedException {
        if (process == null) {
            return;
        }
        stopTree(process, false);
        process = null;
    }

    /**
     * Signals a launcher script and every process below it (taken before any of them is signalled),
     * SIGKILL or SIGTERM, and waits until all have exited (SIGKILL after 60 s).
     */
    static void stopTree(Process launcher, boolean forcibly) throws InterruptedException {
        List<ProcessHandle> tree = new java.util.ArrayList<>(launcher.descendants().toList());
        tree.add(launcher.toHandle());
        tree.forEach(forcibly ? ProcessHandle::destroyForcibly : ProcessHandle::destroy);
        awaitExit(tree);
    }

    private static void awaitExit(List<ProcessHandle> tree) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (tree.stream().anyMatch(ProcessHandle::isAlive)) {
            if (System.nanoTime() > deadline) {
                tree.forEach(ProcessHandle::destroyForcibly);
            }
            Thread.sleep(50);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}

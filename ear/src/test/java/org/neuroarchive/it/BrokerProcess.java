package org.neuroarchive.it;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * An ActiveMQ Artemis broker of a test's own, created by {@code server-config/artemis/create-broker.sh}
 * (the script users run) on a port of its own, started and stopped as a process: a broker restart
 * in the middle of an import, or a broker that no other server consumes from.
 */
final class BrokerProcess {

    private final Path projectDir;
    private final Path instance;
    private final int port;
    private Process process;

    BrokerProcess(Path projectDir, Path instance, int port) {
        this.projectDir = projectDir;
        this.instance = instance;
        this.port = port;
    }

    int port() {
        return port;
    }

    /** A new broker instance (an earlier one in the same folder is deleted first). */
    void create() throws IOException, InterruptedException {
        ServerProcess.deleteTree(instance);
        ProcessBuilder builder = new ProcessBuilder("bash", projectDir.resolve("server-config/artemis/create-broker.sh").toString(),
                instance.toString());
        builder.environment().put("NEUROARCHIVE_BROKER_PORT", Integer.toString(port));
        // the credentials of the configured broker: the test's own server inherits them from the environment
        builder.environment().put("NEUROARCHIVE_BROKER_USER", ExternalBackends.brokerUser());
        builder.environment().put("NEUROARCHIVE_BROKER_PASSWORD", ExternalBackends.brokerPassword());
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()));
        Files.createDirectories(instance.getParent());
        int exit = builder.start().waitFor();
        if (exit != 0) {
            throw new IllegalStateException("create-broker.sh failed (" + exit + "); see " + log());
        }
    }

    /**
     * Deletes every message waiting in {@code queue} (the broker's CLI: {@code queue stat}, then
     * {@code queue purge}); answers how many there were.
     */
    int purge(String queue) throws IOException, InterruptedException {
        int count = messageCount(queue);
        artemis("queue", "purge", "--name", queue);
        return count;
    }

    /** How many messages wait in {@code queue} ({@code queue stat} of the broker's CLI). */
    int messageCount(String queue) throws IOException, InterruptedException {
        String stat = artemis("queue", "stat", "--queueName", queue);
        return stat.lines().filter(l -> l.startsWith("|" + queue.substring(0, Math.min(queue.length(), 25))))
                .map(l -> Integer.parseInt(l.split("\\|")[4].trim())).findFirst()
                .orElseThrow(() -> new IllegalStateException("no queue " + queue + " in: " + stat));
    }

    private String artemis(String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of(instance.resolve("bin/artemis").toString()));
        line.addAll(List.of(command));
        line.addAll(List.of("--url", "tcp://127.0.0.1:" + port, "--user", ExternalBackends.brokerUser(),
                "--password", ExternalBackends.brokerPassword()));
        return ServerProcess.run(line);
    }

    void start() throws IOException, InterruptedException {
        launch();
        awaitListening(Duration.ofSeconds(60));
    }

    /** Starts the broker's process without waiting for it (the backup of a pair does not listen until it is active). */
    void launch() throws IOException {
        ProcessBuilder builder = new ProcessBuilder(instance.resolve("bin/artemis").toString(), "run");
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()));
        process = builder.start();
    }

    /** Waits until the broker accepts connections on its port; fails when its process ends first. */
    void awaitListening(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the broker exited while starting; see " + log());
            }
            if (listening()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the broker did not listen on " + port + " within " + timeout + "; see " + log());
    }

    /** Whether a connection to the broker's port is accepted now. */
    boolean listening() {
        try (Socket probe = new Socket()) {
            probe.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException no) {
            return false;
        }
    }

    /** How many bytes the broker's output holds: {@link #awaitOutput} looks at what comes after. */
    long outputLength() throws IOException {
        return Files.exists(log()) ? Files.size(log()) : 0;
    }

    /** Waits until the broker prints {@code text} past {@code from} (an {@link #outputLength()}); fails when its process ends first. */
    void awaitOutput(String text, long from, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (printed(text, from)) {
                return;
            }
            if (process == null || !process.isAlive()) {
                throw new IllegalStateException("the broker is not running, and did not print '" + text + "'; see " + log());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the broker did not print '" + text + "' within " + timeout + "; see " + log());
            }
            Thread.sleep(100);
        }
    }

    /** Whether the broker printed {@code text} past {@code from} (an {@link #outputLength()}). */
    boolean printed(String text, long from) throws IOException {
        byte[] all = Files.readAllBytes(log());
        int start = (int) Math.min(from, all.length);
        return new String(all, start, all.length - start, java.nio.charset.StandardCharsets.UTF_8).contains(text);
    }

    /** SIGKILL to the broker's JVM and its launcher: no shutdown, no goodbye to its clients or its backup. */
    void kill() throws InterruptedException {
        if (process != null) {
            ServerProcess.stopTree(process, true);
            process = null;
        }
    }

    boolean running() {
        return process != null && process.isAlive();
    }

    /** A normal stop (SIGTERM: the broker shuts down cleanly), waiting for its JVM. */
    void stop() throws InterruptedException {
        if (process == null) {
            return;
        }
        ServerProcess.stopTree(process, false);
        process = null;
    }

    Path log() {
        return instance.resolveSibling(instance.getFileName() + ".out");
    }
}

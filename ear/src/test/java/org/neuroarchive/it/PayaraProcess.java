package org.neuroarchive.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A Payara Server 6 domain of a test's own running the built EAR, made as users make theirs: by
 * {@code server-config/payara/create-domain.sh}, {@code configure.sh} and {@code deploy.sh}, its settings
 * in the environment of {@code asadmin start-domain}. The installation (unpacked once by the ear module's
 * build into {@code target/payara-it/}) is shared; a domain is created, configured and given the EAR once
 * per test run, and every later {@link #prepare} only empties its data folder and its transaction log, so a
 * test pays for a domain start, not for a new domain.
 */
final class PayaraProcess implements TestServer {

    /** The domains created and configured by this test run, by folder. */
    private static final Set<Path> READY = ConcurrentHashMap.newKeySet();
    /** Those of them that have the EAR (deployed at their first start; a domain start starts it again). */
    private static final Set<Path> DEPLOYED = ConcurrentHashMap.newKeySet();

    private final Path home;
    private final Path domains;
    private final String domain;
    private final int portbase;
    private final Path data;
    private final Path driver;
    private final Path output;
    private final Map<String, String> environment = new HashMap<>();
    private Path ear;

    /**
     * @param home     the Payara installation ({@code payara6/})
     * @param domains  the folder of the domain and of its password files
     * @param portbase admin port + 48, HTTP + 80, HTTPS + 81, OpenMQ + 76, IIOP + 37..39, JMX + 86
     * @param driver   MySQL Connector/J, for {@code configure.sh}
     */
    PayaraProcess(Path home, Path domains, String domain, int portbase, Path data, Path driver) {
        this.home = home;
        this.domains = domains;
        this.domain = domain;
        this.portbase = portbase;
        this.data = data;
        this.driver = driver;
        this.output = domains.resolveSibling(domains.getFileName() + ".out");
    }

    /** The Payara installation the ear module's build unpacked ({@code neuroarchive.it.payara.home}). */
    static Path installation() {
        String home = System.getProperty("neuroarchive.it.payara.home", "");
        Path path = Path.of(home);
        if (home.isEmpty() || !Files.isExecutable(path.resolve("bin/asadmin"))) {
            throw new IllegalStateException("no Payara installation at '" + home + "' (neuroarchive.it.payara.home): the ear module's "
                    + "build unpacks fish.payara.distributions:payara into target/payara-it when NEUROARCHIVE_DB_URL is set");
        }
        return path;
    }

    @Override
    public String kind() {
        return "Payara";
    }

    @Override
    public PayaraProcess environment(String name, String value) {
        environment.put(name, value);
        return this;
    }

    /**
     * Payara on that Artemis broker: {@code configure.sh}'s Artemis mode ({@code artemis-ra.rar}, which the ear
     * module's build copies to {@code neuroarchive.it.payara.artemis-rar}) with the tests' broker user.
     */
    @Override
    public PayaraProcess brokerPort(int port) {
        return environment("NEUROARCHIVE_BROKER_URL", "tcp://127.0.0.1:" + port)
                .environment("NEUROARCHIVE_BROKER_USER", ExternalBackends.brokerUser())
                .environment("NEUROARCHIVE_BROKER_PASSWORD", ExternalBackends.brokerPassword())
                .environment("NEUROARCHIVE_ARTEMIS_RAR", System.getProperty("neuroarchive.it.payara.artemis-rar", ""));
    }

    /**
     * A fresh data folder; the first time in this test run also a new domain, configured by
     * {@code configure.sh} (it needs the domain running) and stopped again. Later, the stopped domain loses
     * its transaction log: the transactions of the previous test belong to a database that is gone.
     */
    @Override
    public void prepare(Path ear) throws IOException, InterruptedException {
        this.ear = ear;
        stop();
        ServerProcess.deleteTree(data);
        Files.createDirectories(data);
        if (READY.contains(domainDir())) {
            ServerProcess.deleteTree(domainDir().resolve("logs/server/tx"));
            return;
        }
        ServerProcess.deleteTree(domainDir());
        Files.deleteIfExists(passwordFile());
        Files.deleteIfExists(domains.resolve(domain + ".mq-password"));
        script("create-domain.sh", home.toString(), domain, Integer.toString(portbase), domains.toString());
        asadmin("start-domain", "--domaindir", domains.toString(), domain);
        // with NEUROARCHIVE_TX_NODE_ID, configure.sh names the transaction service's xa-servername: Payara's XA
        // branches are SERVERNAME,server,P100, so ExternalBackends#preparedBranches finds this domain's, and only these
        script("configure.sh", home.toString(), Integer.toString(portbase + 48), driver.toString());
        asadmin("stop-domain", "--domaindir", domains.toString(), domain);
        DEPLOYED.remove(domainDir());
        READY.add(domainDir());
    }

    /** {@code asadmin start-domain} with the test's environment, the EAR deployed the first time, then the application's answer. */
    @Override
    public void start(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        asadmin("start-domain", "--domaindir", domains.toString(), domain);
        if (!DEPLOYED.contains(domainDir())) {
            script("deploy.sh", home.toString(), Integer.toString(portbase + 48), ear.toString());
            DEPLOYED.add(domainDir());
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> response = http.send(Credentials.asAdmin(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/stats")))
                        .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // the application is still starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("Payara's application did not answer within " + timeout + "; see " + log());
    }

    /** {@code asadmin stop-domain}; nothing when the domain does not run. */
    @Override
    public void stop() throws IOException, InterruptedException {
        if (running()) {
            asadmin("stop-domain", "--domaindir", domains.toString(), domain);
        }
    }

    /** SIGKILL to the domain's JVM (its process id from {@code config/pid}), waiting until it has gone. */
    @Override
    public void kill() throws IOException, InterruptedException {
        Path pid = domainDir().resolve("config/pid");
        if (!Files.exists(pid)) {
            return;
        }
        ProcessHandle jvm = ProcessHandle.of(Long.parseLong(Files.readString(pid).trim())).orElse(null);
        if (jvm != null) {
            jvm.destroyForcibly();
            jvm.onExit().join();
        }
        Files.deleteIfExists(pid);
    }

    @Override
    public String baseUrl() {
        return "http://127.0.0.1:" + (portbase + 80) + "/neuroarchive";
    }

    @Override
    public Path log() {
        return domainDir().resolve("logs/server.log");
    }

    /** Whether the domain's JVM runs (its {@code config/pid} names a live process). */
    private boolean running() throws IOException {
        Path pid = domainDir().resolve("config/pid");
        if (!Files.exists(pid)) {
            return false;
        }
        String id = Files.readString(pid).trim();
        return !id.isEmpty() && ProcessHandle.of(Long.parseLong(id)).map(ProcessHandle::isAlive).orElse(false);
    }

    private Path domainDir() {
        return domains.resolve(domain);
    }

    private Path passwordFile() {
        return domains.resolve(domain + ".admin-password");
    }

    /** Runs one of {@code server-config/payara/}'s scripts with the domain's environment; fails when it does. */
    private void script(String name, String... arguments) throws IOException, InterruptedException {
        Path project = Path.of(System.getProperty("neuroarchive.it.project-dir"));
        List<String> command = new ArrayList<>(List.of("bash", project.resolve("server-config/payara/" + name).toString()));
        command.addAll(List.of(arguments));
        run(command, name);
    }

    /** A local asadmin command (start-domain, stop-domain) as the domain's administrator. */
    private void asadmin(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/asadmin").toString(), "--interactive=false",
                "--user", "admin", "--passwordfile", passwordFile().toString()));
        command.addAll(List.of(arguments));
        run(command, "asadmin " + String.join(" ", arguments));
    }

    /**
     * Runs a command with the server's environment (the domain inherits that of {@code start-domain}), its
     * output appended to {@code domains.out}; fails with that output when it exits non-zero.
     */
    private void run(List<String> command, String what) throws IOException, InterruptedException {
        Files.createDirectories(domains);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        serverEnvironment(builder.environment());
        long from = Files.exists(output) ? Files.size(output) : 0;
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()));
        long started = System.nanoTime();
        int exit = builder.start().waitFor();
        System.out.printf("PayaraProcess: %s took %.1f s%n", what, (System.nanoTime() - started) / 1e9);
        if (exit != 0) {
            byte[] all = Files.readAllBytes(output);
            throw new IllegalStateException(what + " failed (exit " + exit + "):\n"
                    + new String(all, (int) from, (int) (all.length - from), StandardCharsets.UTF_8) + "see " + output + " and " + log());
        }
    }

    /**
     * The settings of the server, as {@link ServerProcess} gives WildFly's: its data folder, DICOM port,
     * short scan intervals, the tests' admin password, and whatever the test set. The test run's own broker
     * is not this server's: its own ({@link #brokerPort}), or without one its built-in OpenMQ.
     */
    private void serverEnvironment(Map<String, String> env) {
        env.remove("NEUROARCHIVE_BROKER_URL");
        env.remove("NEUROARCHIVE_BROKER_USER");
        env.remove("NEUROARCHIVE_BROKER_PASSWORD");
        env.put("NEUROARCHIVE_PAYARA_PASSWORD_FILE", passwordFile().toString());
        env.put("NEUROARCHIVE_PAYARA_MQ_PASSWORD_FILE", domains.resolve(domain + ".mq-password").toString());
        env.put("NEUROARCHIVE_DATA_DIR", data.toString());
        env.put("NEUROARCHIVE_DICOM_PORT", Integer.toString(Integer.getInteger("it.payara.dicom.port",
                Integer.getInteger("it.dicom.port", 11212) + 600)));
        env.put("NEUROARCHIVE_IMPORT_SCAN_INTERVAL_SECONDS", "1");
        env.put("NEUROARCHIVE_IMPORT_SETTLE_SECONDS", "0");
        env.put("NEUROARCHIVE_ADMIN_PASSWORD", Credentials.ADMIN_PASSWORD);
        env.putAll(environment);
    }
}

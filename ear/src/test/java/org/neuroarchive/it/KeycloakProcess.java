package org.neuroarchive.it;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A real Keycloak (the distribution the build unpacked from Maven Central) in dev mode, on loopback, with
 * an in-memory database and the realms a test writes; on a Java 21+ of its own
 * ({@code neuroarchive.it.keycloak.java-home}), while the tests and WildFly stay on theirs.
 */
final class KeycloakProcess implements AutoCloseable {

    private final Path home;
    private final int port;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Process process;

    KeycloakProcess(int port) {
        this.home = Path.of(System.getProperty("neuroarchive.it.keycloak.home"));
        this.port = port;
        this.log = OwnServer.TARGET.resolve("keycloak.out");
    }

    /** The base URL as the archive, the browser and the tests use it ({@code localhost}: another site than 127.0.0.1). */
    String url() {
        return "http://localhost:" + port;
    }

    /** Starts Keycloak with these realms ({@code name → realm JSON}) imported; does not wait. */
    void start(Map<String, String> realms) throws IOException {
        Path imports = home.resolve("data/import");
        ServerProcess.deleteTree(home.resolve("data"));
        Files.createDirectories(imports);
        for (Map.Entry<String, String> realm : realms.entrySet()) {
            Files.writeString(imports.resolve(realm.getKey() + "-realm.json"), realm.getValue());
        }
        ProcessBuilder builder = new ProcessBuilder(List.of("bash", home.resolve("bin/kc.sh").toString(), "start-dev",
                "--db=dev-mem", "--http-host=127.0.0.1", "--http-port=" + port, "--import-realm"));
        builder.environment().put("JAVA_HOME", System.getProperty("neuroarchive.it.keycloak.java-home"));
        builder.environment().put("JAVA_OPTS_KC_HEAP", "-Xms128m -Xmx768m");
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        process = builder.start();
    }

    /** Waits until the realm's discovery document answers. */
    void awaitRealm(String realm, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        URI discovery = URI.create(url() + "/realms/" + realm + "/.well-known/openid-configuration");
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited while starting; see " + log);
            }
            try {
                if (http.send(HttpRequest.newBuilder(discovery).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("Keycloak did not answer within " + timeout + "; see " + log);
    }

    /**
     * A token answer of the password grant (direct access grant, allowed for test clients in Keycloak 26)
     * at {@code base} (e.g. {@link #url()}, or another host name, which makes another issuer).
     */
    HttpResponse<String> passwordGrant(String base, String realm, String client, String secret, String user, String password)
            throws IOException, InterruptedException {
        Map<String, String> form = new java.util.LinkedHashMap<>();
        form.put("grant_type", "password");
        form.put("client_id", client);
        if (secret != null) {
            form.put("client_secret", secret);
        }
        form.put("username", user);
        form.put("password", password);
        form.put("scope", "openid");
        String body = form.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return http.send(HttpRequest.newBuilder(URI.create(base + "/realms/" + realm + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A token answer of the client credentials grant (an institutional system's own client and service account). */
    HttpResponse<String> clientCredentials(String realm, String client, String secret) throws IOException, InterruptedException {
        String body = "grant_type=client_credentials&client_id=" + URLEncoder.encode(client, StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(secret, StandardCharsets.UTF_8);
        return http.send(HttpRequest.newBuilder(URI.create(url() + "/realms/" + realm + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null) {
            ServerProcess.stopTree(process, false);
            process = null;
        }
    }
}

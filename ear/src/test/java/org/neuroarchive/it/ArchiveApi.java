package org.neuroarchive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Predicate;

/** A small client of NeuroArchive's REST API for the integration tests. */
final class ArchiveApi {

    record Reply(int status, String contentType, String body) {
        JsonStructure json() {
            return Json.createReader(new StringReader(body)).read();
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String authorization;

    /** The API of the Arquillian server. */
    ArchiveApi() {
        this(arquillianBaseUrl());
    }

    /** The API of the server at {@code baseUrl} (e.g. a test's own {@link ServerProcess}), as the administrator. */
    ArchiveApi(String baseUrl) {
        this(baseUrl, Credentials.basic(Credentials.ADMIN, Credentials.ADMIN_PASSWORD));
    }

    private ArchiveApi(String baseUrl, String authorization) {
        this.baseUrl = baseUrl;
        this.authorization = authorization;
    }

    /** Where the Arquillian server's application answers. */
    static String arquillianBaseUrl() {
        return System.getProperty("neuroarchive.it.base-url", "http://127.0.0.1:8180/neuroarchive");
    }

    Reply get(String path) throws IOException, InterruptedException {
        return send(request(path).GET().build());
    }

    /** A POST without a body: state-changing calls say {@code Content-Type: application/json} all the same. */
    Reply post(String path) throws IOException, InterruptedException {
        return send(request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    /** A request to {@code path} with this client's credentials. */
    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Authorization", authorization);
    }

    /** The same API as another caller: {@code authorization} is the whole header value. */
    ArchiveApi as(String authorization) {
        return new ArchiveApi(baseUrl, authorization);
    }

    JsonObject stats() throws IOException, InterruptedException {
        Reply reply = get("/api/stats");
        assertEquals(200, reply.status(), reply.body());
        return (JsonObject) reply.json();
    }

    /** Polls {@code /api/stats} until {@code condition} holds; fails with the last figures after the timeout. */
    JsonObject awaitStats(Predicate<JsonObject> condition, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonObject last = stats();
        while (!condition.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("archive did not reach the expected state within " + timeout + "; last stats: " + last);
            }
            Thread.sleep(250);
            last = stats();
        }
        return last;
    }

    Reply postJson(String path, String json) throws IOException, InterruptedException {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** Waits until a subject with {@code alternateUid} exists and nothing is queued; answers its UID. */
    String awaitSubject(String alternateUid, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String uid = subjectUid(alternateUid);
            if (uid != null && stats().getInt("queuedSeries") == 0) {
                return uid;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no subject with alternate UID " + alternateUid + " after " + timeout
                        + "; stats: " + stats());
            }
            Thread.sleep(250);
        }
    }

    /** The UID of the subject having {@code alternateUid}, or null. */
    String subjectUid(String alternateUid) throws IOException, InterruptedException {
        for (jakarta.json.JsonValue value : get("/api/subjects?limit=1000").json().asJsonArray()) {
            JsonObject subject = value.asJsonObject();
            if (subject.getJsonArray("alternateUids").stream()
                    .anyMatch(a -> ((jakarta.json.JsonString) a).getString().equals(alternateUid))) {
                return subject.getString("uid");
            }
        }
        return null;
    }

    Reply send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
    }
}

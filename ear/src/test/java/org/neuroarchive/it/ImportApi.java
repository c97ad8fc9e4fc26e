package org.neuroarchive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayOutputStream;
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
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The individual-import part of the REST API, for the integration tests. */
final class ImportApi {

    private static final Duration WITHIN = Duration.ofSeconds(90);
    private static final Set<String> FINAL = Set.of("parsingerror", "archivecomplete", "archiveerror", "cancelled",
            "uploaderror");

    private final ArchiveApi api;
    private final String baseUrl;

    /** The individual imports of the Arquillian server. */
    ImportApi() {
        this(ArchiveApi.arquillianBaseUrl());
    }

    /** The individual imports of the server at {@code baseUrl}. */
    ImportApi(String baseUrl) {
        this.baseUrl = baseUrl;
        this.api = new ArchiveApi(baseUrl);
    }

    ArchiveApi archive() {
        return api;
    }

    /** POSTs a server-path import with extra JSON option fields; asserts 201 and answers the id. */
    long createFromPath(Path source, String options) throws IOException, InterruptedException {
        String json = "{\"sourcePath\":" + Json.createValue(source.toString()) + (options.isEmpty() ? "" : "," + options) + "}";
        ArchiveApi.Reply reply = api.postJson("/api/imports", json);
        assertEquals(201, reply.status(), reply.body());
        return reply.json().asJsonObject().getJsonNumber("id").longValue();
    }

    JsonObject detail(long id) throws IOException, InterruptedException {
        ArchiveApi.Reply reply = api.get("/api/imports/" + id);
        assertEquals(200, reply.status(), reply.body());
        return reply.json().asJsonObject();
    }

    /** Polls the import until it has {@code status}; fails at once when it ends in another final status. */
    JsonObject await(long id, String status) throws IOException, InterruptedException {
        return await(id, status, WITHIN);
    }

    /** As {@link #await(long, String)}, within {@code within}. */
    JsonObject await(long id, String status, Duration within) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        JsonObject last = detail(id);
        while (!last.getString("status").equals(status)) {
            if (FINAL.contains(last.getString("status")) || System.nanoTime() > deadline) {
                throw new AssertionError("import " + id + " did not reach " + status + ": " + last);
            }
            Thread.sleep(200);
            last = detail(id);
        }
        return last;
    }

    ArchiveApi.Reply archive(long id, String body) throws IOException, InterruptedException {
        return body == null ? api.post("/api/imports/" + id + "/archive") : api.postJson("/api/imports/" + id + "/archive", body);
    }

    /** Every series of the tree (subjects → studies → series), in order. */
    static List<JsonObject> series(JsonObject detail) {
        List<JsonObject> all = new ArrayList<>();
        for (JsonValue subject : detail.getJsonArray("subjects")) {
            for (JsonValue study : subject.asJsonObject().getJsonArray("studies")) {
                study.asJsonObject().getJsonArray("series").forEach(s -> all.add(s.asJsonObject()));
            }
        }
        return all;
    }

    static String log(JsonObject detail) {
        return detail.getJsonArray("log").stream().map(l -> l.asJsonObject().getString("message"))
                .collect(Collectors.joining("\n"));
    }

    /** POSTs a multipart upload: an {@code options} part and one {@code file} part per file. */
    ArchiveApi.Reply upload(String optionsJson, List<Path> files) throws IOException, InterruptedException {
        String boundary = "----neuroarchive-it-" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (optionsJson != null) {
            part(body, boundary, "form-data; name=\"options\"", "application/json",
                    optionsJson.getBytes(StandardCharsets.UTF_8));
        }
        for (Path file : files) {
            part(body, boundary, "form-data; name=\"file\"; filename=\"" + file.getFileName() + "\"",
                    "application/octet-stream", Files.readAllBytes(file));
        }
        body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        HttpResponse<String> response = HttpClient.newHttpClient().send(Credentials.asAdmin(HttpRequest.newBuilder(URI.create(baseUrl + "/api/imports")))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
        return new ArchiveApi.Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.body());
    }

    /** POSTs an upload, asserts 201 with a Location header, and answers the id. */
    long uploaded(String optionsJson, List<Path> files) throws IOException, InterruptedException {
        ArchiveApi.Reply reply = upload(optionsJson, files);
        assertEquals(201, reply.status(), reply.body());
        long id = reply.json().asJsonObject().getJsonNumber("id").longValue();
        assertTrue(Set.of("uploadcomplete", "parsing", "parsingcomplete").contains(
                reply.json().asJsonObject().getString("status")), reply.body());
        return id;
    }

    private static void part(ByteArrayOutputStream body, String boundary, String disposition, String type, byte[] content)
            throws IOException {
        body.write(("--" + boundary + "\r\nContent-Disposition: " + disposition + "\r\nContent-Type: " + type + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    }
}

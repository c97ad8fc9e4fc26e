package org.neuroarchive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The admin API as the tests use it: accounts, projects, grants, API keys and the audit trail
 * ({@code /api/users}, {@code /api/projects}, {@code /api/api-keys}, {@code /api/audit}).
 */
final class AdminCalls {

    static final String PASSWORD = "it-password-0123";

    private final ArchiveApi api;

    AdminCalls(ArchiveApi api) {
        this.api = api;
    }

    /** A name no other test of this run uses: {@code prefix} and 8 random hex digits. */
    static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    ArchiveApi.Reply put(String path, String json) throws IOException, InterruptedException {
        return api.send(api.request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    ArchiveApi.Reply delete(String path) throws IOException, InterruptedException {
        return api.send(api.request(path).header("Content-Type", "application/json")
                .method("DELETE", HttpRequest.BodyPublishers.noBody()).build());
    }

    /** Creates an account with {@link #PASSWORD} and these site roles. */
    JsonObject createUser(String login, String... roles) throws IOException, InterruptedException {
        ArchiveApi.Reply reply = api.postJson("/api/users", Json.createObjectBuilder().add("login", login)
                .add("fullName", "Test " + login).add("email", login + "@example.org").add("roles", array(roles))
                .add("password", PASSWORD).build().toString());
        assertEquals(201, reply.status(), reply.body());
        return (JsonObject) reply.json();
    }

    /** Creates a project with a fresh cost center; answers the cost center. */
    String createProject(String name) throws IOException, InterruptedException {
        String costcenter = unique("it");
        ArchiveApi.Reply reply = api.postJson("/api/projects",
                Json.createObjectBuilder().add("costcenter", costcenter).add("name", name).build().toString());
        assertEquals(201, reply.status(), reply.body());
        return costcenter;
    }

    ArchiveApi.Reply grant(String costcenter, String login, String... permissions) throws IOException, InterruptedException {
        return put("/api/projects/" + costcenter + "/grants/" + login,
                Json.createObjectBuilder().add("permissions", array(permissions)).build().toString());
    }

    /** A key: {@code projects} alternates cost center and a comma-separated permission list. */
    ArchiveApi.Reply createKey(String name, List<String> roles, String expiresAt, String... projects)
            throws IOException, InterruptedException {
        JsonArrayBuilder grants = Json.createArrayBuilder();
        for (int i = 0; i < projects.length; i += 2) {
            grants.add(Json.createObjectBuilder().add("costcenter", projects[i])
                    .add("permissions", array(projects[i + 1].split(","))));
        }
        var body = Json.createObjectBuilder().add("name", name).add("roles", array(roles.toArray(String[]::new)))
                .add("projects", grants);
        if (expiresAt != null) {
            body.add("expiresAt", expiresAt);
        }
        return api.postJson("/api/api-keys", body.build().toString());
    }

    JsonObject me() throws IOException, InterruptedException {
        ArchiveApi.Reply reply = api.get("/api/me");
        assertEquals(200, reply.status(), reply.body());
        return (JsonObject) reply.json();
    }

    /** The audit rows for {@code query} (e.g. {@code action=grant.set&project=…}), newest first. */
    JsonArray audit(String query) throws IOException, InterruptedException {
        ArchiveApi.Reply reply = api.get("/api/audit?" + query);
        assertEquals(200, reply.status(), reply.body());
        return reply.json().asJsonArray();
    }

    /** The first audit row for {@code query} whose object id is {@code objectId}. */
    Optional<JsonObject> auditRow(String query, String objectId) throws IOException, InterruptedException {
        return audit(query).stream().map(JsonValue::asJsonObject)
                .filter(row -> objectId.equals(row.getString("objectId", null))).findFirst();
    }

    static List<String> strings(JsonArray array) {
        return array.getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList();
    }

    static JsonArrayBuilder array(String... values) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (String value : values) {
            array.add(value);
        }
        return array;
    }

    static String basic(String login) {
        return Credentials.basic(login, PASSWORD);
    }
}

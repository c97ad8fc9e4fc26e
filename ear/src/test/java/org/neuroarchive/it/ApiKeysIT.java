package org.neuroarchive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neuroarchive.it.AdminCalls.basic;
import static org.neuroarchive.it.AdminCalls.strings;
import static org.neuroarchive.it.AdminCalls.unique;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * API keys: made by an administrator or a project admin (for its projects, roles viewer and importer
 * only), shown once, used as {@code Authorization: Bearer na_…}, refused with 401 once revoked or
 * expired; each change audited with its actor.
 */
@ExtendWith(ArquillianExtension.class)
class ApiKeysIT {

    private final ArchiveApi api = new ArchiveApi();
    private final AdminCalls admin = new AdminCalls(api);

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Incoming.builtEar();
    }

    @Test
    void aKeyIsShownOnceAuthenticatesAndStopsWhenRevoked() throws Exception {
        String project = admin.createProject("Keyed");
        ArchiveApi.Reply created = admin.createKey("PACS bridge", List.of("viewer", "importer"), null, project, "view-data,modify-data");
        assertEquals(201, created.status(), created.body());
        JsonObject key = created.json().asJsonObject();
        String keyId = key.getString("keyId");
        String text = key.getString("key");
        assertTrue(text.matches("na_" + keyId + "_[A-Za-z0-9_-]{43}"), text);
        assertEquals("user:admin", key.getString("createdBy"));
        assertEquals(List.of("importer", "viewer").stream().sorted().toList(), strings(key.getJsonArray("roles")).stream().sorted().toList());

        JsonObject listed = listed(api, keyId).orElseThrow();
        assertFalse(listed.containsKey("key"), "the key text is shown once only: " + listed);
        assertFalse(listed.toString().contains(text.substring(20)), "no part of the secret in lists");
        assertEquals(project, listed.getJsonArray("projects").getJsonObject(0).getString("costcenter"));
        assertEquals(List.of("view-data", "modify-data"), strings(listed.getJsonArray("projects").getJsonObject(0).getJsonArray("permissions")));

        ArchiveApi asKey = api.as("Bearer " + text);
        JsonObject me = new AdminCalls(asKey).me();
        assertFalse(me.containsKey("login") && !me.isNull("login"), "a key has no login: " + me);
        assertEquals("apikey:" + keyId, me.getString("actor"));
        assertEquals(project, me.getJsonArray("projects").getJsonObject(0).getString("costcenter"));
        assertEquals(1, asKey.get("/api/projects").json().asJsonArray().size());
        assertEquals(403, asKey.get("/api/users").status(), "a viewer key is no administrator");
        assertEquals(401, api.as("Bearer " + text.substring(0, text.length() - 2) + "xx").get("/api/me").status(), "wrong secret");

        ArchiveApi.Reply revoked = api.post("/api/api-keys/" + keyId + "/revoke");
        assertEquals(200, revoked.status(), revoked.body());
        assertNotNull(revoked.json().asJsonObject().getString("revokedAt", null));
        assertEquals(401, asKey.get("/api/me").status(), "revoked");

        assertEquals("user:admin", admin.auditRow("action=apikey.create", keyId).orElseThrow().getString("actor"));
        assertEquals("user:admin", admin.auditRow("action=apikey.revoke", keyId).orElseThrow().getString("actor"));
        assertFalse(admin.audit("actor=apikey:" + keyId + "&outcome=refused").isEmpty(), "the refused use is audited");
    }

    @Test
    void anExpiredKeyIsRefused() throws Exception {
        String soon = LocalDateTime.now().plusSeconds(3).withNano(0).toString();
        ArchiveApi.Reply created = admin.createKey("short-lived", List.of("viewer"), soon);
        assertEquals(201, created.status(), created.body());
        ArchiveApi asKey = api.as("Bearer " + created.json().asJsonObject().getString("key"));
        assertEquals(200, asKey.get("/api/me").status());
        Thread.sleep(4_000);
        assertEquals(401, asKey.get("/api/me").status(), "expired");
        assertEquals(400, admin.createKey("already over", List.of("viewer"), "2020-01-01").status());
        assertEquals(400, admin.createKey("bad date", List.of("viewer"), "next tuesday").status());
    }

    @Test
    void aProjectAdminMakesKeysForItsProjectsOnly() throws Exception {
        String own = admin.createProject("Gina's own");
        String seen = admin.createProject("Gina sees");
        String gina = unique("gina");
        admin.createUser(gina, "viewer");
        admin.grant(own, gina, "view-data", "project-admin");
        admin.grant(seen, gina, "view-data");
        AdminCalls asGina = new AdminCalls(api.as(basic(gina)));

        ArchiveApi.Reply made = asGina.createKey("lab uploader", List.of("importer"), "2099-12-31", own, "view-data,modify-data");
        assertEquals(201, made.status(), made.body());
        String keyId = made.json().asJsonObject().getString("keyId");
        assertEquals("user:" + gina, made.json().asJsonObject().getString("createdBy"));
        assertEquals(403, asGina.createKey("admin key", List.of("admin"), null, own, "view-data").status());
        assertEquals(403, asGina.createKey("reviewer key", List.of("reviewer"), null, own, "view-data").status());
        assertEquals(403, asGina.createKey("other project", List.of("viewer"), null, seen, "view-data").status());
        assertEquals(404, asGina.createKey("unseen project", List.of("viewer"), null, unique("none"), "view-data").status());
        assertEquals(403, asGina.createKey("key admin", List.of("viewer"), null, own, "project-admin").status());
        assertEquals(400, asGina.createKey("no project", List.of("viewer"), null).status());

        String adminKey = admin.createKey("admin's", List.of("viewer"), null).json().asJsonObject().getString("keyId");
        List<String> ginasKeys = api.as(basic(gina)).get("/api/api-keys").json().asJsonArray().stream()
                .map(v -> v.asJsonObject().getString("keyId")).toList();
        assertEquals(List.of(keyId), ginasKeys, "a project admin lists the keys it made");
        assertEquals(404, api.as(basic(gina)).post("/api/api-keys/" + adminKey + "/revoke").status());
        assertTrue(listed(api, keyId).isPresent(), "an administrator lists every key");

        String viewer = unique("viewer");
        admin.createUser(viewer, "viewer");
        // no project-admin anywhere: refused before the request's projects are even looked at
        assertEquals(403, new AdminCalls(api.as(basic(viewer))).createKey("mine", List.of("viewer"), null, own, "view-data").status());

        JsonObject refused = admin.audit("action=apikey.create&outcome=refused&actor=" + gina).stream().map(JsonValue::asJsonObject)
                .filter(r -> r.getString("detail").contains("viewer and importer")).findFirst().orElseThrow();
        assertEquals("user:" + gina, refused.getString("actor"));
        assertEquals(200, api.as(basic(gina)).post("/api/api-keys/" + keyId + "/revoke").status(), "its own key");
    }

    private static Optional<JsonObject> listed(ArchiveApi api, String keyId) throws Exception {
        return api.get("/api/api-keys").json().asJsonArray().stream().map(JsonValue::asJsonObject)
                .filter(k -> keyId.equals(k.getString("keyId"))).findFirst();
    }
}

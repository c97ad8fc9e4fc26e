package org.neuroarchive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neuroarchive.it.AdminCalls.basic;
import static org.neuroarchive.it.AdminCalls.unique;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.LocalDate;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code GET /api/audit}: administrators filter the trail by actor, action, project, outcome and time; nobody else reads it. */
@ExtendWith(ArquillianExtension.class)
class AuditApiIT {

    private final ArchiveApi api = new ArchiveApi();
    private final AdminCalls admin = new AdminCalls(api);

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Incoming.builtEar();
    }

    @Test
    void theFiltersSelectTheRowsAsked() throws Exception {
        String project = admin.createProject("Audited");
        String hank = unique("hank");
        admin.createUser(hank, "viewer");
        admin.grant(project, hank, "view-data");
        admin.grant(project, hank, "view-data", "view-phi");
        admin.grant(project, hank);

        JsonArray all = admin.audit("project=" + project);
        assertEquals(List.of("grant.revoke", "grant.set", "grant.set", "project.create"), actions(all), "newest first");
        for (JsonValue value : all) {
            JsonObject row = value.asJsonObject();
            assertEquals("user:admin", row.getString("actor"));
            assertEquals("user", row.getString("actorKind"));
            assertEquals("allowed", row.getString("outcome"));
            assertEquals(project, row.getString("project"));
            assertTrue(row.containsKey("id") && row.containsKey("time") && row.containsKey("clientAddress"), row.toString());
        }
        assertEquals("view-data -> view-data,view-phi", all.getJsonObject(1).getString("detail"));
        assertEquals(List.of("grant.revoke", "grant.set", "grant.set"), actions(admin.audit("project=" + project + "&action=grant")));
        assertEquals(List.of("grant.set", "grant.set"), actions(admin.audit("project=" + project + "&action=grant.set")));
        assertEquals(List.of("grant.revoke"), actions(admin.audit("project=" + project + "&limit=1")));
        assertEquals(List.of("grant.set"), actions(admin.audit("project=" + project + "&offset=1&limit=1")));
        assertEquals(4, admin.audit("project=" + project + "&actor=admin").size());
        assertEquals(4, admin.audit("project=" + project + "&actor=user:admin").size());
        assertEquals(0, admin.audit("project=" + project + "&actor=" + hank).size());
        assertEquals(0, admin.audit("project=" + project + "&outcome=refused").size());
        String today = LocalDate.now().toString();
        assertEquals(4, admin.audit("project=" + project + "&from=" + today + "&to=" + today).size());
        assertEquals(0, admin.audit("project=" + project + "&from=" + LocalDate.now().plusDays(1)).size());
        assertEquals(0, admin.audit("project=" + project + "&to=" + LocalDate.now().minusDays(1)).size());
        assertEquals(400, api.get("/api/audit?from=yesterday").status());
        assertEquals(400, api.get("/api/audit?outcome=maybe").status());

        JsonObject refused = admin.audit("action=audit.read&limit=1").getJsonObject(0);
        assertEquals("refused", refused.getString("outcome"), "the reading with a wrong filter: " + refused);
        assertTrue(refused.getString("detail").contains("not 'maybe'"), refused.toString());
        JsonObject read = admin.audit("action=audit.read&limit=1").getJsonObject(0);
        assertEquals("user:admin", read.getString("actor"));
        assertEquals("allowed", read.getString("outcome"));
        assertEquals("action=audit.read", read.getString("detail"), "the previous reading, with its filter");
    }

    @Test
    void onlyAdministratorsReadTheAudit() throws Exception {
        String viewer = unique("ivy");
        admin.createUser(viewer, "viewer", "importer", "reviewer");
        assertEquals(403, api.as(basic(viewer)).get("/api/audit").status());
        String key = admin.createKey("reader", List.of("viewer"), null).json().asJsonObject().getString("key");
        assertEquals(403, api.as("Bearer " + key).get("/api/audit").status());
        String adminKey = admin.createKey("admin key", List.of("admin"), null).json().asJsonObject().getString("key");
        assertEquals(200, api.as("Bearer " + adminKey).get("/api/audit?limit=1").status());
    }

    private static List<String> actions(JsonArray rows) {
        return rows.stream().map(v -> v.asJsonObject().getString("action")).toList();
    }
}

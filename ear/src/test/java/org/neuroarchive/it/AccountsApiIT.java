package org.neuroarchive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neuroarchive.it.AdminCalls.basic;
import static org.neuroarchive.it.AdminCalls.strings;
import static org.neuroarchive.it.AdminCalls.unique;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Accounts, projects and grants through the REST API: an administrator creates users and projects and
 * grants NiDB's permissions; a project admin grants only on its own project; a viewer creates no users;
 * passwords are changed by their owner with the current one; the last administrator stays; every
 * change leaves an audit row naming who did it.
 */
@ExtendWith(ArquillianExtension.class)
class AccountsApiIT {

    private final ArchiveApi api = new ArchiveApi();
    private final AdminCalls admin = new AdminCalls(api);

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Incoming.builtEar();
    }

    @Test
    void anAdministratorCreatesUsersAndGrantsThemAProject() throws Exception {
        String login = unique("alice");
        JsonObject created = admin.createUser(login, "viewer");
        assertEquals(login, created.getString("login"));
        assertEquals(List.of("viewer"), strings(created.getJsonArray("roles")));
        assertTrue(created.getBoolean("enabled"));
        assertEquals("local", created.getString("origin"));
        assertFalse(created.containsKey("password") || created.containsKey("passwordHash"), created.toString());
        assertEquals(200, api.get("/api/users/" + login).status());
        assertTrue(api.get("/api/users").json().asJsonArray().stream()
                .anyMatch(u -> login.equals(u.asJsonObject().getString("login"))));

        ArchiveApi alice = api.as(basic(login));
        JsonObject me = new AdminCalls(alice).me();
        assertEquals(login, me.getString("login"));
        assertEquals("user:" + login, me.getString("actor"));
        assertEquals(List.of("viewer"), strings(me.getJsonArray("roles")));
        assertEquals(0, me.getJsonArray("projects").size(), "no grant yet: no project");
        assertEquals(List.of(), alice.get("/api/projects").json().asJsonArray());

        String project = admin.createProject("Alice's study");
        ArchiveApi.Reply granted = admin.grant(project, login, "view-data", "view-phi");
        assertEquals(200, granted.status(), granted.body());
        assertEquals(List.of("view-data", "view-phi"), strings(granted.json().asJsonObject().getJsonArray("permissions")));

        JsonObject mine = new AdminCalls(alice).me().getJsonArray("projects").getJsonObject(0);
        assertEquals(project, mine.getString("costcenter"));
        assertEquals("Alice's study", mine.getString("name"));
        assertEquals(List.of("view-data", "view-phi"), strings(mine.getJsonArray("permissions")));
        assertEquals(1, alice.get("/api/projects").json().asJsonArray().size(), "alice sees her project only");
        assertTrue(api.get("/api/projects").json().asJsonArray().size() >= 3, "the admin sees every project");
        JsonObject grant = api.get("/api/projects/" + project + "/grants").json().asJsonArray().getJsonObject(0);
        assertEquals(login, grant.getString("login"));

        JsonObject row = admin.auditRow("action=grant.set&project=" + project, login).orElseThrow();
        assertEquals("user:admin", row.getString("actor"));
        assertEquals("allowed", row.getString("outcome"));
        assertTrue(admin.auditRow("actor=user:admin&action=account.create", login).isPresent());
        assertTrue(admin.auditRow("action=project.create&project=" + project, project).isPresent());

        assertEquals(204, admin.delete("/api/projects/" + project + "/grants/" + login).status());
        assertEquals(0, new AdminCalls(alice).me().getJsonArray("projects").size(), "revoked");
        assertTrue(admin.auditRow("action=grant.revoke&project=" + project, login).isPresent());
    }

    @Test
    void badInputIsRefusedWithAReason() throws Exception {
        String login = unique("dup");
        admin.createUser(login);
        assertEquals(409, api.postJson("/api/users", "{\"login\":\"" + login.toUpperCase() + "\",\"password\":\"" + AdminCalls.PASSWORD + "\"}").status(),
                "login names are unique whatever their capitals");
        ArchiveApi.Reply weak = api.postJson("/api/users", "{\"login\":\"" + unique("weak") + "\",\"password\":\"short\"}");
        assertEquals(400, weak.status());
        assertTrue(weak.body().contains("at least 12 characters"), weak.body());
        ArchiveApi.Reply role = api.postJson("/api/users", "{\"login\":\"" + unique("r") + "\",\"roles\":[\"root\"],\"password\":\""
                + AdminCalls.PASSWORD + "\"}");
        assertEquals(400, role.status());
        assertTrue(role.body().contains("unknown site role 'root'"), role.body());
        assertEquals(400, api.postJson("/api/users", "{\"login\":\"../x\",\"password\":\"" + AdminCalls.PASSWORD + "\"}").status());
        assertEquals(400, api.postJson("/api/users", "{\"login\":\"" + unique("m") + "\",\"email\":\"not an address\",\"password\":\""
                + AdminCalls.PASSWORD + "\"}").status());
        String project = admin.createProject("Bad input");
        ArchiveApi.Reply permission = admin.grant(project, login, "read-everything");
        assertEquals(400, permission.status());
        assertTrue(permission.body().contains("unknown permission"), permission.body());
        assertEquals(404, admin.grant(project, unique("nobody"), "view-data").status());
        assertEquals(404, admin.grant(unique("none"), login, "view-data").status());
        assertEquals(409, api.postJson("/api/projects", "{\"costcenter\":\"" + project + "\",\"name\":\"again\"}").status());
        assertEquals(400, api.postJson("/api/projects", "{\"costcenter\":\"a/b\",\"name\":\"slash\"}").status());
        assertEquals(400, api.postJson("/api/projects", "{\"costcenter\":\"" + unique("p") + "\",\"name\":\" \"}").status());
        assertEquals(404, api.get("/api/users/" + unique("nobody")).status());
        JsonObject refused = admin.audit("action=account.create&outcome=refused&limit=20").stream().map(JsonValue::asJsonObject)
                .filter(r -> r.getString("detail").contains("at least 12 characters")).findFirst().orElseThrow();
        assertEquals("user:admin", refused.getString("actor"));
    }

    @Test
    void aProjectAdminGrantsOnlyOnItsOwnProject() throws Exception {
        String own = admin.createProject("Bob's own");
        String seen = admin.createProject("Bob sees");
        String hidden = admin.createProject("Bob does not see");
        String bob = unique("bob");
        String carol = unique("carol");
        admin.createUser(bob, "viewer");
        admin.createUser(carol, "viewer");
        assertEquals(200, admin.grant(own, bob, "view-data", "project-admin").status());
        assertEquals(200, admin.grant(seen, bob, "view-data").status());
        AdminCalls asBob = new AdminCalls(api.as(basic(bob)));

        assertEquals(200, asBob.grant(own, carol, "view-data", "modify-data").status());
        assertEquals(200, api.as(basic(bob)).get("/api/projects/" + own + "/grants").status());
        assertEquals(403, asBob.grant(seen, carol, "view-data").status(), "seen, not administered");
        assertEquals(403, api.as(basic(bob)).get("/api/projects/" + seen + "/grants").status());
        assertEquals(404, asBob.grant(hidden, carol, "view-data").status(), "a project bob cannot see does not exist for him");
        assertEquals(404, api.as(basic(bob)).get("/api/projects/" + hidden + "/grants").status());
        assertEquals(404, api.as(basic(bob)).get("/api/projects/" + hidden).status());
        assertEquals(403, api.as(basic(bob)).postJson("/api/projects", "{\"costcenter\":\"" + unique("b") + "\",\"name\":\"x\"}").status());

        JsonObject carolsProject = new AdminCalls(api.as(basic(carol))).me().getJsonArray("projects").getJsonObject(0);
        assertEquals(own, carolsProject.getString("costcenter"));
        assertEquals(List.of("view-data", "modify-data"), strings(carolsProject.getJsonArray("permissions")));

        JsonObject byBob = admin.auditRow("action=grant.set&project=" + own, carol).orElseThrow();
        assertEquals("user:" + bob, byBob.getString("actor"));
        JsonObject refused = admin.auditRow("action=grant.set&project=" + seen + "&outcome=refused", carol).orElseThrow();
        assertEquals("user:" + bob, refused.getString("actor"));
        assertTrue(refused.getString("detail").contains("project-admin"), refused.toString());

        assertEquals(200, asBob.grant(own, carol).status(), "an empty list revokes");
        assertEquals(0, new AdminCalls(api.as(basic(carol))).me().getJsonArray("projects").size());
    }

    @Test
    void aViewerCreatesNoUsersAndReadsNoAudit() throws Exception {
        String viewer = unique("viewer");
        admin.createUser(viewer, "viewer");
        ArchiveApi asViewer = api.as(basic(viewer));
        assertEquals(403, asViewer.postJson("/api/users", "{\"login\":\"" + unique("x") + "\",\"password\":\"" + AdminCalls.PASSWORD + "\"}").status());
        assertEquals(403, asViewer.get("/api/users").status());
        assertEquals(403, new AdminCalls(asViewer).put("/api/users/" + viewer, "{\"roles\":[\"admin\"]}").status());
        assertEquals(403, asViewer.get("/api/audit").status());
        assertEquals(401, api.send(HttpRequest.newBuilder(URI.create(ArchiveApi.arquillianBaseUrl() + "/api/me")).GET().build()).status());
        assertEquals(415, api.send(api.request("/api/users").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build()).status());
    }

    @Test
    void passwordsAreChangedByTheirOwnerWithTheCurrentOne() throws Exception {
        String dana = unique("dana");
        String eve = unique("eve");
        admin.createUser(dana, "viewer");
        admin.createUser(eve, "viewer");
        AdminCalls asDana = new AdminCalls(api.as(basic(dana)));
        String newPassword = "dana-new-password-1";
        assertEquals(403, asDana.put("/api/users/" + dana + "/password",
                "{\"password\":\"" + newPassword + "\",\"currentPassword\":\"wrong-password-123\"}").status());
        assertEquals(403, asDana.put("/api/users/" + eve + "/password",
                "{\"password\":\"" + newPassword + "\",\"currentPassword\":\"" + AdminCalls.PASSWORD + "\"}").status(),
                "only one's own password");
        assertEquals(400, asDana.put("/api/users/" + dana + "/password",
                "{\"password\":\"short\",\"currentPassword\":\"" + AdminCalls.PASSWORD + "\"}").status());
        assertEquals(204, asDana.put("/api/users/" + dana + "/password",
                "{\"password\":\"" + newPassword + "\",\"currentPassword\":\"" + AdminCalls.PASSWORD + "\"}").status());
        assertEquals(200, api.as(Credentials.basic(dana, newPassword)).get("/api/me").status());
        assertEquals(401, api.as(basic(dana)).get("/api/me").status(), "the old password is gone");

        assertEquals(204, admin.put("/api/users/" + dana + "/password", "{\"password\":\"reset-by-admin-1\"}").status());
        assertEquals(200, api.as(Credentials.basic(dana, "reset-by-admin-1")).get("/api/me").status());
        assertEquals("user:admin", admin.auditRow("action=account.password&outcome=allowed", dana).orElseThrow().getString("actor"));
        assertEquals("user:" + dana, admin.auditRow("action=account.password&outcome=refused&actor=" + dana, eve).orElseThrow()
                .getString("actor"));
    }

    @Test
    void anAccountIsChangedAndDisabled() throws Exception {
        String frank = unique("frank");
        admin.createUser(frank, "viewer");
        ArchiveApi.Reply changed = admin.put("/api/users/" + frank,
                "{\"fullName\":\"Frank Changed\",\"email\":\"frank@example.org\",\"roles\":[\"importer\",\"reviewer\"]}");
        assertEquals(200, changed.status(), changed.body());
        JsonObject view = changed.json().asJsonObject();
        assertEquals("Frank Changed", view.getString("fullName"));
        assertEquals(List.of("importer", "reviewer"), strings(view.getJsonArray("roles")));
        assertEquals(200, api.as(basic(frank)).get("/api/held").status(), "a reviewer now");
        assertEquals(200, admin.put("/api/users/" + frank, "{\"enabled\":false}").status());
        assertEquals(401, api.as(basic(frank)).get("/api/me").status(), "disabled");
        JsonObject row = admin.auditRow("action=account.update&actor=admin", frank).orElseThrow();
        assertTrue(row.getString("detail").contains("disabled"), row.toString());
    }

    @Test
    void theLastEnabledAdministratorStays() throws Exception {
        List<String> otherAdmins = new ArrayList<>();
        for (JsonValue value : api.get("/api/users").json().asJsonArray()) {
            JsonObject user = value.asJsonObject();
            if (user.getBoolean("enabled") && strings(user.getJsonArray("roles")).contains("admin")
                    && !user.getString("login").equals(Credentials.ADMIN)) {
                otherAdmins.add(user.getString("login"));
            }
        }
        String second = unique("admin");
        admin.createUser(second, "admin");
        try {
            for (String other : otherAdmins) {
                assertEquals(200, admin.put("/api/users/" + other, "{\"enabled\":false}").status());
            }
            assertEquals(200, admin.put("/api/users/" + second, "{\"roles\":[\"viewer\"]}").status(),
                    "demoting an administrator while another is left");
            ArchiveApi.Reply disable = admin.put("/api/users/admin", "{\"enabled\":false}");
            assertEquals(409, disable.status(), disable.body());
            assertTrue(disable.body().contains("last enabled administrator"), disable.body());
            assertEquals(409, admin.put("/api/users/admin", "{\"roles\":[\"viewer\"]}").status());
            assertEquals(200, api.get("/api/me").status(), "admin still works");
            JsonObject refused = admin.auditRow("action=account.update&outcome=refused", Credentials.ADMIN).orElseThrow();
            assertEquals("user:admin", refused.getString("actor"));
        } finally {
            for (String other : otherAdmins) {
                admin.put("/api/users/" + other, "{\"enabled\":true}");
            }
        }
    }
}

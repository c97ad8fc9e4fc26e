package org.neuroarchive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neuroarchive.it.Incoming.DATA;
import static org.neuroarchive.it.Incoming.drop;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.neuroarchive.testing.SyntheticSeries;

/**
 * NiDB's per-project permissions, checked on every REST call and every screen the build contains: two
 * projects with a subject each, and users who may see only project A, with or without its PHI. Nothing of
 * project B ever reaches them (404 for its objects, absent from every list), A's patient fields only with
 * view-PHI, and a viewer changes nothing (403 on every state change).
 */
@ExtendWith(ArquillianExtension.class)
class PermissionsIT {

    private static final String BASE = ArchiveApi.arquillianBaseUrl();
    private static final String PROJECT_A = "710001";
    private static final String PROJECT_B = "710002";
    private static final String PASSWORD = "permissions-it-password";

    /** A's and B's patients: the strings that must not leak. */
    private static final String A_ID = "NA-PERM-ALICE-ID";
    private static final String A_NAME = "Alicename^Perm";
    private static final String B_ID = "NA-PERM-BOB-ID";
    private static final String B_NAME = "Bobname^Perm";

    private static final ArchiveApi admin = new ArchiveApi();
    private static String subjectA;
    private static String subjectB;
    private static final Map<String, String> idsOfB = new HashMap<>();
    private static long seriesOfB;
    private static long seriesOfA;
    private static long importOfB;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Incoming.builtEar();
    }

    @BeforeAll
    static void twoProjectsAndTheirUsers() throws Exception {
        for (String project : List.of(PROJECT_A, PROJECT_B)) {
            ArchiveApi.Reply created = admin.postJson("/api/projects", "{\"costcenter\":\"" + project + "\",\"name\":\"Permissions " + project + "\"}");
            assertTrue(created.status() == 201 || created.status() == 409, created.body());
        }
        SyntheticSeries.mr().patient(A_ID, A_NAME).study(SyntheticSeries.newUid(), "20260401", "100000", "Perm study (" + PROJECT_A + ")")
                .series(1, "T1 perm A").instances(2).writeTo(DATA.resolve("perm-source/a"), "pa");
        SyntheticSeries.mr().patient(B_ID, B_NAME).study(SyntheticSeries.newUid(), "20260402", "100000", "Perm study (" + PROJECT_B + ")")
                .series(1, "T1 perm B").instances(2).writeTo(DATA.resolve("perm-source/b"), "pb");
        drop(Incoming.filesUnder(DATA.resolve("perm-source/a")), "perm-a");
        drop(Incoming.filesUnder(DATA.resolve("perm-source/b")), "perm-b");
        subjectA = admin.awaitSubject(A_ID, Duration.ofSeconds(90));
        subjectB = admin.awaitSubject(B_ID, Duration.ofSeconds(90));

        user("perm-viewer", "viewer", PROJECT_A, "view-data");
        user("perm-phi", "viewer", PROJECT_A, "view-data", "view-phi");
        user("perm-importer", "importer", PROJECT_A, "view-data", "view-phi", "modify-data");

        seriesOfA = seriesOf(subjectA);
        seriesOfB = seriesOf(subjectB);
        SyntheticSeries.mr().patient(B_ID, B_NAME).study(SyntheticSeries.newUid(), "20260403", "100000", "Perm import")
                .series(2, "T2 perm B").instances(2).writeTo(DATA.resolve("import/perm-b"), "ib");
        ArchiveApi.Reply created = admin.postJson("/api/imports", "{\"sourcePath\":\"" + DATA.resolve("import/perm-b")
                + "\",\"project\":\"" + PROJECT_B + "\"}");
        assertEquals(201, created.status(), created.body());
        importOfB = created.json().asJsonObject().getJsonNumber("id").longValue();

        JsonObject subject = subjectWithUid(subjectB);
        idsOfB.put("id", Long.toString(subject.getJsonNumber("id").longValue()));
        idsOfB.put("costcenter", PROJECT_B);
        idsOfB.put("login", "admin");
        idsOfB.put("keyId", "0123456789abcdef");
    }

    private static void user(String login, String role, String project, String... permissions) throws Exception {
        ArchiveApi.Reply created = admin.postJson("/api/users", "{\"login\":\"" + login + "\",\"fullName\":\"" + login
                + "\",\"email\":\"" + login + "@example.org\",\"roles\":[\"" + role + "\"],\"password\":\"" + PASSWORD + "\"}");
        assertTrue(created.status() == 201 || created.status() == 409, created.body());
        ArchiveApi.Reply granted = admin.send(admin.request("/api/projects/" + project + "/grants/" + login)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"permissions\":[\"" + String.join("\",\"", permissions) + "\"]}")).build());
        assertEquals(200, granted.status(), granted.body());
    }

    /** The id of a series of the subject (found as the administrator, who sees every series). */
    private static long seriesOf(String subjectUid) throws Exception {
        for (long id = 1; id < 2000; id++) {
            ArchiveApi.Reply reply = admin.get("/api/series/" + id);
            if (reply.status() == 200 && reply.json().asJsonObject().getString("subjectUid").equals(subjectUid)) {
                return id;
            }
        }
        throw new AssertionError("no series of subject " + subjectUid);
    }

    /** The path of {@code call} with the ids of objects of one project: series, imports, subjects, projects. */
    private static String path(Endpoints.Call call, Map<String, String> ids, long series, long anImport) {
        String id = call.path().startsWith("/api/series/") ? Long.toString(series)
                : call.path().startsWith("/api/imports/") ? Long.toString(anImport) : ids.get("id");
        Map<String, String> values = new HashMap<>(ids);
        values.put("id", id);
        return call.path(values, id);
    }

    private static ArchiveApi as(String login) {
        return admin.as(Credentials.basic(login, PASSWORD));
    }

    private static JsonObject subjectWithUid(String uid) throws Exception {
        for (JsonValue value : admin.get("/api/subjects?limit=1000").json().asJsonArray()) {
            if (value.asJsonObject().getString("uid").equals(uid)) {
                return value.asJsonObject();
            }
        }
        throw new AssertionError("no subject " + uid);
    }

    @Test
    void aViewerChangesNothing() throws Exception {
        ArchiveApi viewer = as("perm-viewer");
        List<String> wrong = new ArrayList<>();
        for (Endpoints.Call call : Endpoints.calls()) {
            if (!call.changesState()) {
                continue;
            }
            HttpRequest.Builder request = viewer.request(call.path(idsOfB, "1"))
                    .header("Content-Type", call.contentType())
                    .method(call.httpMethod(), HttpRequest.BodyPublishers.ofString(call.multipart() ? "--x--\r\n" : "{}"));
            ArchiveApi.Reply reply = viewer.send(request.build());
            boolean roleGated = call.roles().stream().noneMatch(r -> r.equals("viewer") || r.equals("user") || r.equals("*"));
            if (roleGated ? reply.status() != 403 : reply.status() != 403 && reply.status() != 404) {
                wrong.add(call + " → " + reply.status() + " " + reply.body());
            }
        }
        assertEquals(List.of(), wrong, "state changes a viewer could make (403 expected; 404 for objects it cannot see)");
    }

    @Test
    void projectBNeverReachesAUserOfProjectA() throws Exception {
        List<String> leaks = new ArrayList<>();
        for (String login : List.of("perm-viewer", "perm-phi", "perm-importer")) {
            ArchiveApi user = as(login);
            for (Endpoints.Call call : Endpoints.calls()) {
                if (call.changesState()) {
                    continue;
                }
                ArchiveApi.Reply reply = user.get(path(call, idsOfB, seriesOfB, importOfB));
                if (reply.status() == 200 && containsAny(reply.body(), subjectB, B_ID, B_NAME, "Bobname")) {
                    leaks.add(login + ": " + call + " showed project B");
                }
                if (call.path().contains("{") && reply.status() == 200 && !call.path().contains("{login}")
                        && !call.path().contains("{keyId}")) {
                    leaks.add(login + ": " + call + " answered 200 for an object of project B (404 expected)");
                }
            }
            assertFalse(containsAny(user.get("/api/subjects?limit=1000").body(), subjectB), login + " lists B's subject");
            assertTrue(user.get("/api/subjects?limit=1000").body().contains(subjectA), login + " sees A's subject");
        }
        assertEquals(List.of(), leaks);
    }

    @Test
    void patientFieldsNeedViewPhi() throws Exception {
        ArchiveApi viewer = as("perm-viewer");
        List<String> leaks = new ArrayList<>();
        Map<String, String> idsOfA = Map.of("id", Long.toString(subjectWithUid(subjectA).getJsonNumber("id").longValue()),
                "costcenter", PROJECT_A, "login", "perm-viewer");
        for (Endpoints.Call call : Endpoints.calls()) {
            if (call.changesState()) {
                continue;
            }
            ArchiveApi.Reply reply = viewer.get(path(call, idsOfA, seriesOfA, 0));
            if (containsAny(reply.body(), A_ID, A_NAME, "Alicename")) {
                leaks.add(call + " showed A's patient fields without view-PHI");
            }
        }
        assertEquals(List.of(), leaks);
        String withPhi = as("perm-phi").get("/api/subjects?limit=1000").body();
        assertTrue(withPhi.contains(A_ID) && withPhi.contains("Alicename"), "view-PHI shows them: " + withPhi);
    }

    @Test
    void screensShowNeitherProjectBNorPhiWithoutTheRight() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(5)).build();
        URI base = URI.create(BASE);
        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(URI.create(BASE + "/auth/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", base.getScheme() + "://" + base.getAuthority())
                .POST(HttpRequest.BodyPublishers.ofString("username=perm-viewer&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8)
                        + "&next=/")).build(), HttpResponse.BodyHandlers.ofString());
        assertFalse(login.headers().firstValue("Location").orElse("").contains("error"), "logged in");
        List<String> leaks = new ArrayList<>();
        for (String page : Endpoints.pages()) {
            for (String query : List.of("", "?subject=" + subjectB, "?subject=" + B_ID, "?subject=Bobname", "?id=" + importOfB,
                    "?id=" + seriesOfB)) {
                HttpResponse<String> answer = browser.send(HttpRequest.newBuilder(URI.create(BASE + page + query)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                // what the query asked for may be echoed in the search field; anything else of B or of A's patient may not appear
                String asked = query.contains("=") ? query.substring(query.indexOf('=') + 1) : "\u0000";
                List<String> secrets = new ArrayList<>(List.of(subjectB, B_ID, B_NAME, "Bobname", A_ID, A_NAME, "Alicename"));
                secrets.removeIf(secret -> secret.contains(asked) || asked.contains(secret));
                if (containsAny(answer.body(), secrets.toArray(String[]::new))) {
                    leaks.add(page + query + " (" + answer.statusCode() + ")");
                }
            }
        }
        assertEquals(List.of(), leaks, "pages that showed project B or A's PHI to a viewer without view-PHI");
    }

    private static boolean containsAny(String text, String... needles) {
        return text != null && Set.of(needles).stream().anyMatch(text::contains);
    }

    static JsonArray array(ArchiveApi.Reply reply) {
        return reply.json().asJsonArray();
    }
}

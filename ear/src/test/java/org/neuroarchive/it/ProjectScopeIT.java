package org.neuroarchive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neuroarchive.it.ScopeFixture.assertHidden;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * NiDB's project permissions on reads: a user of project A finds nothing of project B (404, never 403;
 * not in lists, search, counts or logs); without view-phi on a project no patient field of it appears in
 * any JSON or page (checked on the raw text); the queues' counts and the server's paths are not shown to
 * everyone; search keywords are literal.
 */
@ExtendWith(ArquillianExtension.class)
class ProjectScopeIT {

    private static ScopeFixture fixture;
    private static ScopeFixture.Archived inA;
    private static ScopeFixture.Archived inB;
    /** view-data and view-phi on A; site role viewer. */
    private static ArchiveApi alice;
    private static String aliceLogin;
    /** view-data on A (no PHI); site role importer. */
    private static ArchiveApi bob;
    private static String bobLogin;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Incoming.builtEar();
    }

    @BeforeAll
    static void twoProjectsWithASubjectEach() throws Exception {
        fixture = new ScopeFixture(new ArchiveApi());
        inA = fixture.archive(fixture.projectA, "A");
        inB = fixture.archive(fixture.projectB, "B");
        aliceLogin = AdminCalls.unique("alice");
        alice = fixture.user(aliceLogin, List.of("viewer"), fixture.projectA, "view-data", "view-phi");
        bobLogin = AdminCalls.unique("bob");
        bob = fixture.user(bobLogin, List.of("importer"), fixture.projectA, "view-data");
    }

    @Test
    void aUserOfProjectAFindsNothingOfProjectB() throws Exception {
        ArchiveApi.Reply subjects = alice.get("/api/subjects?limit=1000");
        assertEquals(200, subjects.status(), subjects.body());
        assertEquals(List.of(inA.subjectUid()), subjects.json().asJsonArray().stream()
                .map(s -> s.asJsonObject().getString("uid")).toList(), "only the subject of project A");
        assertHidden(subjects.body(), inB.subjectUid(), inB.patientId(), inB.patientName());

        assertEquals(200, alice.get("/api/series/" + inA.seriesId()).status());
        ArchiveApi.Reply other = alice.get("/api/series/" + inB.seriesId());
        assertEquals(404, other.status(), "another project's series does not exist for her: " + other.body());
        assertEquals(404, alice.get("/api/series/" + inB.seriesId() + "/thumbnail").status());
        assertEquals(404, alice.get("/api/series/" + (inB.seriesId() + 100000)).status(), "same answer as a missing one");

        JsonObject stats = (JsonObject) alice.get("/api/stats").json();
        assertEquals(1, stats.getInt("subjects"), stats.toString());
        assertEquals(1, stats.getInt("studies"), stats.toString());
        assertEquals(1, stats.getInt("series"), stats.toString());
        assertEquals(2, stats.getInt("instances"), stats.toString());
        for (String queue : List.of("heldSeries", "failedSeries", "problemFiles", "heldFiles", "queuedSeries", "waitingFiles")) {
            assertEquals(0, stats.getInt(queue), queue + " is the reviewers' business: " + stats);
        }

        String search = alice.get("/search?subject=" + inB.subjectUid()).body();
        assertTrue(search.contains("0 series found"), search);
        assertHidden(alice.get("/search?series=" + encode(inB.seriesDescription())).body(), inB.subjectUid(),
                inB.patientName());
        assertTrue(alice.get("/search?series=" + encode(inA.seriesDescription())).body().contains("1 series found"));

        JsonArray logB = alice.get("/api/import-logs?q=" + inB.subjectUid()).json().asJsonArray();
        assertEquals(0, logB.size(), "project B's log lines: " + logB);
        JsonArray logA = alice.get("/api/import-logs?q=" + inA.subjectUid()).json().asJsonArray();
        assertFalse(logA.isEmpty(), "project A's log lines are hers");
        assertTrue(logA.stream().allMatch(l -> l.asJsonObject().getString("actor").equals("system")),
                "the global import works as the system: " + logA);

        for (String page : List.of("/", "/receiver", "/logs", "/imports")) {
            ArchiveApi.Reply shown = alice.get(page);
            assertEquals(200, shown.status(), page);
            assertHidden(shown.body(), inB.subjectUid(), inB.patientName(), inB.patientId());
        }
    }

    @Test
    void withoutViewPhiNoPatientFieldAppears() throws Exception {
        ArchiveApi.Reply subjects = bob.get("/api/subjects");
        assertEquals(200, subjects.status());
        assertTrue(subjects.body().contains(inA.subjectUid()), subjects.body());
        assertHidden(subjects.body(), inA.patientId(), inA.patientName(), "patientName", "birthDate", "alternateUids");
        assertHidden(bob.get("/api/series/" + inA.seriesId()).body(), inA.patientId(), inA.patientName());
        assertHidden(bob.get("/api/import-logs?q=" + inA.subjectUid()).body(), inA.patientId(), inA.patientName());

        String bySubject = bob.get("/search?subject=" + inA.subjectUid()).body();
        assertTrue(bySubject.contains("1 series found"), bySubject);
        assertHidden(bySubject, inA.patientName(), inA.patientId());
        assertTrue(bob.get("/search?subject=" + inA.patientId()).body().contains("0 series found"),
                "alternate UIDs are searched only where he may see them");
        for (String page : List.of("/", "/receiver", "/logs", "/status")) {
            assertHidden(bob.get(page).body(), inA.patientName(), inA.patientId());
        }

        ArchiveApi.Reply withPhi = alice.get("/api/subjects");
        assertTrue(withPhi.body().contains(inA.patientName()) && withPhi.body().contains(inA.patientId()), withPhi.body());
        assertTrue(alice.get("/search?subject=" + inA.patientId()).body().contains(inA.patientName()));
        JsonArray reads = fixture.audit("actor=user:" + aliceLogin + "&action=subject.read");
        assertFalse(reads.isEmpty(), "her PHI read is audited");
        assertTrue(reads.getJsonObject(0).getBoolean("phiShown"), reads.toString());
        assertEquals(0, fixture.audit("actor=user:" + bobLogin + "&action=subject.read").size(),
                "a read without patient data is not a PHI read");
    }

    @Test
    void aViewerGets403OnEveryStateChange() throws Exception {
        List<String> changes = List.of("/api/incoming/scan", "/api/imports", "/api/imports/1/archive",
                "/api/imports/1/cancel", "/api/imports/1/reparse", "/api/held/1/release", "/api/held/1/discard",
                "/api/failed/1/retry", "/api/problems/1/reimport");
        for (String change : changes) {
            ArchiveApi.Reply reply = alice.postJson(change, "{}");
            assertEquals(403, reply.status(), change + ": " + reply.body());
        }
        assertEquals(403, bob.get("/api/held").status(), "the queues are the reviewers'");
        assertEquals(403, bob.postJson("/api/held/1/release", "{\"patientId\":\"X\"}").status());
    }

    @Test
    void statusShowsServerPathsToAdminsOnly() throws Exception {
        String dataDir = Incoming.DATA.toAbsolutePath().toString();
        assertTrue(fixture.api.get("/status").body().contains(dataDir), "the admin sees where the folders are");
        String status = bob.get("/status").body();
        assertHidden(status, dataDir);
        assertTrue(status.contains("archive"), "the folder names are shown");
    }

    @Test
    void searchKeywordsAreLiteral() throws Exception {
        assertTrue(fixture.api.get("/search?series=" + encode(inA.seriesDescription())).body().contains("1 series found"));
        String wildcard = fixture.api.get("/search?series=%25").body();
        assertTrue(wildcard.contains("0 series found"), "% matches only a % in a description");
        String underscore = fixture.api.get("/search?series=scope_series").body();
        assertTrue(underscore.contains("0 series found"), "_ matches only a _");
        assertTrue(fixture.api.get("/api/import-logs?q=%25").json().asJsonArray().stream().map(JsonValue::asJsonObject)
                .allMatch(l -> (l.getString("fileName") + l.getString("message")).contains("%")));
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }
}

package org.neuroarchive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neuroarchive.it.Incoming.DATA;
import static org.neuroarchive.it.ScopeFixture.assertHidden;
import static org.neuroarchive.it.ScopeFixture.rows;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.neuroarchive.testing.SyntheticSeries;

/**
 * NiDB's project permissions on changes: individual imports are seen by their creator, admins and the
 * viewers of their project (others: 404), changed by their creator or an admin (others who see them:
 * 403); archiving or releasing needs modify-data on the project the series goes to (a refused series
 * stays staged or held with the reason); each action writes one audit row naming its actor.
 */
@ExtendWith(ArquillianExtension.class)
class ScopedImportsIT {

    private static final Path ROOTS = DATA.resolve("import");

    private static ScopeFixture fixture;
    private static final ImportApi imports = new ImportApi();
    /** importer; view-data and modify-data on A (no PHI). */
    private static ArchiveApi bob;
    private static String bobLogin;
    /** importer and reviewer; view-data on B. */
    private static ArchiveApi carol;
    private static String carolLogin;
    /** importer; view-data on A. */
    private static ArchiveApi dave;
    /** viewer; view-data and view-phi on A. */
    private static ArchiveApi alice;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Incoming.builtEar();
    }

    @BeforeAll
    static void projectsAndPeople() throws Exception {
        fixture = new ScopeFixture(new ArchiveApi());
        bobLogin = AdminCalls.unique("bob");
        bob = fixture.user(bobLogin, List.of("importer"), fixture.projectA, "view-data", "modify-data");
        carolLogin = AdminCalls.unique("carol");
        carol = fixture.user(carolLogin, List.of("importer", "reviewer"), fixture.projectB, "view-data");
        dave = fixture.user(AdminCalls.unique("dave"), List.of("importer"), fixture.projectA, "view-data");
        alice = fixture.user(AdminCalls.unique("alice"), List.of("viewer"), fixture.projectA, "view-data", "view-phi");
    }

    @Test
    void anImportIsSeenByItsCreatorAndItsProjectAndChangedByItsCreator() throws Exception {
        String patientId = AdminCalls.unique("NA-SCOPE-IMP-");
        String patientName = "Import^" + AdminCalls.unique("p");
        Path source = staged(patientId, patientName, "Research");
        long id = create(bob, source, ",\"project\":\"" + fixture.projectA + "\"");
        imports.await(id, "parsingcomplete");

        JsonObject own = (JsonObject) bob.get("/api/imports/" + id).json();
        assertEquals("user:" + bobLogin, own.getString("createdBy"));
        assertEquals(patientId, own.getJsonArray("subjects").getJsonObject(0).getString("patientId"),
                "its creator sees the patient fields of what he imports");
        assertTrue(own.getBoolean("mayAct"));
        ArchiveApi.Reply withPhi = alice.get("/api/imports/" + id);
        assertEquals(200, withPhi.status());
        assertTrue(withPhi.body().contains(patientName), "view-phi on the import's project");
        ArchiveApi.Reply masked = dave.get("/api/imports/" + id);
        assertEquals(200, masked.status(), "view-data on the import's project");
        assertHidden(masked.body(), patientId, patientName);
        assertFalse(masked.json().asJsonObject().getBoolean("mayAct"));

        assertEquals(404, carol.get("/api/imports/" + id).status(), "an import of another project does not exist for her");
        assertHidden(carol.get("/api/imports?limit=1000").body(), "\"id\":" + id + ",");
        assertEquals(404, carol.post("/api/imports/" + id + "/archive").status());
        assertEquals(0, carol.get("/api/import-logs?q=import%20" + id).json().asJsonArray().size());
        assertEquals(403, dave.post("/api/imports/" + id + "/archive").status(), "only its creator or an admin");
        assertEquals(403, dave.post("/api/imports/" + id + "/cancel").status());
        assertEquals(403, alice.post("/api/imports/" + id + "/archive").status(), "a viewer changes nothing");

        assertEquals(202, bob.post("/api/imports/" + id + "/archive").status());
        imports.await(id, "archivecomplete");
        String subjectUid = fixture.api.subjectUid(patientId);
        assertTrue(subjectUid != null && fixture.api.get("/search?subject=" + subjectUid).body().contains("1 series found"));
        JsonArray log = bob.get("/api/import-logs?q=" + subjectUid).json().asJsonArray();
        assertFalse(log.isEmpty());
        assertTrue(log.stream().allMatch(l -> l.asJsonObject().getString("actor").equals("user:" + bobLogin)),
                "the archive worked on his behalf: " + log);
        assertHidden(fixture.api.get("/api/import-logs?q=import%20" + id).body(), patientId, patientName);

        JsonArray audit = fixture.audit("actor=user:" + bobLogin);
        assertEquals(1, rows(audit, "import.create").size(), audit.toString());
        JsonObject archived = rows(audit, "import.archive").get(0);
        assertEquals(1, rows(audit, "import.archive").size());
        assertEquals(fixture.projectA, archived.getString("project"));
        assertEquals("allowed", archived.getString("outcome"));
        List<JsonObject> series = rows(audit, "series.archive");
        assertEquals(1, series.size(), audit.toString());
        assertEquals("allowed", series.get(0).getString("outcome"));
        assertEquals(fixture.projectA, series.get(0).getString("project"));
        assertEquals(2, fixture.audit("action=import.archive&outcome=refused").stream().map(JsonValue::asJsonObject)
                .filter(r -> String.valueOf(id).equals(r.getString("objectId", null))).count(),
                "dave's and carol's attempts are recorded as refused");
        assertTrue(rows(fixture.audit("action=import.read&project=" + fixture.projectA), "import.read").stream()
                .allMatch(r -> r.getBoolean("phiShown")));

        // the same files imported by someone who may not see project A: what they match there is not shown
        long again = create(carol, source, "");
        JsonObject theirs = imports.await(again, "parsingcomplete");
        assertTrue(theirs.getJsonArray("subjects").getJsonObject(0).get("matches").getValueType()
                == JsonValue.ValueType.OBJECT, "the admin sees the match");
        ArchiveApi.Reply hers = carol.get("/api/imports/" + again);
        assertHidden(hers.body(), subjectUid, "\"matches\"");
    }

    @Test
    void anImportIntoAProjectNeedsModifyDataOnIt() throws Exception {
        Path source = staged(AdminCalls.unique("NA-SCOPE-RO-"), "Read^Only", "Research");
        ArchiveApi.Reply readOnly = dave.postJson("/api/imports", body(source, ",\"project\":\"" + fixture.projectA + "\""));
        assertEquals(403, readOnly.status(), readOnly.body());
        assertTrue(readOnly.body().contains("may not modify project " + fixture.projectA), readOnly.body());
        ArchiveApi.Reply unknown = dave.postJson("/api/imports", body(source, ",\"project\":\"" + fixture.projectB + "\""));
        assertEquals(400, unknown.status(), "a project he holds nothing on is answered like an unknown one");
        assertEquals(2, fixture.audit("action=import.create&outcome=refused").stream()
                .filter(r -> r.asJsonObject().getString("actor").startsWith("user:dave")).count());
    }

    @Test
    void archivingIntoAProjectWithoutModifyDataIsRefusedAndTheSeriesStaysStaged() throws Exception {
        String patientId = AdminCalls.unique("NA-SCOPE-REF-");
        Path source = staged(patientId, "Refused^Rita", "Study (" + fixture.projectB + ")");
        long id = create(carol, source, "");
        imports.await(id, "parsingcomplete");
        assertEquals(202, carol.post("/api/imports/" + id + "/archive").status());
        JsonObject failed = imports.await(id, "archiveerror");
        JsonObject series = ImportApi.series(failed).get(0);
        assertEquals("held", series.getString("status"), "refused is held, as for a series the scan claimed");
        assertTrue(series.getString("message").contains("user:" + carolLogin + " may not modify project " + fixture.projectB),
                series.toString());
        assertTrue(Files.isDirectory(DATA.resolve("staging/import-" + id)), "the series stays staged");
        assertNull(fixture.api.subjectUid(patientId), "nothing archived");
        List<JsonObject> refused = rows(fixture.audit("actor=user:" + carolLogin + "&action=series.archive"), "series.archive");
        assertEquals(1, refused.size());
        assertEquals("refused", refused.get(0).getString("outcome"));
        assertEquals(fixture.projectB, refused.get(0).getString("project"));
    }

    @Test
    void releasingAHeldSeriesNeedsModifyDataOnItsProject() throws Exception {
        String description = "held " + AdminCalls.unique("s");
        List<Path> files = SyntheticSeries.mr().patient("", "").study(SyntheticSeries.newUid(), "20260502", "100000",
                "Held (" + fixture.projectB + ")").series(4, description).instances(2)
                .writeTo(DATA.resolve("scope-source").resolve(description.replace(' ', '-')), "h");
        Incoming.drop(files, "scope/" + description.replace(' ', '-'));
        fixture.api.post("/api/incoming/scan");
        long held = awaitHeld(description);

        String release = "/api/held/" + held + "/release";
        ArchiveApi.Reply other = carol.postJson(release, "{\"patientId\":\"NA-SCOPE-HELD\",\"project\":\"" + fixture.projectA + "\"}");
        assertEquals(400, other.status(), "a project she holds nothing on: " + other.body());
        ArchiveApi.Reply resolved = carol.postJson(release, "{\"patientId\":\"NA-SCOPE-HELD\"}");
        assertEquals(403, resolved.status(), "its StudyDescription says project B, which she may only view: " + resolved.body());
        assertEquals(200, fixture.admin.grant(fixture.projectB, carolLogin, "view-data", "modify-data").status());
        String patientId = AdminCalls.unique("NA-SCOPE-HELD-");
        assertEquals(202, carol.postJson(release, "{\"patientId\":\"" + patientId + "\"}").status());
        String subjectUid = fixture.api.awaitSubject(patientId, ScopeFixture.WITHIN);
        assertTrue(carol.get("/api/subjects").body().contains(subjectUid), "filed in project B");

        JsonArray audit = fixture.audit("actor=user:" + carolLogin + "&action=held.release");
        assertEquals(List.of("allowed", "refused", "refused"), audit.stream()
                .map(r -> r.asJsonObject().getString("outcome")).toList());
        assertEquals(1, rows(fixture.audit("actor=user:" + carolLogin + "&action=series.archive&project="
                + fixture.projectB + "&outcome=allowed"), "series.archive").size());
        JsonArray log = carol.get("/api/import-logs?q=" + subjectUid).json().asJsonArray();
        assertTrue(log.stream().allMatch(l -> l.asJsonObject().getString("actor").equals("user:" + carolLogin)), log.toString());
        assertHidden(fixture.api.get("/api/import-logs?q=released").body(), patientId);
    }

    @Test
    void everyActionWritesOneAuditRowNamingItsActor() throws Exception {
        Path source = staged(AdminCalls.unique("NA-SCOPE-AUD-"), "Audit^Amy", "Research");
        String project = ",\"project\":\"" + fixture.projectA + "\"";
        long id = create(bob, source, project);
        imports.await(id, "parsingcomplete");
        assertEquals(202, bob.postJson("/api/imports/" + id + "/reparse", "{\"seriesCriteria\":\"seriesuid\"" + project + "}")
                .status());
        imports.await(id, "parsingcomplete");
        assertEquals(200, bob.post("/api/imports/" + id + "/cancel").status());
        assertEquals(202, bob.post("/api/incoming/scan").status());
        assertEquals(404, carol.post("/api/held/999999999/discard").status());
        assertEquals(404, carol.post("/api/failed/999999999/retry").status());
        assertEquals(404, carol.post("/api/problems/999999999/reimport").status());

        JsonArray byBob = fixture.audit("actor=user:" + bobLogin);
        for (String action : List.of("import.create", "import.reparse", "import.cancel")) {
            List<JsonObject> rows = rows(byBob, action).stream()
                    .filter(r -> String.valueOf(id).equals(r.getString("objectId", null))).toList();
            assertEquals(1, rows.size(), action + ": " + byBob);
            assertEquals("allowed", rows.get(0).getString("outcome"));
            assertEquals(fixture.projectA, rows.get(0).getString("project"));
        }
        assertEquals(1, rows(byBob, "scan.trigger").size(), byBob.toString());
        JsonArray byCarol = fixture.audit("actor=user:" + carolLogin);
        for (String action : List.of("held.discard", "failed.retry", "problem.reimport")) {
            List<JsonObject> rows = rows(byCarol, action);
            assertEquals(1, rows.size(), action + ": " + byCarol);
            assertEquals("refused", rows.get(0).getString("outcome"), "no such series: " + rows.get(0));
        }
    }

    private static Path staged(String patientId, String patientName, String studyDescription) {
        Path source = ROOTS.resolve("scope").resolve(AdminCalls.unique("visit-")); // not named after the patient
        SyntheticSeries.mr().patient(patientId, patientName)
                .study(SyntheticSeries.newUid(), "20260503", "110000", studyDescription)
                .series(1, "T1").instances(2).writeTo(source, "s");
        return source;
    }

    private static String body(Path source, String options) {
        return "{\"sourcePath\":" + Json.createValue(source.toString()) + options + "}";
    }

    private static long create(ArchiveApi as, Path source, String options) throws Exception {
        ArchiveApi.Reply reply = as.postJson("/api/imports", body(source, options));
        assertEquals(201, reply.status(), reply.body());
        return reply.json().asJsonObject().getJsonNumber("id").longValue();
    }

    private static long awaitHeld(String seriesDescription) throws Exception {
        long deadline = System.nanoTime() + ScopeFixture.WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            for (JsonValue value : carol.get("/api/held?limit=1000").json().asJsonArray()) {
                if (seriesDescription.equals(value.asJsonObject().getString("seriesDescription", null))) {
                    return value.asJsonObject().getJsonNumber("id").longValue();
                }
            }
            Thread.sleep(250);
        }
        throw new AssertionError("series '" + seriesDescription + "' was not held");
    }
}

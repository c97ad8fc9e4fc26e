package org.neuroarchive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neuroarchive.it.Incoming.ARCHIVE;
import static org.neuroarchive.it.Incoming.DATA;
import static org.neuroarchive.it.Incoming.drop;
import static org.neuroarchive.it.Incoming.filesUnder;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.neuroarchive.matching.entity.IdentifierHash;
import org.neuroarchive.testing.SyntheticSeries;

/**
 * What a person sees and does when the rules cannot decide: held series (blank PatientID, no
 * StudyDate) released or discarded, failed series retried, problem files listed and re-imported;
 * and the import log and scan summaries that explain it all.
 */
@ExtendWith(ArquillianExtension.class)
class ReviewQueuesIT {

    private static final Duration WITHIN = Duration.ofSeconds(60);
    private static final Path SOURCE = DATA.resolve("review-source");

    private final ArchiveApi api = new ArchiveApi();

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Incoming.builtEar();
    }

    @Test
    void aSeriesWithoutPatientIdIsHeldAndReleasedUnderTheGivenOne() throws Exception {
        JsonObject before = api.stats();
        List<Path> files = SyntheticSeries.mr().patient("", "").series(2, "anonymous T2").instances(3)
                .writeTo(SOURCE.resolve("blank-id"), "b");
        drop(files, "blank-id");
        api.post("/api/incoming/scan");

        api.awaitStats(s -> s.getInt("heldFiles") == before.getInt("heldFiles") + 3 && s.getInt("queuedSeries") == 0, WITHIN);
        JsonObject held = findHeld("blank PatientID");
        assertEquals(3, held.getInt("fileCount"));
        assertEquals(2, held.getInt("seriesNumber"));
        long id = held.getJsonNumber("id").longValue();

        assertEquals(400, api.postJson("/api/held/" + id + "/release", "{\"patientId\":\"  \"}").status());
        ArchiveApi.Reply noProject = api.postJson("/api/held/" + id + "/release",
                "{\"patientId\":\"NA-IT-HELD\",\"project\":\"000000\"}");
        assertEquals(400, noProject.status());
        assertTrue(noProject.body().contains("no project with cost center 000000"), noProject.body());

        assertEquals(202, api.postJson("/api/held/" + id + "/release", "{\"patientId\":\"NA-IT-HELD\",\"project\":\"888888\"}").status());
        String uid = api.awaitSubject("NA-IT-HELD", WITHIN);
        assertEquals(3, filesUnder(ARCHIVE.resolve(uid).resolve("1/2/dicom")).size());
        JsonObject after = api.stats();
        assertEquals(before.getInt("heldFiles"), after.getInt("heldFiles"));
        assertEquals(before.getInt("instances") + 3, after.getInt("instances"));
        assertEquals(409, api.postJson("/api/held/" + id + "/release", "{\"patientId\":\"X\"}").status(),
                "a released series is no longer held");
    }

    @Test
    void aSeriesWithoutStudyDateIsHeldAndCanBeDiscarded() throws Exception {
        JsonObject before = api.stats();
        List<Path> files = SyntheticSeries.mr().patient("NA-IT-NODATE", "No^Date")
                .study(SyntheticSeries.newUid(), "", "", "Undated").series(1, "scout").instances(2)
                .writeTo(SOURCE.resolve("no-date"), "d");
        drop(files, "no-date");
        api.post("/api/incoming/scan");

        api.awaitStats(s -> s.getInt("heldFiles") == before.getInt("heldFiles") + 2 && s.getInt("queuedSeries") == 0, WITHIN);
        long id = findHeld("no valid StudyDate").getJsonNumber("id").longValue();
        assertEquals(200, api.post("/api/held/" + id + "/discard").status());

        JsonObject after = api.awaitStats(s -> s.getInt("problemFiles") == before.getInt("problemFiles") + 2, WITHIN);
        assertEquals(before.getInt("heldFiles"), after.getInt("heldFiles"));
        assertEquals(before.getInt("instances"), after.getInt("instances"));
        JsonArray problems = api.get("/api/problems?limit=2").json().asJsonArray();
        assertTrue(problems.getJsonObject(0).getString("reason").startsWith("discarded from review: no valid StudyDate"));
        assertEquals(404, api.post("/api/held/999999/discard").status());
    }

    @Test
    void aPatientIdThatIsTheSha1OfAKnownIdFindsThatSubject() throws Exception {
        List<Path> first = SyntheticSeries.mr().patient("NA-IT-HASHED", "Hash^Hanna").series(1, "T1").instances(1)
                .writeTo(SOURCE.resolve("hash-1"), "h");
        drop(first, "hash-1");
        api.post("/api/incoming/scan");
        String uid = api.awaitSubject("NA-IT-HASHED", WITHIN);

        List<Path> second = SyntheticSeries.mr().patient(IdentifierHash.sha1("NA-IT-HASHED"), "Hash^Hanna")
                .series(9, "DWI").instances(2).writeTo(SOURCE.resolve("hash-2"), "h");
        drop(second, "hash-2");
        api.post("/api/incoming/scan");
        api.awaitStats(s -> {
            try {
                return filesUnder(ARCHIVE.resolve(uid)).stream().filter(f -> f.toString().endsWith(".dcm")).count() == 3;
            } catch (java.io.IOException e) {
                return false;
            }
        }, WITHIN);
        assertEquals(2, filesUnder(ARCHIVE.resolve(uid).resolve("2/9/dicom")).size() + filesUnder(ARCHIVE.resolve(uid).resolve("1/9/dicom")).size());
        JsonObject subject = subject(uid).orElseThrow();
        assertTrue(subject.getString("familyUid").matches("F[0-9]{4}[A-Z]{3}"), subject.toString());
    }

    @Test
    void aSeriesThatKeepsFailingBecomesFailedAndCanBeRetried() throws Exception {
        List<Path> first = SyntheticSeries.mr().patient("NA-IT-FAIL", "Fail^Fred").series(1, "T1").instances(1)
                .writeTo(SOURCE.resolve("fail-1"), "f");
        drop(first, "fail-1");
        api.post("/api/incoming/scan");
        String uid = api.awaitSubject("NA-IT-FAIL", WITHIN);
        Path blocked = ARCHIVE.resolve(uid).resolve("1/6");
        Files.writeString(blocked, "a file where series 6 must go");
        JsonObject before = api.stats();

        drop(SyntheticSeries.mr().patient("NA-IT-FAIL", "Fail^Fred").series(6, "ASL").instances(2)
                .writeTo(SOURCE.resolve("fail-6"), "f"), "fail-6");
        api.post("/api/incoming/scan");
        api.awaitStats(s -> s.getInt("failedSeries") == before.getInt("failedSeries") + 1, WITHIN);
        JsonArray failed = api.get("/api/failed").json().asJsonArray();
        JsonObject batch = failed.getJsonObject(failed.size() - 1);
        assertTrue(batch.getString("reason").contains("failed"), batch.toString());
        assertEquals(2, filesUnder(Incoming.CLAIMS).stream().filter(p -> p.toString().contains("fail-6")).count(),
                "the files wait in their claim folder");

        Files.delete(blocked);
        assertEquals(202, api.post("/api/failed/" + batch.getJsonNumber("id").longValue() + "/retry").status());
        api.awaitStats(s -> s.getInt("failedSeries") == before.getInt("failedSeries")
                && s.getInt("instances") == before.getInt("instances") + 2, WITHIN);
        assertEquals(2, filesUnder(ARCHIVE.resolve(uid).resolve("1/6/dicom")).size());
    }

    @Test
    void problemFilesHaveReasonsAndCanBeReimported() throws Exception {
        JsonObject before = api.stats();
        Path junk = Files.writeString(Files.createDirectories(SOURCE.resolve("junk")).resolve("readme.txt"), "not DICOM");
        Path empty = Files.write(SOURCE.resolve("junk").resolve("empty.dcm"), new byte[0]);
        drop(List.of(junk, empty), "junk");
        api.post("/api/incoming/scan");
        api.awaitStats(s -> s.getInt("problemFiles") == before.getInt("problemFiles") + 2, WITHIN);

        JsonObject emptyProblem = problem("junk/empty.dcm").orElseThrow();
        assertEquals("empty file (0 bytes)", emptyProblem.getString("reason"));
        assertTrue(problem("junk/readme.txt").orElseThrow().getString("reason").startsWith("not"));

        long id = emptyProblem.getJsonNumber("id").longValue();
        assertEquals(202, api.post("/api/problems/" + id + "/reimport").status());
        assertEquals(404, api.post("/api/problems/" + id + "/reimport").status());
        // read again, and quarantined again with the same reason: a new problem row
        api.awaitStats(s -> {
            try {
                return problem("junk/empty.dcm").map(p -> p.getJsonNumber("id").longValue() != id).orElse(false);
            } catch (Exception e) {
                return false;
            }
        }, WITHIN);

        JsonArray log = api.get("/api/import-logs?q=junk/empty.dcm").json().asJsonArray();
        assertTrue(log.stream().map(JsonValue::asJsonObject).anyMatch(e -> e.getString("outcome").equals("reimported")), log.toString());
        assertTrue(log.stream().map(JsonValue::asJsonObject).filter(e -> e.getString("outcome").equals("quarantined")).count() >= 2);
        assertEquals(400, api.get("/api/import-logs?from=yesterday").status());
        assertEquals(0, api.get("/api/import-logs?to=2000-01-01").json().asJsonArray().size());

        // the scan that read the re-imported file again: one file, quarantined, nothing archived or queued
        JsonObject scan = latestCompletedScan();
        assertEquals(1, scan.getInt("filesRead"), scan.toString());
        assertEquals(0, scan.getJsonNumber("bytesRead").longValue(), scan.toString());
        assertEquals(1, scan.getInt("filesQuarantined"), scan.toString());
        assertEquals(0, scan.getInt("filesArchived"), scan.toString());
        assertEquals(0, scan.getInt("seriesQueued"), scan.toString());
    }

    /** The newest scan, once it is complete (its problem rows commit before the scan's own counters). */
    private JsonObject latestCompletedScan() throws Exception {
        long deadline = System.nanoTime() + WITHIN.toNanos();
        while (true) {
            JsonObject scan = api.get("/api/scans?limit=1").json().asJsonArray().getJsonObject(0);
            if (!scan.isNull("completedAt")) {
                return scan;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the latest scan did not complete within " + WITHIN + ": " + scan);
            }
            Thread.sleep(250);
        }
    }

    private JsonObject findHeld(String reasonStart) throws Exception {
        for (JsonValue value : api.get("/api/held?limit=1000").json().asJsonArray()) {
            if (value.asJsonObject().getString("reason").startsWith(reasonStart)) {
                return value.asJsonObject();
            }
        }
        throw new AssertionError("no held series with reason '" + reasonStart + "'");
    }

    private Optional<JsonObject> problem(String originalName) throws Exception {
        return api.get("/api/problems?limit=1000").json().asJsonArray().stream().map(JsonValue::asJsonObject)
                .filter(p -> p.getString("originalName").equals(originalName)).findFirst();
    }

    private Optional<JsonObject> subject(String uid) throws Exception {
        return api.get("/api/subjects?limit=1000").json().asJsonArray().stream().map(JsonValue::asJsonObject)
                .filter(s -> s.getString("uid").equals(uid)).findFirst();
    }
}

package org.neuroarchive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neuroarchive.it.Incoming.ARCHIVE;
import static org.neuroarchive.it.Incoming.DATA;
import static org.neuroarchive.it.Incoming.filesUnder;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.neuroarchive.testing.SyntheticSeries;

/**
 * Individual imports through the REST API: server paths with each matching criterion, selection of a
 * subset, cancel and reparse. Uploads, anonymization and hostile input are in {@link UploadImportIT}.
 */
@ExtendWith(ArquillianExtension.class)
class IndividualImportIT {

    /** The default allowed root of server-path imports. */
    static final Path ROOTS = DATA.resolve("import");

    private final ImportApi api = new ImportApi();

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Incoming.builtEar();
    }

    @Test
    void serverPathByPatientIdArchivesOnlyTheChosenSeries() throws Exception {
        Path source = ROOTS.resolve("by-patientid");
        SyntheticSeries study = SyntheticSeries.mr().patient("NA-IND-PID", "Pid^Paula")
                .study(SyntheticSeries.newUid(), "20260401", "101500", "Research");
        study.series(1, "T1").instances(3).writeTo(source.resolve("s1"), "a");
        study.series(2, "T2").instances(2).writeTo(source.resolve("s2"), "b");
        study.series(3, "FLAIR").instances(2).writeTo(source.resolve("s3"), "c");
        SyntheticSeries.mr().patient("NA-IND-PID", "Pid^Paula").modality("CT", "1.2.840.10008.5.1.4.1.1.2")
                .study(SyntheticSeries.newUid(), "20260401", "120000", "CT head").series(1, "CT").instances(2)
                .writeTo(source.resolve("ct"), "d");
        Files.writeString(source.resolve("readme.txt"), "not DICOM");

        long id = api.createFromPath(source, "\"modality\":\"MR\"");
        JsonObject parsed = api.await(id, "parsingcomplete");
        assertEquals(10, parsed.getInt("fileCount"), "every file is read, whatever it is");
        JsonArray subjects = parsed.getJsonArray("subjects");
        assertEquals(1, subjects.size());
        assertEquals("NA-IND-PID", subjects.getJsonObject(0).getString("patientId"));
        List<JsonObject> series = ImportApi.series(parsed);
        assertEquals(List.of(1, 2, 3), series.stream().map(s -> s.getInt("seriesNumber")).toList());
        assertTrue(series.stream().allMatch(s -> s.getBoolean("selected")), "MR series are selected by default");
        assertEquals(3, series.get(0).getInt("fileCount"));
        assertEquals(16, series.get(0).getInt("rows"));
        JsonArray nonmatch = parsed.getJsonArray("nonmatch");
        assertEquals(1, nonmatch.size(), "the CT series is of another modality");
        assertFalse(nonmatch.getJsonObject(0).getBoolean("selected"), "nonmatch is never selected by default");
        assertEquals(1, parsed.getJsonArray("unreadable").size());
        assertEquals("readme.txt", parsed.getJsonArray("unreadable").getJsonObject(0).getString("path"));

        long t1 = series.get(0).getJsonNumber("id").longValue();
        long flair = series.get(2).getJsonNumber("id").longValue();
        ArchiveApi.Reply archive = api.archive(id, "{\"seriesIds\":[" + t1 + "," + flair + "]}");
        assertEquals(202, archive.status(), archive.body());
        JsonObject done = api.await(id, "archivecomplete");
        assertEquals(100, done.getInt("percent"));

        String uid = api.archive().subjectUid("NA-IND-PID");
        assertNotNull(uid);
        assertEquals(Set.of("1/1", "1/3"), seriesFolders(uid));
        assertEquals(5, dicomFiles(uid).size());
        assertFalse(Files.exists(DATA.resolve("staging/import-" + id)), "staging removed when done");
        assertEquals(10, filesUnder(source).size(), "the server path is copied, never moved");
        assertTrue(ImportApi.log(done).contains("archive complete"), ImportApi.log(done));

        // parsed again, the tree now says where each series went
        ArchiveApi.Reply again = api.archive(id, null);
        assertEquals(409, again.status(), "a complete import cannot be archived again: " + again.body());
    }

    @Test
    void specificPatientIdStudyUidAndSeriesUidKeepSameNumberedSeriesApart() throws Exception {
        Path source = ROOTS.resolve("by-uids");
        String studyUid = SyntheticSeries.newUid();
        // two different series that both call themselves series 1, and files with a PatientID to ignore
        SyntheticSeries.mr().patient("WRONG-ID", "Spec^Sam").study(studyUid, "20260402", "080000", "Research")
                .series(1, "first").instances(2).writeTo(source, "x");
        SyntheticSeries.mr().patient("WRONG-ID-2", "Spec^Sam").study(studyUid, "20260402", "090000", "Research")
                .series(1, "second").instances(3).writeTo(source, "y");

        long id = api.createFromPath(source, "\"subjectCriteria\":\"specificpatientid\",\"patientId\":\"NA-IND-SPEC\","
                + "\"studyCriteria\":\"studyuid\",\"seriesCriteria\":\"seriesuid\"");
        JsonObject parsed = api.await(id, "parsingcomplete");
        assertEquals(1, parsed.getJsonArray("subjects").size());
        assertEquals("NA-IND-SPEC", parsed.getJsonArray("subjects").getJsonObject(0).getString("patientId"));
        assertEquals(1, parsed.getJsonArray("subjects").getJsonObject(0).getJsonArray("studies").size(),
                "one StudyInstanceUID, although the study times differ");
        assertEquals(2, ImportApi.series(parsed).size(), "two SeriesInstanceUIDs, although both are series 1");

        assertEquals(202, api.archive(id, null).status());
        api.await(id, "archivecomplete");
        String uid = api.archive().subjectUid("NA-IND-SPEC");
        assertNotNull(uid, "filed under the PatientID typed by the user");
        assertEquals(Set.of("1/1", "1/2"), seriesFolders(uid), "the second series 1 gets the next free number");
        assertEquals(5, dicomFiles(uid).size());
        assertEquals(null, api.archive().subjectUid("WRONG-ID"));

        // imported again by UIDs: everything matches what is archived now
        long repeat = api.createFromPath(source, "\"subjectCriteria\":\"specificpatientid\",\"patientId\":\"NA-IND-SPEC\","
                + "\"studyCriteria\":\"studyuid\",\"seriesCriteria\":\"seriesuid\"");
        JsonObject tree = api.await(repeat, "parsingcomplete");
        assertEquals(uid, tree.getJsonArray("subjects").getJsonObject(0).getJsonObject("matches").getString("name"));
        assertTrue(ImportApi.series(tree).stream().allMatch(s -> s.get("matches").getValueType() == JsonValue.ValueType.OBJECT),
                "every series matches an archived one: " + tree);
    }

    @Test
    void patientIdFromDirectoryNameSexDobStudyIdAndSeriesDate() throws Exception {
        Path source = ROOTS.resolve("by-dir");
        SyntheticSeries.mr().patient("SAME", "Dir^One").study(SyntheticSeries.newUid(), "20260403", "080000", "R")
                .series(1, "a").instances(2).writeTo(source.resolve("NA-IND-DIR-A"), "a");
        SyntheticSeries.mr().patient("SAME", "Dir^Two").study(SyntheticSeries.newUid(), "20260403", "080000", "R")
                .series(1, "b").instances(2).writeTo(source.resolve("NA-IND-DIR-B"), "b");
        long byDir = api.createFromPath(source, "\"subjectCriteria\":\"patientidfromdir\"");
        JsonObject parsed = api.await(byDir, "parsingcomplete");
        assertEquals(List.of("NA-IND-DIR-A", "NA-IND-DIR-B"), parsed.getJsonArray("subjects").stream()
                .map(s -> s.asJsonObject().getString("patientId")).sorted().toList());
        assertEquals(202, api.archive(byDir, null).status());
        api.await(byDir, "archivecomplete");
        assertNotNull(api.archive().subjectUid("NA-IND-DIR-A"));
        assertNotNull(api.archive().subjectUid("NA-IND-DIR-B"));
        assertEquals(null, api.archive().subjectUid("SAME"));

        // name+sex+birth date: two PatientIDs, one person; StudyID groups the study; series by their time
        Path people = ROOTS.resolve("by-name");
        SyntheticSeries.mr().patient("NA-IND-NSD-1", "Same^Person").study(SyntheticSeries.newUid(), "20260404", "080000", "R")
                .with("StudyID", "SID-77").with("SeriesTime", "081000").series(4, "a").instances(2).writeTo(people, "a");
        SyntheticSeries.mr().patient("NA-IND-NSD-2", "Same^Person").study(SyntheticSeries.newUid(), "20260404", "083000", "R")
                .with("StudyID", "SID-77").with("SeriesTime", "082000").series(4, "b").instances(2).writeTo(people, "b");
        long byName = api.createFromPath(people, "\"subjectCriteria\":\"namesexdob\",\"studyCriteria\":\"studyid\","
                + "\"seriesCriteria\":\"seriesdate\"");
        JsonObject grouped = api.await(byName, "parsingcomplete");
        assertEquals(1, grouped.getJsonArray("subjects").size(), "same name, sex and birth date");
        assertEquals(1, grouped.getJsonArray("subjects").getJsonObject(0).getJsonArray("studies").size(), "same StudyID");
        assertEquals(2, ImportApi.series(grouped).size(), "two SeriesDate/Times, although both are series 4");
        assertEquals(202, api.archive(byName, null).status());
        api.await(byName, "archivecomplete");
        // the series are archived in parallel: the first one creates the subject with its PatientID
        String first = api.archive().subjectUid("NA-IND-NSD-1");
        String second = api.archive().subjectUid("NA-IND-NSD-2");
        assertTrue(first == null ^ second == null, "one subject: " + first + ", " + second);
        String uid = first != null ? first : second;
        assertEquals(2, seriesFolders(uid).size(), "one subject, one study, two series: " + seriesFolders(uid));
        assertTrue(seriesFolders(uid).stream().allMatch(f -> f.startsWith("1/")), seriesFolders(uid).toString());
    }

    @Test
    void reparseWithOtherCriteriaThenCancel() throws Exception {
        Path source = ROOTS.resolve("reparse");
        String studyUid = SyntheticSeries.newUid();
        SyntheticSeries.mr().patient("NA-IND-RE", "Re^Parse").study(studyUid, "20260405", "080000", "R")
                .series(7, "one").instances(2).writeTo(source, "a");
        SyntheticSeries.mr().patient("NA-IND-RE", "Re^Parse").study(studyUid, "20260405", "080000", "R")
                .series(7, "two").instances(2).writeTo(source, "b");
        long id = api.createFromPath(source, "");
        assertEquals(1, ImportApi.series(api.await(id, "parsingcomplete")).size(), "by SeriesNumber: one series 7");

        ArchiveApi.Reply reparse = api.archive().postJson("/api/imports/" + id + "/reparse", "{\"seriesCriteria\":\"seriesuid\"}");
        assertEquals(202, reparse.status(), reparse.body());
        JsonObject again = api.await(id, "parsingcomplete");
        assertEquals(2, ImportApi.series(again).size(), "by SeriesInstanceUID: two series");
        assertEquals("seriesuid", again.getJsonObject("options").getString("seriesCriteria"));

        ArchiveApi.Reply invalid = api.archive().postJson("/api/imports/" + id + "/reparse", "{\"studyCriteria\":\"bydate\"}");
        assertEquals(400, invalid.status());
        assertTrue(invalid.contentType().startsWith("application/problem+json"), invalid.contentType());
        assertTrue(invalid.body().contains("modalitystudydate, studyuid, studyid"), invalid.body());

        ArchiveApi.Reply cancel = api.archive().post("/api/imports/" + id + "/cancel");
        assertEquals(200, cancel.status(), cancel.body());
        assertEquals("cancelled", api.detail(id).getString("status"));
        assertFalse(Files.exists(DATA.resolve("staging/import-" + id)));
        assertEquals(null, api.archive().subjectUid("NA-IND-RE"), "nothing archived");
        assertEquals(409, api.archive().post("/api/imports/" + id + "/cancel").status());
        assertEquals(404, api.archive().post("/api/imports/999999/cancel").status());
    }

    @Test
    void aSeriesThatCannotBeFiledIsReportedThenArchivedAfterAReparse() throws Exception {
        Path source = ROOTS.resolve("blank-id");
        SyntheticSeries.mr().patient("", "").study(SyntheticSeries.newUid(), "20260406", "080000", "R")
                .series(2, "anonymous").instances(2).writeTo(source, "n");
        long id = api.createFromPath(source, "");
        JsonObject parsed = api.await(id, "parsingcomplete");
        assertTrue(ImportApi.series(parsed).get(0).getString("message").contains("blank PatientID"), parsed.toString());

        assertEquals(202, api.archive(id, null).status());
        JsonObject failed = api.await(id, "archiveerror");
        assertTrue(failed.getString("message").contains("0 series archived, 1 not archived"), failed.getString("message"));
        assertEquals("held", ImportApi.series(failed).get(0).getString("status"), "the name a claimed series uses");
        assertEquals(2, filesUnder(DATA.resolve("staging/import-" + id + "/files")).size(), "its files wait in staging");

        ArchiveApi.Reply reparse = api.archive().postJson("/api/imports/" + id + "/reparse",
                "{\"subjectCriteria\":\"specificpatientid\",\"patientId\":\"NA-IND-NOW-KNOWN\"}");
        assertEquals(202, reparse.status(), reparse.body());
        api.await(id, "parsingcomplete");
        assertEquals(202, api.archive(id, null).status());
        api.await(id, "archivecomplete");
        String uid = api.archive().subjectUid("NA-IND-NOW-KNOWN");
        assertNotNull(uid);
        assertEquals(Set.of("1/2"), seriesFolders(uid));
    }

    /**
     * One series whose files disagree on PatientID (one blank) lands in two buckets by PatientID: both
     * are held for review with the reason and are not selected, so archiving the defaults does not
     * file part of the series under the first PatientID.
     */
    @Test
    void aSeriesWhoseFilesDisagreeOnPatientIdIsHeldAndNotSelected() throws Exception {
        Path source = ROOTS.resolve("mixed-ids");
        SyntheticSeries mixed = SyntheticSeries.mr().patient("NA-IND-MIXED", "Mixed^Mia")
                .study(SyntheticSeries.newUid(), "20260407", "090000", "R").series(5, "T2");
        mixed.instanceNumbers(1, 2).writeTo(source, "m");
        mixed.patient("", "").instanceNumbers(3).writeTo(source, "m");
        SyntheticSeries.mr().patient("NA-IND-MIXED", "Mixed^Mia").study(SyntheticSeries.newUid(), "20260407", "100000", "R")
                .series(6, "agreeing").instances(1).writeTo(source, "ok");

        long id = api.createFromPath(source, "");
        JsonObject parsed = api.await(id, "parsingcomplete");

        List<JsonObject> series = ImportApi.series(parsed);
        String reason = "held for review: its files disagree on PatientID (1 different PatientIDs and 1 files with a blank"
                + " one among 3 files): whose series it is is for a person to decide";
        List<JsonObject> held = series.stream().filter(s -> s.getString("message").startsWith(reason)).toList();
        assertEquals(2, held.size(), parsed.toString());
        assertTrue(held.stream().noneMatch(s -> s.getBoolean("selected")), parsed.toString());
        assertEquals(List.of(true), series.stream().filter(s -> s.getInt("seriesNumber") == 6)
                .map(s -> s.getBoolean("selected")).toList(), "the agreeing series is selected as usual");
    }

    @Test
    void theListCountsSelectedArchivedAndFailedSeriesFromTheSeriesThemselves() throws Exception {
        Path source = ROOTS.resolve("counts");
        SyntheticSeries.mr().patient("NA-IND-COUNTS", "Count^Carla").study(SyntheticSeries.newUid(), "20260407", "080000", "R")
                .series(1, "filed").instances(2).writeTo(source.resolve("a"), "a");
        SyntheticSeries.mr().patient("", "").study(SyntheticSeries.newUid(), "20260407", "090000", "R")
                .series(2, "anonymous").instances(1).writeTo(source.resolve("b"), "b");
        long id = api.createFromPath(source, "");
        api.await(id, "parsingcomplete");
        JsonObject parsed = listed(id);
        assertEquals(List.of(2, 0, 0), counts(parsed), "both MR series are selected by default: " + parsed);

        assertEquals(202, api.archive(id, null).status());
        JsonObject failed = api.await(id, "archiveerror");
        assertTrue(failed.getString("message").contains("1 series archived, 1 not archived"), failed.getString("message"));
        JsonObject summary = listed(id);
        assertEquals("archiveerror", summary.getString("status"));
        assertEquals(List.of(2, 1, 1), counts(summary), "selected, archived, failed: " + summary);
    }

    /** The import as {@code GET /api/imports} lists it. */
    private JsonObject listed(long id) throws Exception {
        return api.archive().get("/api/imports?limit=1000").json().asJsonArray().stream().map(JsonValue::asJsonObject)
                .filter(i -> i.getJsonNumber("id").longValue() == id).findFirst().orElseThrow();
    }

    private static List<Integer> counts(JsonObject summary) {
        return List.of(summary.getInt("seriesSelected"), summary.getInt("seriesArchived"), summary.getInt("seriesFailed"));
    }

    @Test
    void theListShowsNewestFirst() throws Exception {
        Path source = ROOTS.resolve("list");
        SyntheticSeries.mr().patient("NA-IND-LIST", "List^Lea").series(1, "x").instances(1).writeTo(source, "l");
        long first = api.createFromPath(source, "");
        long second = api.createFromPath(source, "");
        JsonArray list = api.archive().get("/api/imports?limit=2").json().asJsonArray();
        assertEquals(List.of(second, first), list.stream().map(v -> v.asJsonObject().getJsonNumber("id").longValue()).toList());
        api.await(first, "parsingcomplete");
        api.await(second, "parsingcomplete");
    }

    /** "study/series" folders of a subject in the archive. */
    static Set<String> seriesFolders(String uid) throws Exception {
        return dicomFiles(uid).stream().map(f -> ARCHIVE.resolve(uid).relativize(f.getParent().getParent()).toString())
                .collect(Collectors.toSet());
    }

    static List<Path> dicomFiles(String uid) throws Exception {
        List<Path> files = new ArrayList<>();
        for (Path f : filesUnder(ARCHIVE.resolve(uid))) {
            if (f.getParent().getFileName().toString().equals("dicom")) {
                files.add(f);
            }
        }
        return files;
    }

    static String text(Path file) throws Exception {
        return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
    }

    static void assertNoneContains(List<Path> files, List<String> secrets) throws Exception {
        for (Path f : files) {
            String content = text(f);
            for (String secret : secrets) {
                assertFalse(content.contains(secret), f + " still contains " + secret);
            }
        }
        assertNotEquals(0, files.size());
    }
}

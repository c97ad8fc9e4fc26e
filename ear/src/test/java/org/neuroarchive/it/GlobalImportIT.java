package org.neuroarchive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pixelmed.dicom.TransferSyntax;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.neuroarchive.dicom.DicomReader;
import org.neuroarchive.testing.SyntheticSeries;

import static org.neuroarchive.it.Incoming.ARCHIVE;
import static org.neuroarchive.it.Incoming.DATA;
import static org.neuroarchive.it.Incoming.INCOMING;
import static org.neuroarchive.it.Incoming.PROBLEM;
import static org.neuroarchive.it.Incoming.drop;
import static org.neuroarchive.it.Incoming.filesUnder;

/**
 * The global import end to end on a managed WildFly with the real EAR: files copied into incomingdir
 * are scanned, grouped, queued over JMS, archived by the MDB in NiDB's layout, and visible over REST.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GlobalImportIT {

    private static final Path SOURCE = DATA.resolve("test-source");
    private static final Duration WITHIN = Duration.ofSeconds(60);

    private static final SyntheticSeries SUBJECT_A = SyntheticSeries.mr().patient("NA-IT-A", "Alpha^Ann")
            .study(SyntheticSeries.newUid(), "20260310", "091500", "Brain^Research");

    private static JsonObject baseline;

    private final ArchiveApi api = new ArchiveApi();

    /** A count relative to what the archive held when this class started (other classes share the server). */
    private static int added(JsonObject stats, String field) {
        return stats.getInt(field) - baseline.getInt(field);
    }

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Incoming.builtEar();
    }

    @Test
    @Order(1)
    void threeSeriesOfTwoSubjectsAreArchivedInNidbsLayout() throws Exception {
        SyntheticSeries a = SUBJECT_A;
        List<Path> a1 = a.series(1, "T1 MPRAGE").instances(4).writeTo(SOURCE.resolve("a"), "a1");
        List<Path> a2 = a.series(2, "BOLD rest").instances(3).writeTo(SOURCE.resolve("a"), "a2");
        List<Path> b5 = SyntheticSeries.mr().patient("NA-IT-B", "Beta^Bob")
                .study(SyntheticSeries.newUid(), "20260311", "140000", "Research (999999)")
                .series(5, "DTI").instances(3).writeTo(SOURCE.resolve("b"), "b5");
        Path notes = Files.writeString(SOURCE.resolve("notes.txt"), "not an image\n");

        baseline = api.stats();
        drop(a1, "scanner1/a1");
        drop(a2, "scanner1/a2");
        drop(b5, "b5");
        drop(List.of(notes), "");
        assertEquals(202, api.post("/api/incoming/scan").status());

        JsonObject stats = api.awaitStats(s -> added(s, "instances") == 10 && added(s, "problemFiles") == 1
                && s.getInt("queuedSeries") == 0, WITHIN);
        assertEquals(2, added(stats, "subjects"));
        assertEquals(2, added(stats, "studies"));
        assertEquals(3, added(stats, "series"));
        assertEquals(0, added(stats, "duplicateFiles"));

        Map<String, String> uidByPatient = subjectsByAlternateUid();
        String uidA = uidByPatient.get("NA-IT-A");
        String uidB = uidByPatient.get("NA-IT-B");
        assertTrue(uidA.matches("S[0-9]{4}[A-Z]{3}"), uidA);
        assertArchived(uidA, 1, 1, 4);
        assertArchived(uidA, 1, 2, 3);
        assertArchived(uidB, 1, 5, 3);
        assertEquals(List.of(), filesUnder(INCOMING), "incomingdir is empty afterwards");
        assertTrue(Files.exists(PROBLEM.resolve(LocalDate.now().toString()).resolve("notes.txt")));

        Set<String> series = new java.util.HashSet<>();
        int firstId = baseline.getInt("series") + 1; // ids are assigned in order on a fresh database
        for (int id = firstId; id < firstId + 3; id++) {
            JsonObject view = (JsonObject) api.get("/api/series/" + id).json();
            series.add(view.getString("subjectUid") + "/" + view.getInt("studyNumber") + "/" + view.getInt("seriesNumber")
                    + ":" + view.getInt("fileCount"));
        }
        assertEquals(Set.of(uidA + "/1/1:4", uidA + "/1/2:3", uidB + "/1/5:3"), series);
    }

    @Test
    @Order(2)
    void anIdenticalCopyChangesNothingAndAConflictingOneIsQuarantined() throws Exception {
        List<Path> originals = filesUnder(SOURCE.resolve("a")).stream()
                .filter(p -> p.getFileName().toString().startsWith("a1-")).sorted().toList();
        Path copy = Files.copy(originals.get(0), SOURCE.resolve("copy.dcm"));

        String sopUid = new DicomReader().readHeader(originals.get(1)).sopInstanceUid();
        Path conflicting = SOURCE.resolve("conflict.dcm");
        SUBJECT_A.series(1, "T1 MPRAGE").build(99, sopUid)
                .write(conflicting.toFile(), TransferSyntax.ExplicitVRLittleEndian, true, true);

        drop(List.of(copy, conflicting), "resend");
        assertEquals(202, api.post("/api/incoming/scan").status());

        JsonObject stats = api.awaitStats(s -> added(s, "duplicateFiles") == 1 && added(s, "problemFiles") == 2
                && s.getInt("queuedSeries") == 0, WITHIN);
        assertEquals(10, added(stats, "instances"));
        assertEquals(3, added(stats, "series"));
        assertEquals(List.of(), filesUnder(INCOMING));
        assertTrue(Files.exists(PROBLEM.resolve(LocalDate.now().toString()).resolve("conflict.dcm")));
    }

    @Test
    @Order(3)
    void aFailedArchiveTransactionKeepsTheFilesAndIsRetriedUntilItArchivesOnce() throws Exception {
        String uidA = subjectsByAlternateUid().get("NA-IT-A");
        Path seriesDir = ARCHIVE.resolve(uidA).resolve("1").resolve("3");
        Files.createDirectories(seriesDir.getParent());
        Files.writeString(seriesDir, "a file where the series folder must go: the archive transaction fails");
        List<Path> a3 = SUBJECT_A.series(3, "FLAIR").instances(3).writeTo(SOURCE.resolve("a3"), "a3");
        drop(a3, "a3");
        assertEquals(202, api.post("/api/incoming/scan").status());

        api.awaitStats(s -> s.getInt("queuedSeries") == 1, WITHIN);
        Thread.sleep(4000); // attempts 1 to 3 fail meanwhile (retry delay 1 s, doubling)
        JsonObject blocked = api.stats();
        assertEquals(1, blocked.getInt("queuedSeries"));
        assertEquals(10, added(blocked, "instances"));
        assertEquals(3, filesUnder(DATA.resolve("incoming.claimed")).size(), "the claimed files wait, untouched");

        Files.delete(seriesDir);
        JsonObject stats = api.awaitStats(s -> s.getInt("queuedSeries") == 0 && added(s, "instances") == 13, WITHIN);
        assertEquals(4, added(stats, "series"));
        assertEquals(0, stats.getInt("failedSeries"));
        assertArchived(uidA, 1, 3, 3);
        assertEquals(List.of(), filesUnder(DATA.resolve("incoming.claimed")));

        JsonObject scan = api.get("/api/scans?limit=1").json().asJsonArray().getJsonObject(0);
        assertEquals(3, scan.getInt("filesArchived"), scan.toString());
        assertEquals(1, scan.getInt("subjectsUpdated"), scan.toString());
        assertEquals(0, scan.getInt("subjectsCreated"), scan.toString());
        assertEquals(1, scan.getInt("studiesUpdated"), scan.toString());
        assertEquals(1, scan.getInt("seriesCreated"), scan.toString());
        assertTrue(scan.containsKey("completedAt") && !scan.isNull("completedAt"), scan.toString());
    }

    @Test
    @Order(4)
    void unknownSeriesIsAProblemDocument() throws Exception {
        ArchiveApi.Reply reply = api.get("/api/series/999999");
        assertEquals(404, reply.status());
        assertTrue(reply.contentType().startsWith("application/problem+json"), reply.contentType());
        assertTrue(reply.body().contains("no series with id 999999"), reply.body());
    }

    /**
     * Files that declare an element of 2 GB in a few hundred bytes (PixelMed allocated that length and ran
     * out of memory): one inside a series, after its pixel data; one with only a SOP instance UID before
     * the element; one in a deflated data set. They end in problemdir with their reason; the rest of the
     * series is archived, and the server log has no OutOfMemoryError.
     */
    @Test
    @Order(5)
    void filesThatDeclareMoreThanTheyHoldEndInProblemdirAndTheImportGoesOn() throws Exception {
        List<Path> a6 = SUBJECT_A.series(6, "SWI").instances(4).writeTo(SOURCE.resolve("a6"), "a6");
        Path inSeries = a6.get(3);
        Files.write(inSeries, HOSTILE_TRAILER, java.nio.file.StandardOpenOption.APPEND);
        Path header = Files.write(SOURCE.resolve("a6").resolve("declares-2gb.dcm"), hostileHeader());
        Path deflated = Files.write(SOURCE.resolve("a6").resolve("deflated-2gb.dcm"), hostileDeflated());
        JsonObject before = api.stats();
        drop(filesUnder(SOURCE.resolve("a6")), "hostile");
        assertEquals(202, api.post("/api/incoming/scan").status());

        JsonObject stats = api.awaitStats(s -> s.getInt("problemFiles") == before.getInt("problemFiles") + 3
                && s.getInt("instances") == before.getInt("instances") + 3 && s.getInt("queuedSeries") == 0, WITHIN);
        assertEquals(before.getInt("series") + 1, stats.getInt("series"));
        assertArchived(subjectsByAlternateUid().get("NA-IT-A"), 1, 6, 3);
        Map<String, String> reasons = new HashMap<>();
        for (JsonValue value : api.get("/api/problems?offset=0&limit=1000").json().asJsonArray()) {
            JsonObject problem = value.asJsonObject();
            if (problem.getString("originalName").startsWith("hostile/")) {
                reasons.put(problem.getString("originalName"), problem.getString("reason"));
            }
        }
        assertEquals(Set.of("hostile/" + inSeries.getFileName(), "hostile/declares-2gb.dcm", "hostile/deflated-2gb.dcm"),
                reasons.keySet(), reasons.toString());
        reasons.forEach((name, reason) -> assertTrue(reason.contains("declares 2147483632 bytes"), name + ": " + reason));
        for (Path file : List.of(inSeries, header, deflated)) {
            assertTrue(Files.exists(PROBLEM.resolve(LocalDate.now().toString()).resolve(file.getFileName())), file.toString());
        }
        Path log = Path.of(System.getProperty("jboss.home"), "standalone", "log", "server.log");
        assertTrue(Files.readAllLines(log).stream().noneMatch(line -> line.contains("OutOfMemoryError")),
                "no OutOfMemoryError in " + log);
    }

    /**
     * A sender that re-encodes on the wire sends archived images again in other transfer syntaxes
     * (implicit VR, deflated): the same attributes and pixels, other bytes. They are duplicates, not
     * conflicting duplicates in problemdir, and the import log says so.
     */
    @Test
    @Order(6)
    void theSameImagesSentAgainInOtherTransferSyntaxesAreDuplicates() throws Exception {
        List<Path> originals = filesUnder(SOURCE.resolve("a")).stream()
                .filter(p -> p.getFileName().toString().startsWith("a2-")).sorted().toList();
        List<Path> reencoded = List.of(
                reencode(originals.get(0), TransferSyntax.ImplicitVRLittleEndian, "implicit.dcm"),
                reencode(originals.get(1), TransferSyntax.DeflatedExplicitVRLittleEndian, "deflated.dcm"));
        JsonObject before = api.stats();

        // a folder name of this run: the server log may hold an earlier run's lines (CI's second pass)
        String folder = "reencoded-" + Long.toString(System.nanoTime(), 36);
        drop(reencoded, folder);
        assertEquals(202, api.post("/api/incoming/scan").status());

        JsonObject stats = api.awaitStats(s -> s.getInt("duplicateFiles") == before.getInt("duplicateFiles") + 2
                && s.getInt("queuedSeries") == 0, WITHIN);
        assertEquals(before.getInt("problemFiles"), stats.getInt("problemFiles"), "nothing went to problemdir");
        assertEquals(before.getInt("instances"), stats.getInt("instances"));
        assertEquals(List.of(), filesUnder(INCOMING));
        Path log = Path.of(System.getProperty("jboss.home"), "standalone", "log", "server.log");
        assertEquals(2, Files.readAllLines(log).stream().filter(line -> line.contains("[DUPLICATE]") && line.contains(" " + folder + "/")
                && line.contains("same content in another encoding")).count(), "the import log says which it was");
    }

    /**
     * Files of one series with different PatientIDs (one blank) were filed under the first file's
     * identity. The series is held for review with that reason; no subject is created for it.
     */
    @Test
    @Order(7)
    void aSeriesWhoseFilesDisagreeOnPatientIdIsHeldForReview() throws Exception {
        SyntheticSeries mixed = SyntheticSeries.mr().patient("NA-IT-MIXED", "Mixed^Max")
                .study(SyntheticSeries.newUid(), "20260312", "080000", "Brain^Research").series(4, "T2 TSE");
        List<Path> files = new java.util.ArrayList<>(mixed.instanceNumbers(1, 2).writeTo(SOURCE.resolve("mixed"), "m"));
        files.addAll(mixed.patient("", "").instanceNumbers(3).writeTo(SOURCE.resolve("mixed"), "m"));
        JsonObject before = api.stats();

        drop(files, "mixed");
        assertEquals(202, api.post("/api/incoming/scan").status());

        JsonObject stats = api.awaitStats(s -> s.getInt("heldFiles") == before.getInt("heldFiles") + 3
                && s.getInt("queuedSeries") == 0, WITHIN);
        assertEquals(before.getInt("instances"), stats.getInt("instances"), "nothing filed");
        assertEquals(before.getInt("subjects"), stats.getInt("subjects"));
        List<String> reasons = api.get("/api/held?limit=1000").json().asJsonArray().stream()
                .map(v -> v.asJsonObject().getString("reason")).filter(r -> r.contains("disagree")).toList();
        assertEquals(List.of("its files disagree on PatientID (1 different PatientIDs and 1 files with a blank one among 3"
                + " files): whose series it is is for a person to decide"), reasons);
    }

    private static Path reencode(Path file, String transferSyntax, String name) throws Exception {
        com.pixelmed.dicom.AttributeList list = new com.pixelmed.dicom.AttributeList();
        list.read(file.toFile());
        list.removeMetaInformationHeaderAttributes();
        com.pixelmed.dicom.FileMetaInformation.addFileMetaInformation(list, transferSyntax, "REENCODER");
        Path target = SOURCE.resolve("reencoded").resolve(name);
        Files.createDirectories(target.getParent());
        list.write(target.toFile(), transferSyntax, true, true);
        return target;
    }

    /** (FFFC,FFFC) Data Set Trailing Padding, OB, declaring 0x7FFFFFF0 bytes, then 64 bytes. */
    private static final byte[] HOSTILE_TRAILER = concat(
            new byte[] {(byte) 0xFC, (byte) 0xFF, (byte) 0xFC, (byte) 0xFF, 'O', 'B', 0, 0,
                (byte) 0xF0, (byte) 0xFF, (byte) 0xFF, 0x7F}, new byte[64]);

    /** Part 10, explicit VR little endian: SOP instance UID, then (0019,1001) OB declaring 0x7FFFFFF0 bytes. */
    private static byte[] hostileHeader() {
        return concat(metaHeader("1.2.840.10008.1.2.1"), dataSetDeclaring2Gb());
    }

    /** The same data set, deflated. */
    private static byte[] hostileDeflated() throws IOException {
        java.io.ByteArrayOutputStream compressed = new java.io.ByteArrayOutputStream();
        try (java.util.zip.DeflaterOutputStream out = new java.util.zip.DeflaterOutputStream(compressed,
                new java.util.zip.Deflater(9, true))) {
            out.write(dataSetDeclaring2Gb());
        }
        return concat(metaHeader("1.2.840.10008.1.2.1.99"), compressed.toByteArray());
    }

    private static byte[] dataSetDeclaring2Gb() {
        return concat(new byte[] {0x08, 0, 0x18, 0, 'U', 'I', 8, 0}, "1.2.3.4\0".getBytes(),
                new byte[] {0x19, 0, 0x01, 0x10, 'O', 'B', 0, 0, (byte) 0xF0, (byte) 0xFF, (byte) 0xFF, 0x7F}, new byte[64]);
    }

    private static byte[] metaHeader(String transferSyntax) {
        byte[] uid = (transferSyntax.length() % 2 == 0 ? transferSyntax : transferSyntax + "\0").getBytes();
        byte[] element = concat(new byte[] {0x02, 0, 0x10, 0, 'U', 'I', (byte) uid.length, 0}, uid);
        return concat(new byte[128], "DICM".getBytes(), new byte[] {0x02, 0, 0, 0, 'U', 'L', 4, 0,
            (byte) element.length, 0, 0, 0}, element);
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private Map<String, String> subjectsByAlternateUid() throws Exception {
        Map<String, String> uids = new HashMap<>();
        for (JsonValue value : (JsonArray) api.get("/api/subjects").json()) {
            JsonObject subject = value.asJsonObject();
            for (JsonValue alt : subject.getJsonArray("alternateUids")) {
                uids.put(((jakarta.json.JsonString) alt).getString(), subject.getString("uid"));
            }
        }
        return uids;
    }

    static void assertArchived(String subjectUid, int studyNum, int seriesNum, int count) throws IOException {
        Path dicom = ARCHIVE.resolve(subjectUid).resolve(Integer.toString(studyNum)).resolve(Integer.toString(seriesNum))
                .resolve("dicom");
        List<Path> files = filesUnder(dicom);
        assertEquals(count, files.size(), "files in " + dicom);
        String prefix = subjectUid + "_" + studyNum + "_" + seriesNum + "_00001_";
        for (Path file : files) {
            String name = file.getFileName().toString();
            assertTrue(name.startsWith(prefix) && name.matches(".*_[0-9a-f]{32}\\.dcm"), name);
        }
        Set<String> instanceNumbers = files.stream().map(f -> f.getFileName().toString().split("_")[4])
                .collect(Collectors.toSet());
        assertEquals(count, instanceNumbers.size());
    }
}

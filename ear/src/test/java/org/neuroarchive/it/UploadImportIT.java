package org.neuroarchive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neuroarchive.it.Incoming.DATA;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.neuroarchive.dicom.DicomReader;
import org.neuroarchive.testing.SyntheticSeries;

/**
 * Individual imports by upload (multipart): a zip archived end to end, anonymization, and hostile or
 * refused input (paths outside the allowed roots, zip-slip, zip bomb, symlinks out of the root).
 */
@ExtendWith(ArquillianExtension.class)
class UploadImportIT {

    private static final Path WORK = DATA.resolveSibling("upload-it");

    private final ImportApi api = new ImportApi();

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Incoming.builtEar();
    }

    @Test
    void zipUploadIsParsedAndArchived() throws Exception {
        List<Path> files = SyntheticSeries.mr().patient("NA-UP-ZIP", "Zip^Zoe")
                .study(SyntheticSeries.newUid(), "20260410", "100000", "Research").series(3, "DTI").instances(4)
                .writeTo(WORK.resolve("zip-src/scan"), "z");
        Path zip = zip(WORK.resolve("series.zip"), WORK.resolve("zip-src"), files);

        long id = api.uploaded("{\"modality\":\"auto\",\"notes\":\"from the scanner laptop\"}", List.of(zip));
        JsonObject parsed = api.await(id, "parsingcomplete");
        assertEquals("upload", parsed.getString("source"));
        assertEquals("from the scanner laptop", parsed.getJsonObject("options").getString("notes"));
        assertEquals(4, ImportApi.series(parsed).get(0).getInt("fileCount"));
        assertEquals(202, api.archive(id, null).status());
        api.await(id, "archivecomplete");
        String uid = api.archive().subjectUid("NA-UP-ZIP");
        assertNotNull(uid);
        assertEquals(4, IndividualImportIT.dicomFiles(uid).size());
        assertFalse(Files.exists(DATA.resolve("staging/import-" + id)));
    }

    @Test
    void anonymizedUploadLeavesNoIdentifyingAttributeInTheArchive() throws Exception {
        SyntheticSeries phi = SyntheticSeries.mr().patient("NA-UP-SECRET-ID", "Secret^Person")
                .study(SyntheticSeries.newUid(), "20260411", "100000", "Research")
                .with("PatientBirthDate", "19610203").with("InstitutionName", "Secret General Hospital")
                .with("ReferringPhysicianName", "Doctor^Hidden").with("OperatorsName", "Operator^Hidden")
                .with("PatientAddress", "1 Secret Street").with("AccessionNumber", "ACC-SECRET-1")
                .series(2, "T1").instances(3);
        List<Path> files = phi.writeTo(WORK.resolve("anon-src"), "p");
        List<String> secrets = new ArrayList<>(List.of("NA-UP-SECRET-ID", "Secret^Person", "19610203", "Secret General",
                "Doctor^Hidden", "Operator^Hidden", "Secret Street", "ACC-SECRET-1", phi.studyInstanceUid(),
                phi.seriesInstanceUid()));
        for (Path f : files) {
            secrets.add(new DicomReader().readHeader(f).sopInstanceUid());
        }

        long id = api.uploaded("{\"anonymize\":true,\"subjectCriteria\":\"specificpatientid\",\"patientId\":\"NA-UP-ANON\"}",
                files);
        JsonObject parsed = api.await(id, "parsingcomplete");
        assertTrue(ImportApi.log(parsed).contains("anonymized 3 files"), ImportApi.log(parsed));
        assertEquals(202, api.archive(id, null).status());
        api.await(id, "archivecomplete");
        String uid = api.archive().subjectUid("NA-UP-ANON");
        assertNotNull(uid);
        List<Path> archived = IndividualImportIT.dicomFiles(uid);
        assertEquals(3, archived.size());
        IndividualImportIT.assertNoneContains(archived, secrets);
        assertTrue(IndividualImportIT.text(archived.get(0)).contains("YES"), "PatientIdentityRemoved");
        assertEquals(null, api.archive().subjectUid("NA-UP-SECRET-ID"));
    }

    @Test
    void pathsOutsideTheAllowedRootsAreRefusedBeforeAnythingIsRead() throws Exception {
        int before = api.archive().get("/api/imports?limit=1000").json().asJsonArray().size();
        Path root = IndividualImportIT.ROOTS;
        Files.createDirectories(root);
        assertRefused(403, "/etc");
        assertRefused(400, "relative/path");
        assertRefused(400, root + "/../incoming");
        assertRefused(400, root.resolve("does-not-exist").toString());
        Path outside = Files.createDirectories(WORK.resolve("outside"));
        SyntheticSeries.mr().patient("NA-UP-OUT", "Out^Side").series(1, "x").instances(1).writeTo(outside, "o");
        Path link = root.resolve("link-out");
        Files.deleteIfExists(link);
        Files.createSymbolicLink(link, outside);
        assertRefused(403, link.toString());
        assertRefused(403, DATA.resolve("import-other").toString()); // a prefix of the root is not the root
        assertEquals(before, api.archive().get("/api/imports?limit=1000").json().asJsonArray().size(), "no import created");

        // a folder inside the root holding a symlink out of it: the link is skipped, never followed
        Path tree = Files.createDirectories(root.resolve("with-link"));
        SyntheticSeries.mr().patient("NA-UP-IN", "In^Side").series(1, "x").instances(2).writeTo(tree, "i");
        Files.deleteIfExists(tree.resolve("escape"));
        Files.createSymbolicLink(tree.resolve("escape"), outside);
        long id = api.createFromPath(tree, "");
        JsonObject parsed = api.await(id, "parsingcomplete");
        assertEquals(2, parsed.getInt("fileCount"), "only the two files inside the root");
        assertEquals(1, parsed.getJsonArray("subjects").size());
        assertEquals("NA-UP-IN", parsed.getJsonArray("subjects").getJsonObject(0).getString("patientId"));
        assertTrue(ImportApi.log(parsed).contains("escape"), ImportApi.log(parsed));
        assertEquals(200, api.archive().post("/api/imports/" + id + "/cancel").status());
    }

    @Test
    void zipSlipEntryIsRefusedAndNothingIsWrittenOutsideStaging() throws Exception {
        Path zip = WORK.resolve("slip.zip");
        Files.createDirectories(WORK);
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("ok/file.txt"));
            out.write("fine".getBytes());
            out.putNextEntry(new ZipEntry("../../../zip-slip-evil.txt"));
            out.write("evil".getBytes());
        }
        long id = api.uploaded(null, List.of(zip));
        JsonObject failed = api.await(id, "parsingerror");
        assertTrue(failed.getString("message").contains("outside"), failed.getString("message"));
        for (Path candidate : List.of(DATA.resolve("zip-slip-evil.txt"), DATA.resolve("staging/zip-slip-evil.txt"),
                DATA.getParent().resolve("zip-slip-evil.txt"), DATA.resolve("staging/import-" + id + "/zip-slip-evil.txt"))) {
            assertFalse(Files.exists(candidate), candidate + " was written");
        }
        assertFalse(Files.exists(DATA.resolve("staging/import-" + id)), "the refused upload is removed");
        assertEquals(409, api.archive(id, null).status(), "a refused import cannot be archived");
    }

    @Test
    void zipBombIsRefusedByTheCompressionRatio() throws Exception {
        Path zip = WORK.resolve("bomb.zip");
        Files.createDirectories(WORK);
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("zeros.dcm"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 200; i++) {
                out.write(zeros);
            }
        }
        assertTrue(Files.size(zip) < 2 << 20, "200 MiB of zeros compress to " + Files.size(zip));
        long id = api.uploaded("{}", List.of(zip));
        JsonObject failed = api.await(id, "parsingerror");
        assertTrue(failed.getString("message").contains("ratio"), failed.getString("message"));
        assertFalse(Files.exists(DATA.resolve("staging/import-" + id)));
    }

    @Test
    void invalidOptionsAreRefusedWithAProblemDocument() throws Exception {
        ArchiveApi.Reply noPath = api.archive().postJson("/api/imports", "{\"modality\":\"MR\"}");
        assertEquals(400, noPath.status());
        ArchiveApi.Reply specific = api.archive().postJson("/api/imports", "{\"sourcePath\":\""
                + IndividualImportIT.ROOTS + "\",\"subjectCriteria\":\"specificpatientid\"}");
        assertEquals(400, specific.status());
        assertTrue(specific.body().contains("patientId"), specific.body());
        ArchiveApi.Reply project = api.archive().postJson("/api/imports", "{\"sourcePath\":\""
                + IndividualImportIT.ROOTS + "\",\"project\":\"no-such-project\"}");
        assertEquals(400, project.status());
        assertTrue(project.contentType().startsWith("application/problem+json"));
        ArchiveApi.Reply badJson = api.upload("{not json", List.of());
        assertEquals(400, badJson.status(), badJson.body());
    }

    private void assertRefused(int status, String path) throws Exception {
        ArchiveApi.Reply reply = api.archive().postJson("/api/imports", "{\"sourcePath\":" + jakarta.json.Json.createValue(path) + "}");
        assertEquals(status, reply.status(), path + ": " + reply.body());
        assertTrue(reply.contentType().startsWith("application/problem+json"), reply.contentType());
    }

    private static Path zip(Path zip, Path base, List<Path> files) throws IOException {
        Files.createDirectories(zip.getParent());
        try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(file)) {
            for (Path f : files) {
                out.putNextEntry(new ZipEntry(base.relativize(f).toString()));
                Files.copy(f, out);
            }
        }
        return zip;
    }
}

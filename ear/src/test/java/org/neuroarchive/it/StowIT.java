package org.neuroarchive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neuroarchive.it.Incoming.DATA;
import static org.neuroarchive.it.Incoming.filesUnder;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.neuroarchive.testing.SyntheticSeries;

/**
 * DICOMweb STOW-RS ({@code POST /dicomweb/studies[/{uid}]}) with java.net.http as the client: a study is
 * stored (200, ReferencedSOPSequence), archived by the global import and audited under the caller;
 * the XML answer; wrong content types; a part that is not DICOM, a study that is not the path's, a
 * body without its closing boundary (failed parts, the rest stored); a connection cut mid-part and a
 * body over the upload limit store nothing and leave no file behind; viewers may not store.
 */
@ExtendWith(ArquillianExtension.class)
class StowIT {

    static final String TYPE = "multipart/related; type=\"application/dicom\"; boundary=";
    private static final Path SOURCE = DATA.resolveSibling("stow-it");
    private static final Duration WITHIN = Duration.ofSeconds(60);
    private static final long MIB = 1L << 20;

    private final ArchiveApi api = new ArchiveApi();
    private final AdminCalls admin = new AdminCalls(api);
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Incoming.builtEar();
    }

    @Test
    void aStudyStoredByAnImporterIsArchivedAndAuditedUnderTheCaller() throws Exception {
        String login = AdminCalls.unique("stow-");
        admin.createUser(login, "importer");
        SyntheticSeries series = series("NA-STOW-ONE", "Stow^One");
        List<Path> files = series.instances(5).writeTo(SOURCE.resolve("one"), "s");
        Body body = Body.of(files);
        HttpResponse<String> reply = send(api.as(AdminCalls.basic(login)).request("/dicomweb/studies"), body,
                "application/dicom+json");
        assertEquals(200, reply.statusCode(), reply.body());
        assertEquals("application/dicom+json", reply.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        JsonObject json = json(reply.body());
        assertTrue(value(json, "00081190").endsWith("/dicomweb/studies/" + series.studyInstanceUid()), reply.body());
        JsonArray referenced = json.getJsonObject("00081199").getJsonArray("Value");
        assertEquals(5, referenced.size(), reply.body());
        for (var item : referenced) {
            assertEquals("1.2.840.10008.5.1.4.1.1.4", value(item.asJsonObject(), "00081150"));
            assertTrue(value(item.asJsonObject(), "00081190").contains("/series/" + series.seriesInstanceUid() + "/instances/"
                    + value(item.asJsonObject(), "00081155")));
        }
        String uid = api.awaitSubject("NA-STOW-ONE", WITHIN);
        awaitFiles(uid, 5);
        JsonObject row = admin.audit("action=dicomweb.stow&actor=user:" + login).getJsonObject(0);
        assertEquals("allowed", row.getString("outcome").toLowerCase(), row.toString());
        assertTrue(row.getString("detail").startsWith("5 stored, 0 failed"), row.toString());
        assertNoLeftovers();
    }

    @Test
    void theAnswerIsDicomXmlWhenAskedForAndTheStudyOfThePathIsChecked() throws Exception {
        SyntheticSeries series = series("NA-STOW-XML", "Stow^Xml");
        List<Path> files = series.instances(2).writeTo(SOURCE.resolve("xml"), "x");
        HttpResponse<String> reply = send(api.request("/dicomweb/studies/" + series.studyInstanceUid()), Body.of(files),
                "application/dicom+xml");
        assertEquals(200, reply.statusCode(), reply.body());
        assertTrue(reply.body().contains("<NativeDicomModel"), reply.body());
        assertTrue(reply.body().contains("keyword=\"ReferencedSOPSequence\""), reply.body());
        // the same objects to another study: not stored, each with its reason
        List<Path> other = series("NA-STOW-XML", "Stow^Xml").instances(1).writeTo(SOURCE.resolve("xml-other"), "o");
        HttpResponse<String> refused = send(api.request("/dicomweb/studies/" + series.studyInstanceUid()), Body.of(other),
                "application/dicom+json");
        assertEquals(409, refused.statusCode(), refused.body());
        JsonObject failed = json(refused.body()).getJsonObject("00081198").getJsonArray("Value").getJsonObject(0);
        assertEquals(0xA900, failed.getJsonObject("00081197").getJsonArray("Value").getInt(0), refused.body());
        assertTrue(!value(failed, "00081155").isEmpty(), refused.body());
    }

    @Test
    void wrongContentTypesAreRefused() throws Exception {
        Body body = Body.of(series("NA-STOW-TYPE", "Stow^Type").instances(1).writeTo(SOURCE.resolve("type"), "t"));
        assertEquals(415, post("/dicomweb/studies", "multipart/related; type=\"application/dicom+xml\"; boundary="
                + body.boundary, body.bytes).statusCode());
        assertEquals(415, post("/dicomweb/studies", "application/dicom", body.bytes).statusCode());
        assertEquals(415, post("/dicomweb/studies", "multipart/form-data; boundary=" + body.boundary, body.bytes).statusCode());
        HttpResponse<String> noBoundary = post("/dicomweb/studies", "multipart/related; type=\"application/dicom\"", body.bytes);
        assertEquals(400, noBoundary.statusCode(), noBoundary.body());
        assertNull(api.subjectUid("NA-STOW-TYPE"));
    }

    @Test
    void aPartThatIsNotDicomFailsAndTheOthersAreStored() throws Exception {
        List<Path> files = new ArrayList<>(series("NA-STOW-MIXED", "Stow^Mixed").instances(2).writeTo(SOURCE.resolve("mixed"), "m"));
        Path text = Files.writeString(SOURCE.resolve("mixed/notes.txt"), "not DICOM at all");
        files.add(1, text);
        HttpResponse<String> reply = send(api.request("/dicomweb/studies"), Body.of(files), "application/dicom+json");
        assertEquals(202, reply.statusCode(), reply.body());
        JsonObject json = json(reply.body());
        assertEquals(2, json.getJsonObject("00081199").getJsonArray("Value").size(), reply.body());
        JsonObject failed = json.getJsonObject("00081198").getJsonArray("Value").getJsonObject(0);
        assertEquals(0xC000, failed.getJsonObject("00081197").getJsonArray("Value").getInt(0), reply.body());
        awaitFiles(api.awaitSubject("NA-STOW-MIXED", WITHIN), 2);
        HttpResponse<String> only = send(api.request("/dicomweb/studies"), Body.of(List.of(text)), "application/dicom+json");
        assertEquals(409, only.statusCode(), only.body());
        assertNoLeftovers();
    }

    @Test
    void aBodyWithoutItsClosingBoundaryStoresTheWholePartsOnly() throws Exception {
        List<Path> files = series("NA-STOW-TRUNC", "Stow^Trunc").instances(2).writeTo(SOURCE.resolve("trunc"), "c");
        Body body = Body.of(files);
        int cut = body.bytes.length - (int) Files.size(files.get(1)) / 2;
        HttpResponse<String> reply = post("/dicomweb/studies", TYPE + body.boundary, java.util.Arrays.copyOf(body.bytes, cut));
        assertEquals(202, reply.statusCode(), reply.body());
        JsonObject json = json(reply.body());
        assertEquals(1, json.getJsonObject("00081199").getJsonArray("Value").size(), reply.body());
        assertEquals(1, json.getJsonObject("00081198").getJsonArray("Value").size(), reply.body());
        awaitFiles(api.awaitSubject("NA-STOW-TRUNC", WITHIN), 1);
        assertNoLeftovers();
    }

    @Test
    void aConnectionCutMidPartStoresNothing() throws Exception {
        List<Path> files = series("NA-STOW-CUT", "Stow^Cut").instances(3).writeTo(SOURCE.resolve("cut"), "k");
        Body body = Body.of(files);
        URI base = URI.create(ArchiveApi.arquillianBaseUrl());
        try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
            String head = "POST " + base.getPath() + "/dicomweb/studies HTTP/1.1\r\nHost: " + base.getHost() + ":"
                    + base.getPort() + "\r\nAuthorization: " + Credentials.basic(Credentials.ADMIN, Credentials.ADMIN_PASSWORD)
                    + "\r\nContent-Type: " + TYPE + body.boundary + "\r\nContent-Length: " + body.bytes.length + "\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().write(body.bytes, 0, body.bytes.length - 2000); // inside the last part
            socket.getOutputStream().flush();
            Thread.sleep(1000);
        }
        Thread.sleep(6000); // several scans of incomingdir
        assertNull(api.subjectUid("NA-STOW-CUT"), "nothing of a broken-off body is archived");
        assertNoLeftovers();
        JsonObject row = admin.audit("action=dicomweb.stow&outcome=failed").getJsonObject(0);
        assertTrue(row.getString("detail").contains("broke off"), row.toString());
    }

    @Test
    void aBodyOverTheUploadLimitIs413AndStoresNothing() throws Exception {
        List<Path> files = series("NA-STOW-BIG", "Stow^Big").instances(1).writeTo(SOURCE.resolve("big"), "b");
        Body body = Body.of(files);
        byte[] head = java.util.Arrays.copyOf(body.bytes, body.bytes.length - body.closing().length);
        byte[] tail = ("\r\n--" + body.boundary + "\r\nContent-Type: application/dicom\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        long noise = RequestLimitsIT.UPLOAD_LIMIT + 2 * MIB;
        // no Content-Length: the server cuts the body at the limit
        HttpResponse<String> reply = http.send(api.request("/dicomweb/studies").header("Content-Type", TYPE + body.boundary)
                .timeout(Duration.ofSeconds(120)).POST(HttpRequest.BodyPublishers.ofInputStream(() -> new SequenceInputStream(
                        java.util.Collections.enumeration(List.of(new java.io.ByteArrayInputStream(head),
                                new java.io.ByteArrayInputStream(tail), new Zeros(noise), new java.io.ByteArrayInputStream(body.closing())))))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(413, reply.statusCode(), reply.body());
        assertTrue(reply.body().contains("max-upload-bytes"), reply.body());
        Thread.sleep(6000);
        assertNull(api.subjectUid("NA-STOW-BIG"), "the whole part before the limit is not stored either");
        assertNoLeftovers();
        // a length declared above the limit is refused before the body is sent
        String declared = RequestLimitsIT.headOnly("/dicomweb/studies", TYPE + body.boundary, noise + body.bytes.length);
        assertTrue(declared.startsWith("HTTP/1.1 413"), declared);
    }

    @Test
    void viewersMayNotStoreAndAnonymousCallersMustLogIn() throws Exception {
        String login = AdminCalls.unique("stow-viewer-");
        admin.createUser(login, "viewer");
        Body body = Body.of(series("NA-STOW-VIEW", "Stow^View").instances(1).writeTo(SOURCE.resolve("view"), "v"));
        assertEquals(403, send(api.as(AdminCalls.basic(login)).request("/dicomweb/studies"), body, "application/dicom+json")
                .statusCode());
        HttpRequest.Builder anonymous = HttpRequest.newBuilder(URI.create(ArchiveApi.arquillianBaseUrl() + "/dicomweb/studies"));
        assertEquals(401, send(anonymous, body, "application/dicom+json").statusCode());
        assertNull(api.subjectUid("NA-STOW-VIEW"));
    }

    @Test
    void orthancStoresAStudyWithItsDicomwebPlugin() throws Exception {
        String login = AdminCalls.unique("orthanc-");
        admin.createUser(login, "importer");
        OrthancProcess orthanc = new OrthancProcess(DATA.resolveSibling("orthanc-stow"));
        orthanc.start(ArchiveApi.arquillianBaseUrl() + "/dicomweb/", login, AdminCalls.PASSWORD);
        try {
            List<Path> files = series("NA-STOW-ORTHANC", "Stow^Orthanc").instances(4).writeTo(SOURCE.resolve("orthanc"), "r");
            String study = null;
            for (Path file : files) {
                study = orthanc.upload(file).getString("ParentStudy");
            }
            HttpResponse<String> reply = orthanc.post("/dicom-web/servers/neuroarchive/stow",
                    Json.createObjectBuilder().add("Resources", Json.createArrayBuilder().add(study))
                            .add("Synchronous", true).build().toString());
            assertEquals(200, reply.statusCode(), reply.body());
            awaitFiles(api.awaitSubject("NA-STOW-ORTHANC", WITHIN), 4);
            JsonObject row = admin.audit("action=dicomweb.stow&actor=user:" + login).getJsonObject(0);
            assertTrue(row.getString("detail").startsWith("4 stored, 0 failed"), row.toString());
            roundTrip(orthanc, login, study, files);
        } finally {
            orthanc.close();
        }
    }

    /**
     * The round trip: Orthanc forgets the study it pushed, finds it in the archive with QIDO-RS and takes it back
     * with WADO-RS (its login now may view the generic project's data and PHI): what it holds again is, byte for
     * byte, what it first sent.
     */
    private void roundTrip(OrthancProcess orthanc, String login, String orthancStudy, List<Path> sent) throws Exception {
        assertEquals(200, admin.grant("999999", login, "view-data", "view-phi").status());
        String uid = ((JsonObject) OrthancProcess.json(orthanc.get("/studies/" + orthancStudy).body()))
                .getJsonObject("MainDicomTags").getString("StudyInstanceUID");
        assertEquals(200, orthanc.delete("/studies/" + orthancStudy).statusCode());
        assertEquals("[]", orthanc.get("/instances").body().replaceAll("\\s", ""), "Orthanc holds nothing any more");
        HttpResponse<String> found = orthanc.post("/dicom-web/servers/neuroarchive/get",
                "{\"Uri\": \"/studies\", \"Arguments\": {\"StudyInstanceUID\": \"" + uid + "\"}}");
        assertEquals(200, found.statusCode(), found.body());
        assertTrue(found.body().contains(uid), "QIDO-RS through Orthanc: " + found.body());
        HttpResponse<String> retrieved = orthanc.post("/dicom-web/servers/neuroarchive/retrieve",
                "{\"Resources\": [{\"Study\": \"" + uid + "\"}]}");
        assertEquals(200, retrieved.statusCode(), retrieved.body());
        java.util.Set<String> back = new java.util.TreeSet<>();
        for (jakarta.json.JsonValue id : ((jakarta.json.JsonArray) OrthancProcess.json(orthanc.post("/tools/find",
                "{\"Level\": \"Instance\", \"Query\": {\"StudyInstanceUID\": \"" + uid + "\"}}").body()))) {
            back.add(DicomWebFixture.sha256(orthanc.bytes("/instances/" + ((jakarta.json.JsonString) id).getString() + "/file")));
        }
        java.util.Set<String> original = new java.util.TreeSet<>();
        for (Path file : sent) {
            original.add(DicomWebFixture.sha256(Files.readAllBytes(file)));
        }
        assertEquals(original, back, "what Orthanc got back with WADO-RS is what it stored with STOW-RS");
    }

    /** The README's example: a folder as one multipart/related body, built by a shell loop and streamed by curl. */
    @Test
    void theReadmesCurlLoopStoresAFolder() throws Exception {
        Path folder = SOURCE.resolve("curl");
        series("NA-STOW-CURL", "Stow^Curl").instances(3).writeTo(folder, "c");
        String script = """
                boundary="stow-$(date +%s%N)"
                { for f in "$FOLDER"/*.dcm; do
                    printf -- '--%s\\r\\nContent-Type: application/dicom\\r\\n\\r\\n' "$boundary"; cat "$f"; printf '\\r\\n'
                  done; printf -- '--%s--\\r\\n' "$boundary"; } |
                curl -sS -u "$LOGIN" -X POST -T - -H "Accept: application/dicom+json" \\
                     -H "Content-Type: multipart/related; type=\\"application/dicom\\"; boundary=$boundary" \\
                     -w '\\n%{http_code}' "$BASE/dicomweb/studies"
                """;
        ProcessBuilder bash = new ProcessBuilder("bash", "-c", script).redirectErrorStream(true);
        bash.environment().put("FOLDER", folder.toString());
        bash.environment().put("LOGIN", Credentials.ADMIN + ":" + Credentials.ADMIN_PASSWORD);
        bash.environment().put("BASE", ArchiveApi.arquillianBaseUrl());
        Process process = bash.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), output);
        assertTrue(output.endsWith("\n200"), output);
        assertEquals(3, json(output.substring(0, output.lastIndexOf('\n'))).getJsonObject("00081199").getJsonArray("Value").size());
        awaitFiles(api.awaitSubject("NA-STOW-CURL", WITHIN), 3);
    }

    private static SyntheticSeries series(String patientId, String name) {
        return SyntheticSeries.mr().patient(patientId, name).study(SyntheticSeries.newUid(), "20260601", "090000", "Stow")
                .series(1, "stow");
    }

    private HttpResponse<String> send(HttpRequest.Builder request, Body body, String accept) throws Exception {
        return http.send(request.header("Content-Type", TYPE + body.boundary).header("Accept", accept)
                .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String contentType, byte[] bytes) throws Exception {
        return http.send(api.request(path).header("Content-Type", contentType).timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    private static String value(JsonObject dataset, String tag) {
        JsonObject attribute = dataset.getJsonObject(tag);
        return attribute == null || !attribute.containsKey("Value") ? "" : attribute.getJsonArray("Value").getString(0);
    }

    private static void assertNoLeftovers() throws IOException {
        try (var folders = Files.list(DATA.resolve("incoming.receiving"))) {
            List<Path> stow = folders.filter(f -> f.getFileName().toString().startsWith("stow-")).toList();
            assertEquals(List.of(), stow, "no STOW-RS request folder left");
        }
    }

    private static void awaitFiles(String uid, int count) throws Exception {
        long deadline = System.nanoTime() + WITHIN.toNanos();
        while (IndividualImportIT.dicomFiles(uid).size() < count && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertEquals(count, IndividualImportIT.dicomFiles(uid).size());
    }

    /** A multipart/related body of files, each an application/dicom part. */
    record Body(String boundary, byte[] bytes) {

        static Body of(List<Path> files) throws IOException {
            String boundary = "stow-it-" + System.nanoTime();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (Path file : files) {
                out.writeBytes(("--" + boundary + "\r\nContent-Type: application/dicom\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.writeBytes(Files.readAllBytes(file));
                out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
            return new Body(boundary, out.toByteArray());
        }

        /** The closing delimiter with the CRLF of the last part before it. */
        byte[] closing() {
            return ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        }
    }

    /** {@code size} zero bytes, never in memory at once. */
    private static final class Zeros extends InputStream {
        private long left;

        Zeros(long size) {
            this.left = size;
        }

        @Override
        public int read() {
            return left-- > 0 ? 0 : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (left <= 0) {
                return -1;
            }
            int n = (int) Math.min(len, left);
            java.util.Arrays.fill(b, off, off + n, (byte) 0);
            left -= n;
            return n;
        }
    }
}

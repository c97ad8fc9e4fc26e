package org.neuroarchive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neuroarchive.it.Incoming.DATA;
import static org.neuroarchive.it.Incoming.drop;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.neuroarchive.testing.SyntheticSeries;

/**
 * The data of {@link DicomWebIT}, imported through incomingdir: in project A two studies (one MR study of two
 * series with 3 and 2 instances, one CT study of 2 instances) of two patients, in project B one study; a user of
 * A with view-PHI, one without. The patient IDs are new each run; the dates (1999) are the fixture's own.
 */
final class DicomWebFixture {

    static final String PROJECT_A = "720001";
    static final String PROJECT_B = "720002";
    static final String PASSWORD = "dicomweb-it-password";
    static final String ONE_NAME = "Webname^One";
    static final String TWO_NAME = "Webname^Two";
    static final String THREE_NAME = "Webname^Three";

    final String suffix = Long.toString(System.currentTimeMillis());
    final String oneId = "NA-DW-ONE-" + suffix;
    final String twoId = "NA-DW-TWO-" + suffix;
    final String threeId = "NA-DW-THREE-" + suffix;
    final String studyOne = SyntheticSeries.newUid();
    final String studyTwo = SyntheticSeries.newUid();
    final String studyThree = SyntheticSeries.newUid();
    String seriesOne1;
    String seriesOne2;
    String seriesTwo1;
    String subjectOne;
    String subjectTwo;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    void importData(ArchiveApi admin) throws Exception {
        for (String project : List.of(PROJECT_A, PROJECT_B)) {
            ArchiveApi.Reply created = admin.postJson("/api/projects", "{\"costcenter\":\"" + project + "\",\"name\":\"DICOMweb "
                    + project + "\"}");
            assertTrue(created.status() == 201 || created.status() == 409, created.body());
        }
        Path source = DATA.resolve("dicomweb-source-" + suffix);
        SyntheticSeries one = SyntheticSeries.mr().patient(oneId, ONE_NAME)
                .study(studyOne, "19990105", "083000", "DICOMweb MR (" + PROJECT_A + ")").series(1, "T1 dicomweb").instances(3);
        one.writeTo(source.resolve("one-1"), "o1");
        seriesOne1 = one.seriesInstanceUid();
        one.series(2, "T2 dicomweb").instances(2).writeTo(source.resolve("one-2"), "o2");
        seriesOne2 = one.seriesInstanceUid();
        SyntheticSeries two = SyntheticSeries.mr().patient(twoId, TWO_NAME).modality("CT", "1.2.840.10008.5.1.4.1.1.2")
                .study(studyTwo, "19990320", "120000", "DICOMweb CT (" + PROJECT_A + ")").series(1, "CT dicomweb").instances(2);
        two.writeTo(source.resolve("two"), "t1");
        seriesTwo1 = two.seriesInstanceUid();
        SyntheticSeries.mr().patient(threeId, THREE_NAME).study(studyThree, "19990105", "090000", "DICOMweb B (" + PROJECT_B + ")")
                .series(1, "T1 other").instances(2).writeTo(source.resolve("three"), "t3");
        drop(Incoming.filesUnder(source), "dicomweb-" + suffix);
        subjectOne = admin.awaitSubject(oneId, Duration.ofSeconds(120));
        subjectTwo = admin.awaitSubject(twoId, Duration.ofSeconds(120));
        admin.awaitSubject(threeId, Duration.ofSeconds(120));
        user(admin, "dw-phi", "view-data", "view-phi");
        user(admin, "dw-viewer", "view-data");
    }

    private static void user(ArchiveApi admin, String login, String... permissions) throws Exception {
        ArchiveApi.Reply created = admin.postJson("/api/users", "{\"login\":\"" + login + "\",\"fullName\":\"" + login
                + "\",\"email\":\"" + login + "@example.org\",\"roles\":[\"viewer\"],\"password\":\"" + PASSWORD + "\"}");
        assertTrue(created.status() == 201 || created.status() == 409, created.body());
        ArchiveApi.Reply granted = admin.send(admin.request("/api/projects/" + PROJECT_A + "/grants/" + login)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"permissions\":[\"" + String.join("\",\"", permissions) + "\"]}")).build());
        assertEquals(200, granted.status(), granted.body());
    }

    /** GET {@code /dicomweb<path>} as {@code login} (admin: the administrator) with {@code accept}. */
    HttpResponse<byte[]> get(String login, String path, String accept) throws IOException, InterruptedException {
        String password = login.equals(Credentials.ADMIN) ? Credentials.ADMIN_PASSWORD : PASSWORD;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(ArchiveApi.arquillianBaseUrl() + "/dicomweb" + path))
                .header("Authorization", Credentials.basic(login, password)).GET();
        if (accept != null) {
            request.header("Accept", accept);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** The SHA-256 digests of the archived DICOM files of a subject (below {@code archivedir/<uid>/…/dicom/}). */
    static Set<String> archivedDigests(String subjectUid, String seriesNum) throws IOException {
        Set<String> digests = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Incoming.ARCHIVE.resolve(subjectUid))) {
            for (Path file : files.filter(Files::isRegularFile).filter(f -> f.getParent().getFileName().toString().equals("dicom"))
                    .filter(f -> seriesNum == null || f.getParent().getParent().getFileName().toString().equals(seriesNum)).toList()) {
                digests.add(sha256(Files.readAllBytes(file)));
            }
        }
        return digests;
    }

    /** The series' thumb.png as archived, once rendered. */
    static byte[] thumbnail(String subjectUid, String seriesNum) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            try (Stream<Path> files = Files.walk(Incoming.ARCHIVE.resolve(subjectUid))) {
                List<Path> thumbs = files.filter(f -> f.getFileName().toString().equals("thumb.png")
                        && f.getParent().getFileName().toString().equals(seriesNum)).toList();
                if (thumbs.size() == 1) {
                    return Files.readAllBytes(thumbs.get(0));
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no thumb.png of series " + seriesNum + " of " + subjectUid);
            }
            Thread.sleep(250);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

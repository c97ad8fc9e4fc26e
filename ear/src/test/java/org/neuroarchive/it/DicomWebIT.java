package org.neuroarchive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * DICOMweb QIDO-RS and WADO-RS (PS3.18) on archived data: searches at each level by each matching key, paging and
 * includefield; retrieve compared byte for byte with the archived files; metadata; thumbnails; project scope and
 * masked patient fields; bad requests. {@link DicomWebOrthancIT} has a client the project did not write.
 */
@ExtendWith(ArquillianExtension.class)
class DicomWebIT {

    private static final String MULTIPART = "multipart/related; type=\"application/dicom\"";
    private static final DicomWebFixture data = new DicomWebFixture();

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Incoming.builtEar();
    }

    @BeforeAll
    static void importData() throws Exception {
        data.importData(new ArchiveApi());
    }

    private static JsonArray qido(String login, String path) throws Exception {
        HttpResponse<byte[]> reply = data.get(login, path, "application/dicom+json");
        String body = new String(reply.body(), StandardCharsets.UTF_8);
        assertEquals(200, reply.statusCode(), path + ": " + body);
        assertTrue(reply.headers().firstValue("Content-Type").orElse("").startsWith("application/dicom+json"), path);
        return Json.createReader(new StringReader(body)).readArray();
    }

    private static Set<String> values(JsonArray matches, String tag) {
        Set<String> found = new TreeSet<>();
        for (JsonValue match : matches) {
            found.add(first(match.asJsonObject(), tag));
        }
        return found;
    }

    private static String first(JsonObject match, String tag) {
        JsonObject attribute = match.getJsonObject(tag);
        if (attribute == null || !attribute.containsKey("Value")) {
            return null;
        }
        JsonValue value = attribute.getJsonArray("Value").get(0);
        return switch (value.getValueType()) {
            case STRING -> ((jakarta.json.JsonString) value).getString();
            case NUMBER -> value.toString();
            case OBJECT -> value.asJsonObject().getString("Alphabetic");
            default -> null;
        };
    }

    private static final String STUDY_UID = "0020000D";
    private static final String SERIES_UID = "0020000E";

    @Test
    void studiesByEachMatchingKey() throws Exception {
        String both = data.studyOne + "," + data.studyTwo;
        String ours = "&StudyInstanceUID=" + both; // DicomWebOrthancIT imports into the same project
        Set<String> all = values(qido("dw-phi", "/studies"), STUDY_UID);
        assertTrue(all.containsAll(Set.of(data.studyOne, data.studyTwo)) && !all.contains(data.studyThree),
                "project A's studies, not B's: " + all);
        assertEquals(Set.of(data.studyOne), values(qido("dw-phi", "/studies?PatientID=" + data.oneId), STUDY_UID));
        assertEquals(Set.of(data.studyTwo), values(qido("dw-phi", "/studies?00100020=" + data.twoId), STUDY_UID));
        assertEquals(Set.of(data.studyOne), values(qido("dw-phi", "/studies?PatientName=webname%5EO*" + ours), STUDY_UID));
        assertEquals(Set.of(data.studyTwo), values(qido("dw-phi", "/studies?PatientName=Webname%5ET?o" + ours), STUDY_UID));
        assertEquals(Set.of(data.studyOne), values(qido("dw-phi", "/studies?StudyDate=19990105" + ours), STUDY_UID));
        assertEquals(Set.of(data.studyOne, data.studyTwo), values(qido("dw-phi", "/studies?StudyDate=19990101-19990331" + ours), STUDY_UID));
        assertEquals(Set.of(data.studyTwo), values(qido("dw-phi", "/studies?StudyDate=19990201-&StudyInstanceUID=" + both), STUDY_UID));
        assertEquals(Set.of(data.studyOne), values(qido("dw-phi", "/studies?StudyDate=-19990131&StudyInstanceUID=" + both), STUDY_UID));
        assertEquals(Set.of(data.studyTwo), values(qido("dw-phi", "/studies?ModalitiesInStudy=CT" + ours), STUDY_UID));
        assertEquals(Set.of(data.studyOne), values(qido("dw-phi", "/studies?00080061=MR&StudyInstanceUID=" + both), STUDY_UID));
        assertEquals(Set.of(data.studyOne, data.studyTwo), values(qido("admin", "/studies?StudyInstanceUID=" + both), STUDY_UID));
        assertEquals(0, qido("dw-phi", "/studies?StudyInstanceUID=" + data.studyThree).size(), "B's study: no match, 200 []");
    }

    @Test
    void aStudyMatchHoldsTheRequiredAttributes() throws Exception {
        JsonObject study = qido("dw-phi", "/studies?StudyInstanceUID=" + data.studyOne).getJsonObject(0);
        assertEquals("19990105", first(study, "00080020"));
        assertEquals("083000", first(study, "00080030"));
        assertEquals("MR", first(study, "00080061"));
        assertEquals(DicomWebFixture.ONE_NAME, first(study, "00100010"));
        assertEquals(data.oneId, first(study, "00100020"));
        assertEquals("2", first(study, "00201206"));
        assertEquals("5", first(study, "00201208"));
        assertTrue(study.containsKey("00080050") && study.containsKey("00080090"), "AccessionNumber, ReferringPhysicianName (empty)");
        assertTrue(first(study, "00081190").endsWith("/neuroarchive/dicomweb/studies/" + data.studyOne), study.toString());
    }

    @Test
    void seriesAndInstancesAtEachLevel() throws Exception {
        assertEquals(Set.of(data.seriesOne1, data.seriesOne2), values(qido("dw-phi", "/studies/" + data.studyOne + "/series"), SERIES_UID));
        assertEquals(Set.of(data.seriesOne2), values(qido("dw-phi", "/studies/" + data.studyOne + "/series?SeriesNumber=2"), SERIES_UID));
        assertEquals(Set.of(data.seriesTwo1), values(qido("dw-phi", "/series?Modality=CT&StudyInstanceUID=" + data.studyOne + "," + data.studyTwo), SERIES_UID));
        assertEquals(Set.of(data.seriesOne1), values(qido("dw-phi", "/series?SeriesInstanceUID=" + data.seriesOne1), SERIES_UID));
        assertEquals("3", first(qido("dw-phi", "/series?SeriesInstanceUID=" + data.seriesOne1).getJsonObject(0), "00201209"));
        assertEquals(3, qido("dw-phi", "/studies/" + data.studyOne + "/series/" + data.seriesOne1 + "/instances").size());
        assertEquals(5, qido("dw-phi", "/studies/" + data.studyOne + "/instances").size());
        assertEquals(2, qido("dw-phi", "/instances?StudyInstanceUID=" + data.studyTwo).size());
        JsonObject instance = qido("dw-phi", "/instances?SeriesInstanceUID=" + data.seriesOne1 + "&InstanceNumber=2").getJsonObject(0);
        assertEquals(data.studyOne, first(instance, STUDY_UID));
        assertEquals("2", first(instance, "00200013"));
        assertTrue(first(instance, "00081190").contains("/series/" + data.seriesOne1 + "/instances/" + first(instance, "00080018")));
        assertEquals(0, qido("dw-phi", "/series?SeriesInstanceUID=" + data.seriesOne1 + "&SeriesNumber=2").size());
    }

    @Test
    void limitOffsetAndIncludefield() throws Exception {
        String both = "/studies?StudyInstanceUID=" + data.studyOne + "," + data.studyTwo;
        HttpResponse<byte[]> first = data.get("dw-phi", both + "&limit=1", null);
        assertTrue(first.headers().firstValue("Warning").orElse("").startsWith("299"), "more results announced");
        JsonArray page1 = qido("dw-phi", both + "&limit=1");
        JsonArray page2 = qido("dw-phi", both + "&limit=1&offset=1");
        assertEquals(1, page1.size());
        assertEquals(1, page2.size());
        assertEquals(Set.of(data.studyOne, data.studyTwo), new TreeSet<>(List.of(first(page1.getJsonObject(0), STUDY_UID),
                first(page2.getJsonObject(0), STUDY_UID))));
        assertEquals(0, qido("dw-phi", both + "&offset=2").size());
        String series = "/series?SeriesInstanceUID=" + data.seriesOne1;
        assertFalse(qido("dw-phi", series).getJsonObject(0).containsKey("00080020"), "StudyDate only when asked");
        assertEquals("19990105", first(qido("dw-phi", series + "&includefield=StudyDate").getJsonObject(0), "00080020"));
        assertFalse(qido("dw-phi", series).getJsonObject(0).containsKey("00181030"), "ProtocolName only when asked");
        assertTrue(first(qido("dw-phi", series + "&includefield=00181030").getJsonObject(0), "00181030") != null,
                "ProtocolName by tag");
        JsonObject all = qido("dw-phi", series + "&includefield=all&fuzzymatching=true").getJsonObject(0);
        assertEquals(DicomWebFixture.ONE_NAME, first(all, "00100010"));
    }

    @Test
    void retrieveSendsTheArchivedFilesByteForByte() throws Exception {
        assertEquals(DicomWebFixture.archivedDigests(data.subjectOne, null), retrieved("/studies/" + data.studyOne, MULTIPART));
        assertEquals(5, DicomWebFixture.archivedDigests(data.subjectOne, null).size());
        assertEquals(DicomWebFixture.archivedDigests(data.subjectOne, "2"), retrieved("/studies/" + data.studyOne + "/series/"
                + data.seriesOne2, MULTIPART + "; transfer-syntax=*"));
        String sop = first(qido("dw-phi", "/instances?SeriesInstanceUID=" + data.seriesTwo1 + "&limit=1").getJsonObject(0), "00080018");
        Set<String> one = retrieved("/studies/" + data.studyTwo + "/series/" + data.seriesTwo1 + "/instances/" + sop, null);
        assertEquals(1, one.size());
        assertTrue(DicomWebFixture.archivedDigests(data.subjectTwo, null).containsAll(one));
        assertEquals(406, data.get("dw-phi", "/studies/" + data.studyOne, "application/dicom").statusCode());
        assertEquals(406, data.get("dw-phi", "/studies/" + data.studyOne, MULTIPART + "; transfer-syntax=1.2.840.10008.1.2.4.50")
                .statusCode(), "never re-encoded");
        assertEquals(406, data.get("dw-phi", "/studies/" + data.studyOne, "multipart/related; type=\"application/octet-stream\"")
                .statusCode());
    }

    private static Set<String> retrieved(String path, String accept) throws Exception {
        HttpResponse<byte[]> reply = data.get("dw-phi", path, accept);
        assertEquals(200, reply.statusCode(), new String(reply.body(), StandardCharsets.UTF_8));
        String type = reply.headers().firstValue("Content-Type").orElseThrow();
        assertTrue(type.startsWith("multipart/related") && type.contains("application/dicom"), type);
        Set<String> digests = new TreeSet<>();
        for (MultipartParts.Part part : MultipartParts.of(type, reply.body())) {
            assertTrue(part.headers().contains("Content-Type: application/dicom; transfer-syntax=1.2.840.10008.1.2"), part.headers());
            digests.add(DicomWebFixture.sha256(part.body()));
        }
        return digests;
    }

    @Test
    void metadataAndThumbnails() throws Exception {
        JsonArray headers = json(data.get("dw-phi", "/studies/" + data.studyOne + "/metadata", null));
        assertEquals(5, headers.size());
        assertEquals(DicomWebFixture.ONE_NAME, first(headers.getJsonObject(0), "00100010"));
        assertFalse(headers.getJsonObject(0).containsKey("7FE00010"), "no pixel data");
        assertEquals(2, json(data.get("dw-phi", "/studies/" + data.studyOne + "/series/" + data.seriesOne2 + "/metadata", null)).size());
        String sop = first(headers.getJsonObject(0), "00080018");
        String series = first(headers.getJsonObject(0), SERIES_UID);
        assertEquals(1, json(data.get("dw-phi", "/studies/" + data.studyOne + "/series/" + series + "/instances/" + sop + "/metadata",
                null)).size());
        byte[] thumb = DicomWebFixture.thumbnail(data.subjectOne, "1");
        for (String kind : List.of("thumbnail", "rendered")) {
            HttpResponse<byte[]> png = data.get("dw-phi", "/studies/" + data.studyOne + "/series/" + data.seriesOne1 + "/" + kind, "image/png");
            assertEquals(200, png.statusCode());
            assertEquals("image/png", png.headers().firstValue("Content-Type").orElse(""));
            assertEquals(DicomWebFixture.sha256(thumb), DicomWebFixture.sha256(png.body()), kind);
        }
        String sop1 = first(qido("dw-phi", "/instances?SeriesInstanceUID=" + data.seriesOne1 + "&limit=1").getJsonObject(0), "00080018");
        String instance = "/studies/" + data.studyOne + "/series/" + data.seriesOne1 + "/instances/" + sop1;
        for (String path : List.of("/rendered", "/thumbnail", "/frames/1/rendered")) {
            HttpResponse<byte[]> png = data.get("dw-phi", instance + path, "image/png");
            assertEquals(200, png.statusCode(), path);
            java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png.body()));
            assertTrue(image != null && image.getWidth() > 0 && image.getHeight() > 0, path + ": a PNG of the instance");
        }
        assertEquals(404, data.get("dw-phi", instance + "/frames/2/rendered", "image/png").statusCode(), "a single frame");
        assertEquals(400, data.get("dw-phi", instance + "/frames/0/rendered", "image/png").statusCode());
        assertEquals(404, data.get("dw-phi", "/studies/" + data.studyThree + "/series/" + data.seriesOne1 + "/instances/" + sop1
                + "/rendered", "image/png").statusCode(), "not through another study");
    }

    private static JsonArray json(HttpResponse<byte[]> reply) {
        String body = new String(reply.body(), StandardCharsets.UTF_8);
        assertEquals(200, reply.statusCode(), body);
        return Json.createReader(new StringReader(body)).readArray();
    }

    @Test
    void aViewerWithoutPhiSeesNoPatientIdentity() throws Exception {
        String studies = new String(data.get("dw-viewer", "/studies?includefield=all", null).body(), StandardCharsets.UTF_8);
        assertTrue(studies.contains(data.studyOne), studies);
        for (String path : List.of("/studies?includefield=all", "/series?includefield=all", "/instances?includefield=all",
                "/studies/" + data.studyOne + "/metadata")) {
            String body = new String(data.get("dw-viewer", path, null).body(), StandardCharsets.UTF_8);
            assertFalse(body.contains("Webname") || body.contains(data.oneId) || body.contains("\"00100010\""), path + ": " + body);
        }
        assertEquals(0, qido("dw-viewer", "/studies?PatientName=Webname*").size(), "no probing names without view-PHI");
        assertEquals(0, qido("dw-viewer", "/studies?PatientID=" + data.oneId).size(), "nor PatientIDs");
        assertEquals(403, data.get("dw-viewer", "/studies/" + data.studyOne, MULTIPART).statusCode(), "the files hold PHI");
        assertEquals(404, data.get("dw-phi", "/studies/" + data.studyThree, MULTIPART).statusCode(), "B's study");
        assertEquals(404, data.get("dw-phi", "/studies/" + data.studyThree + "/metadata", null).statusCode());
        assertEquals(404, data.get("dw-phi", "/studies/" + data.studyThree + "/series", null).statusCode());
    }

    @Test
    void badRequestsAreProblems() throws Exception {
        for (String path : List.of("/studies?StudyDate=19990230", "/studies?StudyDate=19990301-19990101", "/studies?includefield=Nope",
                "/studies?NoSuchKey=1", "/studies?Modality=MR", "/studies?limit=x", "/series?SeriesNumber=one")) {
            HttpResponse<byte[]> reply = data.get("dw-phi", path, null);
            assertEquals(400, reply.statusCode(), path);
            assertEquals("application/problem+json", reply.headers().firstValue("Content-Type").orElse(""), path);
        }
        assertEquals(404, data.get("dw-phi", "/studies/1.2.3.4.5/series", null).statusCode());
        assertEquals(404, data.get("dw-phi", "/studies/1.2.3.4.5/metadata", null).statusCode());
        assertEquals(404, data.get("dw-phi", "/studies/" + data.studyOne + "/series/1.2.3/instances", null).statusCode());
        assertEquals(404, data.get("dw-phi", "/studies/" + data.studyOne + "/series/1.2.3/thumbnail", null).statusCode());
        assertEquals(406, data.get("dw-phi", "/studies", "application/xml").statusCode());
    }
}

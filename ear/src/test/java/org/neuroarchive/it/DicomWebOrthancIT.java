package org.neuroarchive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * DICOMweb with a client the project did not write: Debian's Orthanc and its DICOMweb plugin search the
 * archive (QIDO-RS) and retrieve a study (WADO-RS) into its own storage; what it stored is compared byte for
 * byte with the archived files.
 */
@ExtendWith(ArquillianExtension.class)
class DicomWebOrthancIT {

    private static final DicomWebFixture data = new DicomWebFixture();
    private static OrthancProcess orthanc;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Incoming.builtEar();
    }

    @BeforeAll
    static void importDataAndStartOrthanc() throws Exception {
        data.importData(new ArchiveApi());
        orthanc = new OrthancProcess(Path.of(System.getProperty("neuroarchive.it.data-dir")).resolveSibling("orthanc-dicomweb"));
        orthanc.start(ArchiveApi.arquillianBaseUrl() + "/dicomweb/", Credentials.ADMIN, Credentials.ADMIN_PASSWORD);
    }

    @AfterAll
    static void stopOrthanc() throws Exception {
        if (orthanc != null) {
            orthanc.close();
        }
    }

    @Test
    void orthancSearchesTheArchive() throws Exception {
        HttpResponse<String> studies = orthanc.post("/dicom-web/servers/neuroarchive/get",
                "{\"Uri\": \"/studies\", \"Arguments\": {\"PatientID\": \"" + data.oneId
                        + "\", \"includefield\": \"StudyDescription\"}}");
        assertEquals(200, studies.statusCode(), studies.body() + " (log: " + orthanc.log() + ")");
        assertEquals(1, Json.createReader(new StringReader(studies.body())).readArray().size(), studies.body());
        assertTrue(studies.body().contains(data.studyOne), studies.body());
        HttpResponse<String> series = orthanc.post("/dicom-web/servers/neuroarchive/qido",
                "{\"Uri\": \"/studies/" + data.studyOne + "/series\", \"Arguments\": {\"Modality\": \"MR\"}}");
        assertEquals(200, series.statusCode(), series.body());
        assertTrue(series.body().contains(data.seriesOne1) && series.body().contains(data.seriesOne2), series.body());
    }

    @Test
    void orthancRetrievesAStudyByteForByte() throws Exception {
        HttpResponse<String> retrieved = orthanc.post("/dicom-web/servers/neuroarchive/retrieve",
                "{\"Resources\": [{\"Study\": \"" + data.studyOne + "\"}]}");
        assertEquals(200, retrieved.statusCode(), retrieved.body() + " (log: " + orthanc.log() + ")");
        HttpResponse<String> study = orthanc.post("/tools/find", "{\"Level\": \"Instance\", \"Query\": {\"StudyInstanceUID\": \""
                + data.studyOne + "\"}}");
        assertEquals(200, study.statusCode(), study.body());
        Set<String> stored = new TreeSet<>();
        for (JsonValue id : Json.createReader(new StringReader(study.body())).readArray()) {
            stored.add(DicomWebFixture.sha256(orthanc.bytes("/instances/" + ((jakarta.json.JsonString) id).getString() + "/file")));
        }
        assertEquals(5, stored.size());
        assertEquals(DicomWebFixture.archivedDigests(data.subjectOne, null), stored);
    }
}

package org.neuroarchive.dicomweb.control;

import static org.neuroarchive.dicomweb.control.DicomTags.*;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntPredicate;
import org.neuroarchive.archive.entity.Instance;
import org.neuroarchive.dicom.DicomJsonObject;
import org.neuroarchive.matching.entity.AlternateUid;
import org.neuroarchive.matching.entity.Series;
import org.neuroarchive.matching.entity.Study;
import org.neuroarchive.matching.entity.Subject;

/**
 * The DICOM JSON of a QIDO-RS match, from what the database holds: at each level the return attributes
 * PS3.18 requires of it (10.6.3, as far as the archive keeps them; AccessionNumber and ReferringPhysicianName
 * it does not keep are returned empty), and the attributes of the levels above when {@code includefield}
 * asks for them. PatientName, PatientID (the subject's first alternate UID: the PatientID it was archived
 * under) and PatientBirthDate only with view-PHI on the study's project; without it they are absent.
 */
final class QidoAttributes {

    private static final DateTimeFormatter DA = DateTimeFormatter.ofPattern("uuuuMMdd");
    private static final DateTimeFormatter TM = DateTimeFormatter.ofPattern("HHmmss");

    private final QidoQuery query;
    private final String baseUrl;

    /** @param baseUrl the DICOMweb root, ending with {@code /}, for RetrieveURL */
    QidoAttributes(QidoQuery query, String baseUrl) {
        this.query = query;
        this.baseUrl = baseUrl;
    }

    /** What a study match holds, with its counts and modalities (a study search). */
    DicomJsonObject study(Study st, boolean phi, long series, long instances, List<String> modalities) {
        DicomJsonObject json = new DicomJsonObject();
        studyAttributes(json, st, phi, tag -> true);
        json.put(MODALITIES_IN_STUDY, "CS", modalities);
        json.put(NUMBER_OF_STUDY_RELATED_SERIES, "IS", Long.toString(series));
        json.put(NUMBER_OF_STUDY_RELATED_INSTANCES, "IS", Long.toString(instances));
        json.put(RETRIEVE_URL, "UR", baseUrl + "studies/" + st.getStudyInstanceUid());
        return json;
    }

    DicomJsonObject series(Series s, boolean phi, long instances) {
        DicomJsonObject json = new DicomJsonObject();
        studyAttributes(json, s.getStudy(), phi, query::includes);
        seriesAttributes(json, s, tag -> true);
        json.put(NUMBER_OF_SERIES_RELATED_INSTANCES, "IS", Long.toString(instances));
        json.put(RETRIEVE_URL, "UR", seriesUrl(s));
        return json;
    }

    DicomJsonObject instance(Instance i, boolean phi) {
        DicomJsonObject json = new DicomJsonObject();
        Series s = i.getSeries();
        studyAttributes(json, s.getStudy(), phi, query::includes);
        seriesAttributes(json, s, query::includes);
        json.put(SERIES_INSTANCE_UID, "UI", s.getSeriesInstanceUid());
        json.put(SOP_CLASS_UID, "UI", i.getSopClassUid());
        json.put(SOP_INSTANCE_UID, "UI", i.getSopInstanceUid());
        json.put(INSTANCE_NUMBER, "IS", i.getInstanceNumber() == null ? null : i.getInstanceNumber().toString());
        json.put(ROWS, "US", s.getRows() == null ? null : s.getRows().toString());
        json.put(COLUMNS, "US", s.getColumns() == null ? null : s.getColumns().toString());
        json.put(RETRIEVE_URL, "UR", seriesUrl(s) + "/instances/" + i.getSopInstanceUid());
        return json;
    }

    private String seriesUrl(Series s) {
        return baseUrl + "studies/" + s.getStudy().getStudyInstanceUid() + "/series/" + s.getSeriesInstanceUid();
    }

    /** StudyInstanceUID always; the others where {@code wanted}. */
    private static void studyAttributes(DicomJsonObject json, Study st, boolean phi, IntPredicate wanted) {
        json.put(STUDY_INSTANCE_UID, "UI", st.getStudyInstanceUid());
        LocalDateTime at = st.getStudyDateTime();
        putIf(json, wanted, STUDY_DATE, "DA", at == null ? null : DA.format(at));
        putIf(json, wanted, STUDY_TIME, "TM", at == null ? null : TM.format(at));
        putIf(json, wanted, STUDY_ID, "SH", st.getStudyId());
        putIf(json, wanted, STUDY_DESCRIPTION, "LO", st.getDescription());
        putIf(json, wanted, ACCESSION_NUMBER, "SH");
        putIf(json, wanted, REFERRING_PHYSICIAN_NAME, "PN");
        Subject subject = st.getSubject();
        putIf(json, wanted, PATIENT_SEX, "CS", subject.getSex());
        if (phi) {
            putIf(json, wanted, PATIENT_NAME, "PN", subject.getPatientName());
            putIf(json, wanted, PATIENT_ID, "LO", subject.getAlternateUids().stream()
                    .min(Comparator.comparing(AlternateUid::getId)).map(AlternateUid::getAltuid).orElse(null));
            putIf(json, wanted, PATIENT_BIRTH_DATE, "DA", subject.getBirthDate() == null ? null
                    : DA.format(subject.getBirthDate()));
        }
    }

    /** SeriesInstanceUID, Modality, SeriesNumber, SeriesDescription where {@code required}; the optional others when asked. */
    private void seriesAttributes(DicomJsonObject json, Series s, IntPredicate required) {
        json.put(SERIES_INSTANCE_UID, "UI", s.getSeriesInstanceUid());
        putIf(json, required, MODALITY, "CS", s.getModality());
        putIf(json, required, SERIES_NUMBER, "IS", Integer.toString(s.getSeriesNum()));
        putIf(json, required, SERIES_DESCRIPTION, "LO", s.getDescription());
        LocalDateTime at = s.getSeriesDateTime();
        putIf(json, query::includes, SERIES_DATE, "DA", at == null ? null : DA.format(at));
        putIf(json, query::includes, SERIES_TIME, "TM", at == null ? null : TM.format(at));
        putIf(json, query::includes, PROTOCOL_NAME, "LO", s.getProtocol());
        putIf(json, query::includes, BODY_PART_EXAMINED, "CS", s.getParameters() == null ? null : s.getParameters().bodyPartExamined());
    }

    private static void putIf(DicomJsonObject json, IntPredicate wanted, int tag, String vr, String... values) {
        if (wanted.test(tag)) {
            json.put(tag, vr, values);
        }
    }
}

package org.neuroarchive.matching.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import org.neuroarchive.dicom.DicomHeader;
import org.neuroarchive.matching.entity.MatchingCriteria;

class SeriesIdentityTest {

    private static DicomHeader header(String patientId, String patientName, String sex, String modality, String studyDate,
                                      String studyTime, Integer seriesNumber, String seriesTime) {
        return new DicomHeader("1.2.840.10008.5.1.4.1.1.4", "1.2.3.4", "1.2.3", "1.2.3.5", "1.2.840.10008.1.2",
                patientId, patientName, sex, "19791231", modality, studyDate, studyTime, "7", "Brain (121961)",
                "", seriesTime, "T1", "t1_mprage", seriesNumber, 1, 1, "", "", 256, 256, null, 1, 16, "MONOCHROME2");
    }

    @Test
    void normalisesBlankTagsAsNidbDoes() {
        SeriesIdentity id = SeriesIdentity.of(header("P7", "", "", "", "20260102", "101500.123", null, "101733"));

        assertEquals("OT", id.modality());
        assertEquals("P7", id.patientName());
        assertEquals("U", id.sex());
        assertEquals(101733, id.seriesNumber());
        assertEquals(LocalDateTime.of(2026, 1, 2, 10, 15, 0, 123_000_000), id.studyDateTime().orElseThrow());
        assertEquals(id.studyDateTime(), id.seriesDateTime()); // SeriesDate blank: StudyDate/Time
        assertEquals(LocalDate.of(1979, 12, 31), id.birthDate());
        assertTrue(id.unfileableReason().isEmpty());
    }

    @Test
    void refusesToGuessASubjectOrAStudy() {
        assertEquals("blank PatientID: the subject cannot be identified",
                SeriesIdentity.of(header("", "X", "M", "MR", "20260102", "1015", 3, "")).unfileableReason().orElseThrow());
        assertEquals("no valid StudyDate: the study cannot be matched",
                SeriesIdentity.of(header("P1", "X", "M", "MR", "", "1015", 3, "")).unfileableReason().orElseThrow());
        assertEquals("no valid StudyDate: the study cannot be matched",
                SeriesIdentity.of(header("P1", "X", "M", "MR", "20261341", "1015", 3, "")).unfileableReason().orElseThrow());
    }

    @Test
    void readsDicomAndLegacyTimes() {
        assertEquals(LocalTime.of(10, 15, 30, 250_000_000), DicomDateTimes.time("101530.25"));
        assertEquals(LocalTime.of(10, 15), DicomDateTimes.time("1015"));
        assertEquals(LocalTime.of(10, 15, 30), DicomDateTimes.time("10:15:30"));
        assertEquals(LocalTime.MIDNIGHT, DicomDateTimes.time("garbage"));
        assertEquals(LocalDate.of(2026, 1, 2), DicomDateTimes.date("2026.01.02").orElseThrow());
    }

    @Test
    void whatMustBePresentDependsOnTheMatchingCriteria() {
        MatchingCriteria byUid = new MatchingCriteria(MatchingCriteria.Subject.PATIENT_ID, MatchingCriteria.Study.STUDY_UID,
                MatchingCriteria.Series.SERIES_NUMBER);
        SeriesIdentity noDate = SeriesIdentity.of(header("P1", "X", "M", "MR", "", "", 3, ""));
        assertTrue(noDate.unfileableReason(byUid).isEmpty(), "a study found by its UID needs no StudyDate");
        assertEquals("no valid SeriesDate or StudyDate: the series cannot be matched by date",
                noDate.unfileableReason(new MatchingCriteria(MatchingCriteria.Subject.PATIENT_ID,
                        MatchingCriteria.Study.STUDY_UID, MatchingCriteria.Series.SERIES_DATE)).orElseThrow());
        SeriesIdentity blankId = SeriesIdentity.of(header("", "Doe^Jane", "F", "MR", "20260102", "1015", 3, ""));
        assertTrue(blankId.unfileableReason(new MatchingCriteria(MatchingCriteria.Subject.NAME_SEX_DOB,
                MatchingCriteria.Study.MODALITY_STUDY_DATE, MatchingCriteria.Series.SERIES_NUMBER)).isEmpty(),
                "name, sex and birth date identify the subject without a PatientID");
        assertEquals("no folder name to take the PatientID from: the subject cannot be identified",
                blankId.unfileableReason(new MatchingCriteria(MatchingCriteria.Subject.PATIENT_ID_FROM_DIR,
                        MatchingCriteria.Study.MODALITY_STUDY_DATE, MatchingCriteria.Series.SERIES_NUMBER)).orElseThrow());
        assertEquals("S-1", blankId.withPatientId("S-1").patientId());
        assertEquals("Doe^Jane", blankId.withPatientId("S-1").patientName(), "a real name is kept");
        assertTrue(blankId.withPatientId("S-1").unfileableReason().isEmpty());
    }

    @Test
    void aPatientIdLongerThanDicomsSixtyFourCharactersIsNotFiled() {
        SeriesIdentity id = SeriesIdentity.of(header("P1", "X", "M", "MR", "20260102", "1015", 3, ""));
        assertTrue(id.withPatientId("F".repeat(64)).unfileableReason().isEmpty());
        assertEquals("PatientID longer than 64 characters (DICOM's limit)",
                id.withPatientId("F".repeat(65)).unfileableReason().orElseThrow(), "e.g. a long folder name");
    }
}

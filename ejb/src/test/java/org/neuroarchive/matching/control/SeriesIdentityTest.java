package org.neuroarchive.matching.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import org.neuroarchive.dicom.DicomHeader;
import org.neuroarchive.matching.entity.MatchingCriteria;
import org.neuroarchive.testing.DicomHeaderBuilder;

class SeriesIdentityTest {

    /** A header of patient P1 with StudyDate/Time 2026-01-02 10:15, SeriesNumber 3, no SeriesDate. */
    private static DicomHeaderBuilder header() {
        return DicomHeaderBuilder.mr().patient("P1", "X").patientSex("M").patientBirthDate("19791231")
                .studyAt("20260102", "1015").seriesAt("", "").seriesNumber(3);
    }

    @Test
    void normalisesBlankTagsAsNidbDoes() {
        SeriesIdentity id = SeriesIdentity.of(header().patient("P7", "").patientSex("").modality("")
                .studyAt("20260102", "101500.123").seriesAt("", "101733").seriesNumber(null).build());

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
                SeriesIdentity.of(header().patientId("").build()).unfileableReason().orElseThrow());
        assertEquals("no valid StudyDate: the study cannot be matched",
                SeriesIdentity.of(header().studyAt("", "1015").build()).unfileableReason().orElseThrow());
        assertEquals("no valid StudyDate: the study cannot be matched",
                SeriesIdentity.of(header().studyAt("20261341", "1015").build()).unfileableReason().orElseThrow());
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
        SeriesIdentity noDate = SeriesIdentity.of(header().studyAt("", "").build());
        assertTrue(noDate.unfileableReason(byUid).isEmpty(), "a study found by its UID needs no StudyDate");
        assertEquals("no valid SeriesDate or StudyDate: the series cannot be matched by date",
                noDate.unfileableReason(new MatchingCriteria(MatchingCriteria.Subject.PATIENT_ID,
                        MatchingCriteria.Study.STUDY_UID, MatchingCriteria.Series.SERIES_DATE)).orElseThrow());
        SeriesIdentity blankId = SeriesIdentity.of(header().patient("", "Doe^Jane").patientSex("F").build());
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
        SeriesIdentity id = SeriesIdentity.of(header().patient("P1", "X").patientSex("M").modality("MR").studyAt("20260102", "1015").build());
        assertTrue(id.withPatientId("F".repeat(64)).unfileableReason().isEmpty());
        assertEquals("PatientID longer than 64 characters (DICOM's limit)",
                id.withPatientId("F".repeat(65)).unfileableReason().orElseThrow(), "e.g. a long folder name");
    }
}

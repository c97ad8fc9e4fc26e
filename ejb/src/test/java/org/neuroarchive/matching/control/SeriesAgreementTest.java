package org.neuroarchive.matching.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.neuroarchive.dicom.DicomHeader;

/** Files of one series must agree on PatientID and StudyInstanceUID, or the series is held for a person. */
class SeriesAgreementTest {

    private static DicomHeader file(String patientId, String studyUid, String seriesUid) {
        return new DicomHeader("1.2.840.10008.5.1.4.1.1.4", "1.2." + System.nanoTime(), studyUid, seriesUid,
                "1.2.840.10008.1.2.1", patientId, "Doe^Jane", "F", "19800101", "MR", "20260102", "101500", "1", "R",
                "20260102", "101500", "T1", "t1", 3, 1, 1, "", "", 8, 8, null, 1, 16, "MONOCHROME2");
    }

    @Test
    void aSeriesWithSomeBlankPatientIdsIsHeldWithoutNamingThePatient() {
        Optional<String> reason = SeriesAgreement.disagreement(List.of(file("P1", "1.1", "1.1.1"),
                file("P1", "1.1", "1.1.1"), file(" ", "1.1", "1.1.1")), true);

        assertEquals(Optional.of("its files disagree on PatientID (1 different PatientIDs and 1 files with a blank one "
                + "among 3 files): whose series it is is for a person to decide"), reason);
    }

    @Test
    void twoPatientIdsInOneSeriesAreHeld() {
        Optional<String> reason = SeriesAgreement.disagreement(List.of(file("P1", "1.1", "1.1.1"),
                file("P2", "1.1", "1.1.1")), true);

        assertEquals(Optional.of("its files disagree on PatientID (2 different PatientIDs among 2 files): whose series "
                + "it is is for a person to decide"), reason);
    }

    @Test
    void patientIdsDoNotMatterWhenAPersonOrTheFolderNamesTheSubject() {
        assertEquals(Optional.empty(), SeriesAgreement.disagreement(List.of(file("P1", "1.1", "1.1.1"),
                file("", "1.1", "1.1.1")), false));
    }

    @Test
    void agreeingFilesAndAllBlankOnesAreNotADisagreement() {
        assertEquals(Optional.empty(), SeriesAgreement.disagreement(List.of(file("P1", "1.1", "1.1.1"),
                file(" P1 ", "1.1", "1.1.2")), true));
        // all blank: the blank PatientID rule holds that series, with its own reason
        assertEquals(Optional.empty(), SeriesAgreement.disagreement(List.of(file("", "1.1", "1.1.1"),
                file("", "1.1", "1.1.1")), true));
    }

    @Test
    void oneSeriesInstanceUidInTwoStudiesIsHeld() {
        Optional<String> reason = SeriesAgreement.disagreement(List.of(file("P1", "1.1", "1.1.1"),
                file("P1", "1.2", "1.1.1")), true);

        assertEquals(Optional.of("its files disagree on StudyInstanceUID (2 studies for one SeriesInstanceUID among 2 "
                + "files): which study it belongs to is for a person to decide"), reason);
    }

    @Test
    void seriesInstanceUidsOfDifferentStudiesFiledTogetherByTheirNumberAreNotADisagreement() {
        // NiDB files series by StudyDate and SeriesNumber: two SeriesInstanceUIDs may end in one series
        assertEquals(Optional.empty(), SeriesAgreement.disagreement(List.of(file("P1", "1.1", "1.1.1"),
                file("P1", "1.2", "1.2.1")), true));
    }
}

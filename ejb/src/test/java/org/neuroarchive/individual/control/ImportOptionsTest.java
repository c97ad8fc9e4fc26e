package org.neuroarchive.individual.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.neuroarchive.common.control.RequestRejected;
import org.neuroarchive.matching.entity.MatchingCriteria;

class ImportOptionsTest {

    private static ImportOptions options(String modality, String subject, String patientId, String study, String series,
                                         Boolean anonymize, List<String> altUids) {
        return new ImportOptions(modality, " ", subject, patientId, study, series, anonymize, altUids, null);
    }

    private static String refused(ImportOptions options) {
        RequestRejected e = assertThrows(RequestRejected.class, options::validate);
        assertEquals(RequestRejected.Reason.INVALID, e.reason());
        return e.getMessage();
    }

    @Test
    void leftOutOptionsAreNidbsDefaults() {
        ImportOptions.Valid valid = ImportOptions.DEFAULTS.validate();
        assertEquals("auto", valid.modality());
        assertNull(valid.project());
        assertEquals(MatchingCriteria.NIDB_DEFAULTS, valid.criteria());
        assertEquals(false, valid.anonymize());
        assertEquals(List.of(), valid.altUids());
        assertEquals("", valid.notes());
    }

    @Test
    void codesAreReadCaseInsensitivelyAndModalitiesUpperCased() {
        ImportOptions.Valid valid = options("mr", "SpecificPatientID", " S-1 ", "studyUID", "SeriesUid", true,
                Arrays.asList(" A1 ", "", null)).validate();
        assertEquals("MR", valid.modality());
        assertEquals(new MatchingCriteria(MatchingCriteria.Subject.SPECIFIC_PATIENT_ID, MatchingCriteria.Study.STUDY_UID,
                MatchingCriteria.Series.SERIES_UID), valid.criteria());
        assertEquals("S-1", valid.patientId());
        assertEquals(List.of("A1"), valid.altUids());
        assertNull(options(null, "patientid", "ignored", null, null, null, null).validate().patientId());
    }

    @Test
    void unknownOrIncompleteOptionsAreRefusedWithWhatToDo() {
        assertTrue(refused(options("M R", null, null, null, null, null, null)).contains("modality"));
        assertTrue(refused(options(null, "bydate", null, null, null, null, null))
                .contains("patientid, specificpatientid, patientidfromdir, namesexdob"));
        assertTrue(refused(options(null, "specificpatientid", " ", null, null, null, null)).contains("\"patientId\""));
        assertTrue(refused(options(null, "namesexdob", null, null, null, true, null)).contains("namesexdob"));
        assertTrue(refused(options(null, null, null, "studyid", null, true, null)).contains("studyid"));
        assertTrue(refused(options(null, null, null, null, "seriestime", null, null)).contains("seriesnum, seriesdate, seriesuid"));
        assertTrue(refused(options(null, null, null, null, null, null, List.of("x".repeat(256)))).contains("255"));
    }

    @Test
    void aTypedPatientIdHasAtMostDicomsSixtyFourCharacters() {
        assertEquals("P".repeat(64), options(null, "specificpatientid", "P".repeat(64), null, null, null, null).validate().patientId());
        assertTrue(refused(options(null, "specificpatientid", "P".repeat(65), null, null, null, null))
                .contains("longer than 64 characters"));
    }
}

package org.neuroarchive.individual.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.neuroarchive.dicom.DicomHeader;
import org.neuroarchive.matching.entity.MatchingCriteria;
import org.neuroarchive.matching.entity.MatchingCriteria.Series;
import org.neuroarchive.matching.entity.MatchingCriteria.Study;
import org.neuroarchive.matching.entity.MatchingCriteria.Subject;
import org.neuroarchive.testing.DicomHeaderBuilder;

class SeriesBucketsTest {

    private static DicomHeader header(String patientId, String name, String modality, String studyUid, String studyId,
                                      String studyTime, String seriesUid, int seriesNumber, String seriesTime) {
        return DicomHeaderBuilder.mr().patient(patientId, name).modality(modality).studyInstanceUid(studyUid)
                .studyId(studyId).studyAt("20260102", studyTime).studyDescription("R").seriesInstanceUid(seriesUid)
                .seriesNumber(seriesNumber).seriesAt("20260102", seriesTime).build();
    }

    private static List<SeriesBuckets.Key> keys(SeriesBuckets buckets) {
        return buckets.buckets().stream().map(SeriesBuckets.Bucket::key).toList();
    }

    @Test
    void nidbDefaultsGroupByPatientIdModalityStudyDateAndSeriesNumber() {
        SeriesBuckets buckets = new SeriesBuckets(MatchingCriteria.NIDB_DEFAULTS, null, "auto");
        buckets.add("a/1", 10, header("P1", "N", "MR", "1.1", "7", "1015", "1.1.1", 1, "1016"));
        buckets.add("a/2", 20, header("P1", "N", "MR", "1.1", "7", "1015", "1.1.2", 1, "1017"));
        buckets.add("a/3", 30, header("P1", "N", "MR", "1.1", "7", "1015", "1.1.3", 2, "1018"));
        buckets.add("b/1", 40, header("P2", "N", "MR", "1.2", "7", "1015", "1.2.1", 1, "1016"));

        assertEquals(List.of(new SeriesBuckets.Key(false, "P1", "MR | 2026-01-02T10:15", "1"),
                new SeriesBuckets.Key(false, "P1", "MR | 2026-01-02T10:15", "2"),
                new SeriesBuckets.Key(false, "P2", "MR | 2026-01-02T10:15", "1")), keys(buckets));
        SeriesBuckets.Bucket first = buckets.buckets().iterator().next();
        assertEquals(List.of("a/1", "a/2"), first.files());
        assertEquals(List.of(10L, 20L), first.sizes());
        assertEquals(30, first.bytes());
    }

    @Test
    void uidCriteriaKeepSameNumberedSeriesAndDifferentlyTimedStudiesApartOrTogether() {
        SeriesBuckets buckets = new SeriesBuckets(new MatchingCriteria(Subject.PATIENT_ID, Study.STUDY_UID, Series.SERIES_UID),
                null, "auto");
        buckets.add("1", 1, header("P1", "N", "MR", "1.1", "7", "1015", "1.1.1", 1, "1016"));
        buckets.add("2", 1, header("P1", "N", "MR", "1.1", "7", "1130", "1.1.2", 1, "1131"));
        assertEquals(List.of(new SeriesBuckets.Key(false, "P1", "1.1", "1.1.1"),
                new SeriesBuckets.Key(false, "P1", "1.1", "1.1.2")), keys(buckets));
    }

    @Test
    void studyIdAndSeriesDate() {
        SeriesBuckets buckets = new SeriesBuckets(new MatchingCriteria(Subject.PATIENT_ID, Study.STUDY_ID, Series.SERIES_DATE),
                null, "auto");
        buckets.add("1", 1, header("P1", "N", "MR", "1.1", "SID", "1015", "1.1.1", 4, "1016"));
        buckets.add("2", 1, header("P1", "N", "MR", "1.2", "SID", "1100", "1.2.1", 4, "1020"));
        assertEquals(List.of(new SeriesBuckets.Key(false, "P1", "SID", "2026-01-02T10:16"),
                new SeriesBuckets.Key(false, "P1", "SID", "2026-01-02T10:20")), keys(buckets));
    }

    @Test
    void subjectFromATypedPatientIdTheFolderOrNameSexAndBirthDate() {
        SeriesBuckets typed = new SeriesBuckets(new MatchingCriteria(Subject.SPECIFIC_PATIENT_ID, Study.STUDY_UID,
                Series.SERIES_NUMBER), " S-9 ", "auto");
        typed.add("x/1", 1, header("P1", "N", "MR", "1.1", "7", "1015", "1.1.1", 1, "1016"));
        typed.add("y/1", 1, header("P2", "M", "MR", "1.1", "7", "1015", "1.1.1", 1, "1016"));
        assertEquals(1, typed.buckets().size());
        assertEquals("S-9", typed.buckets().iterator().next().identity().patientId());

        SeriesBuckets folders = new SeriesBuckets(new MatchingCriteria(Subject.PATIENT_ID_FROM_DIR, Study.STUDY_UID,
                Series.SERIES_NUMBER), null, "auto");
        folders.add("site/SUBJ-A/1.dcm", 1, header("SAME", "N", "MR", "1.1", "7", "1015", "1.1.1", 1, "1016"));
        folders.add("site/SUBJ-B/1.dcm", 1, header("SAME", "N", "MR", "1.1", "7", "1015", "1.1.1", 1, "1016"));
        folders.add("top.dcm", 1, header("SAME", "N", "MR", "1.1", "7", "1015", "1.1.1", 1, "1016"));
        assertEquals(List.of("SUBJ-A", "SUBJ-B", ""), keys(folders).stream().map(SeriesBuckets.Key::subject).toList());
        assertEquals("SUBJ-A", folders.buckets().iterator().next().identity().patientId());

        SeriesBuckets people = new SeriesBuckets(new MatchingCriteria(Subject.NAME_SEX_DOB, Study.STUDY_UID,
                Series.SERIES_NUMBER), null, "auto");
        people.add("1", 1, header("P1", "Doe^Jane", "MR", "1.1", "7", "1015", "1.1.1", 1, "1016"));
        people.add("2", 1, header("P2", "Doe^Jane", "MR", "1.1", "7", "1015", "1.1.1", 1, "1016"));
        assertEquals(List.of("Doe^Jane | F | 1980-01-01"), keys(people).stream().map(SeriesBuckets.Key::subject).toList());
    }

    @Test
    void anotherModalityGoesToNonmatch() {
        SeriesBuckets buckets = new SeriesBuckets(MatchingCriteria.NIDB_DEFAULTS, null, "mr");
        assertFalse(buckets.add("1", 1, header("P1", "N", "MR", "1.1", "7", "1015", "1.1.1", 1, "1016")).nonmatch());
        assertTrue(buckets.add("2", 1, header("P1", "N", "CT", "1.1", "7", "1015", "1.1.2", 2, "1016")).nonmatch());
    }

    @Test
    void folderNameIsTheLastFolderOfTheRelativePath() {
        assertEquals("b", SeriesBuckets.folderName("a/b/c.dcm"));
        assertEquals("a", SeriesBuckets.folderName("a/c.dcm"));
        assertEquals("", SeriesBuckets.folderName("c.dcm"));
    }

    @Test
    void aSeriesSplitByItsPatientIdsIsHeldInEveryBucketItLandsIn() {
        SeriesBuckets buckets = new SeriesBuckets(MatchingCriteria.NIDB_DEFAULTS, null, "auto");
        buckets.add("1", 1, header("P1", "N", "MR", "1.1", "7", "1015", "1.1.1", 1, "1016"));
        buckets.add("2", 1, header("P1", "N", "MR", "1.1", "7", "1015", "1.1.1", 1, "1016"));
        buckets.add("3", 1, header("", "N", "MR", "1.1", "7", "1015", "1.1.1", 1, "1016"));
        buckets.add("4", 1, header("P2", "N", "MR", "1.2", "7", "1015", "1.2.1", 2, "1016"));

        List<String> reasons = buckets.buckets().stream()
                .map(b -> b.key().subject() + ": " + b.disagreement().orElse("agrees")).toList();

        String held = "its files disagree on PatientID (1 different PatientIDs and 1 files with a blank one among 3 files):"
                + " whose series it is is for a person to decide";
        assertEquals(List.of("P1: " + held, ": " + held, "P2: agrees"), reasons);
    }

    @Test
    void aSeriesInTwoStudiesIsHeldAndATypedPatientIdSettlesThePatientIds() {
        SeriesBuckets buckets = new SeriesBuckets(new MatchingCriteria(Subject.SPECIFIC_PATIENT_ID, Study.STUDY_UID,
                Series.SERIES_NUMBER), "S1", "auto");
        buckets.add("1", 1, header("P1", "N", "MR", "1.1", "7", "1015", "1.1.1", 1, "1016"));
        buckets.add("2", 1, header("", "N", "MR", "1.1", "7", "1015", "1.1.1", 1, "1016"));
        assertEquals(List.of("agrees"), buckets.buckets().stream().map(b -> b.disagreement().orElse("agrees")).toList());

        buckets.add("3", 1, header("P1", "N", "MR", "1.2", "7", "1015", "1.1.1", 1, "1016"));

        assertEquals(List.of(true, true), buckets.buckets().stream()
                .map(b -> b.disagreement().orElse("").startsWith("its files disagree on StudyInstanceUID")).toList());
    }

    @Test
    void keepsTheDigestOfEachFileBesideItsNameAndSize() {
        SeriesBuckets buckets = new SeriesBuckets(MatchingCriteria.NIDB_DEFAULTS, null, "auto");
        buckets.add("a/1", 10, "a".repeat(64), header("P1", "N", "MR", "1.1", "7", "1015", "1.1.1", 1, "1016"));
        buckets.add("a/2", 20, header("P1", "N", "MR", "1.1", "7", "1015", "1.1.2", 1, "1017"));

        SeriesBuckets.Bucket bucket = buckets.buckets().iterator().next();
        assertEquals(List.of("a/1", "a/2"), bucket.files());
        assertEquals(Arrays.asList("a".repeat(64), null), bucket.digests());
    }
}

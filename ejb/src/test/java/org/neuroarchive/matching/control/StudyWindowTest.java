package org.neuroarchive.matching.control;

import org.neuroarchive.matching.entity.MatchingCriteria;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.neuroarchive.matching.entity.Enrollment;
import org.neuroarchive.matching.entity.Project;
import org.neuroarchive.matching.entity.Study;
import org.neuroarchive.testing.DicomHeaderBuilder;
import org.neuroarchive.testing.TestDatabase;
import org.neuroarchive.testing.TestTransaction;

/**
 * NiDB's study rule on the real schema: a series joins the study of its subject's enrollment with the
 * same modality whose StudyDateTime lies within ±30 seconds of its own (the closest, if several do);
 * otherwise a new study numbered max+1 for the subject. Each case has a subject of its own.
 */
class StudyWindowTest {

    private static final TestDatabase DB = TestDatabase.shared();
    private static final AtomicInteger SUBJECTS = new AtomicInteger();

    private final String patientId = "P-WINDOW-" + SUBJECTS.incrementAndGet();

    private static NewRecords records(TestTransaction tx) {
        return new NewRecords(tx.em(), tx.systemSession());
    }

    private SeriesIdentity at(String modality, String studyTime) {
        return SeriesIdentity.of(DicomHeaderBuilder.mr().patient(patientId, "Doe^Jane").modality(modality)
                .studyAt("20260102", studyTime).build());
    }

    private long enrolled(String costcenter) throws Exception {
        long subject = DB.inTransaction(tx -> records(tx).subject(at("MR", "101500"), MatchingCriteria.Subject.PATIENT_ID)
                .orElseThrow().value());
        long project = DB.inTransaction(tx -> tx.em().createNamedQuery(Project.BY_COSTCENTER, Project.class)
                .setParameter("costcenter", costcenter).getSingleResult().getId());
        return DB.inTransaction(tx -> records(tx).enrollment(subject, project));
    }

    /** Finds or creates the study of a series at {@code studyTime} on 2026-01-02, as archiving does. */
    private static Found<Long> study(long enrollment, SeriesIdentity identity) throws Exception {
        return DB.inTransaction(tx -> records(tx).study(enrollment, identity, MatchingCriteria.Study.MODALITY_STUDY_DATE));
    }

    private static int number(Found<Long> study) throws Exception {
        return DB.inTransaction(tx -> tx.em().find(Study.class, study.value()).getStudyNum());
    }

    @Test
    void thirtySecondsEitherWayIsTheSameStudy() throws Exception {
        long enrollment = enrolled(Project.GENERIC_COSTCENTER);
        Found<Long> first = study(enrollment, at("MR", "101500"));
        assertTrue(first.created());
        for (String time : new String[] {"101530", "101430", "101500.999", "101529.999"}) {
            Found<Long> same = study(enrollment, at("MR", time));
            assertEquals(first.value(), same.value(), time + " is within 30 s of 10:15:00");
            assertFalse(same.created());
        }
    }

    @Test
    void moreThanThirtySecondsAwayIsANewStudyNumberedNext() throws Exception {
        long enrollment = enrolled(Project.GENERIC_COSTCENTER);
        Found<Long> first = study(enrollment, at("MR", "101500"));
        Found<Long> later = study(enrollment, at("MR", "101530.001"));
        Found<Long> earlier = study(enrollment, at("MR", "101429"));
        assertTrue(later.created(), "30.001 s after is outside the window");
        assertTrue(earlier.created(), "31 s before is outside the window");
        assertEquals(1, number(first));
        assertEquals(2, number(later));
        assertEquals(3, number(earlier));
    }

    @Test
    void anotherModalityAtTheSameTimeIsAnotherStudy() throws Exception {
        long enrollment = enrolled(Project.GENERIC_COSTCENTER);
        Found<Long> mr = study(enrollment, at("MR", "101500"));
        Found<Long> ct = study(enrollment, at("CT", "101500"));
        assertNotEquals(mr.value(), ct.value());
        assertEquals(2, number(ct));
    }

    @Test
    void ofTwoStudiesWithinTheWindowTheClosestIsJoined() throws Exception {
        long enrollment = enrolled(Project.GENERIC_COSTCENTER);
        Found<Long> ten = study(enrollment, at("MR", "100000"));
        Found<Long> tenForty = study(enrollment, at("MR", "100040"));
        assertNotEquals(ten.value(), tenForty.value());
        assertEquals(tenForty.value(), study(enrollment, at("MR", "100025")).value(), "15 s from 10:00:40, 25 s from 10:00:00");
        assertEquals(ten.value(), study(enrollment, at("MR", "100015")).value(), "15 s from 10:00:00, 25 s from 10:00:40");
    }

    @Test
    void aStudyOfTheSameSubjectInAnotherProjectIsNotJoinedButNumberedAfter() throws Exception {
        long generic = enrolled(Project.GENERIC_COSTCENTER);
        long clinical = enrolled(Project.CLINICAL_COSTCENTER);
        Found<Long> inGeneric = study(generic, at("MR", "101500"));
        Found<Long> inClinical = study(clinical, at("MR", "101500"));
        assertNotEquals(inGeneric.value(), inClinical.value());
        assertEquals(2, number(inClinical), "study numbers count per subject, across projects");
        long enrollmentOfStudy = DB.inTransaction(tx -> tx.em().find(Study.class, inClinical.value()).getEnrollment().getId());
        assertEquals(clinical, enrollmentOfStudy);
    }

    @Test
    void aReleasedSeriesWithoutStudyDateJoinsTheStudyWithItsUid() throws Exception {
        long enrollment = enrolled(Project.GENERIC_COSTCENTER);
        Found<Long> dated = study(enrollment, SeriesIdentity.of(DicomHeaderBuilder.mr().patient(patientId, "Doe^Jane")
                .studyInstanceUid("1.2.777").build()));
        SeriesIdentity undated = SeriesIdentity.of(DicomHeaderBuilder.mr().patient(patientId, "Doe^Jane")
                .studyInstanceUid("1.2.777").studyAt("", "").seriesAt("", "").build()).releasedAs(patientId);
        assertEquals(dated.value(), study(enrollment, undated).value());
        Found<Long> find = DB.inTransaction(tx -> StudyMatcher.matching(tx.em(), tx.em().find(Enrollment.class, enrollment),
                undated, MatchingCriteria.Study.MODALITY_STUDY_DATE).map(s -> Found.existing(s.getId())).orElseThrow());
        assertEquals(dated.value(), find.value());
    }
}

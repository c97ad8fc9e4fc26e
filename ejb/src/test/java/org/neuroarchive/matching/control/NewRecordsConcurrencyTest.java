package org.neuroarchive.matching.control;

import org.neuroarchive.matching.entity.MatchingCriteria;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.neuroarchive.matching.entity.Project;
import org.neuroarchive.matching.entity.Series;
import org.neuroarchive.matching.entity.Study;
import org.neuroarchive.matching.entity.Subject;
import org.neuroarchive.testing.DicomHeaderBuilder;
import org.neuroarchive.testing.TestDatabase;
import org.neuroarchive.testing.TestTransaction;

/**
 * Subjects, studies and series created by archive transactions running at once: no twins, and numbers
 * that follow each other. {@link NewRecords} runs each creation in a transaction of its own
 * (REQUIRES_NEW) that first locks the parent row — the {@code creation_lock} row for a subject, the
 * subject for a study, the study for a series ({@code SELECT … FOR UPDATE} / PESSIMISTIC_WRITE) —
 * then looks again, and only then numbers max+1 and inserts.
 * <p>
 * Here every call runs as the container runs it: on a thread of its own, in a {@link TestDatabase}
 * transaction of its own (its own entity manager, its own JDBC connection from begin to commit), so the
 * locks are the database's row locks, held until commit, and the second caller really waits. One caller
 * keeps its transaction open after creating; the test sees the other wait, lets the first commit, and
 * checks what the second made. Without the locks the second would not wait: it would number its row
 * like the first (and fail on the unique number) or create a twin of the first's row.
 */
class NewRecordsConcurrencyTest {

    private static final long WAIT_MILLIS = 300;

    private static final TestDatabase DB = TestDatabase.shared();

    private final ExecutorService threads = Executors.newFixedThreadPool(8);

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    private static NewRecords records(TestTransaction tx) {
        return new NewRecords(tx.em(), tx.systemSession());
    }

    private static SeriesIdentity identity(String patientId, String studyTime, int seriesNumber, String seriesUid) {
        return SeriesIdentity.of(DicomHeaderBuilder.mr().patient(patientId, "Doe^Jane").studyAt("20260102", studyTime)
                .seriesNumber(seriesNumber).seriesInstanceUid(seriesUid).build());
    }

    /** A subject for {@code patientId}, enrolled in the generic project: its enrollment id. */
    private static long enrolled(String patientId) throws Exception {
        long subject = DB.inTransaction(tx -> records(tx).subject(identity(patientId, "101500", 1, "1.9"),
                MatchingCriteria.Subject.PATIENT_ID).orElseThrow().value());
        long project = DB.inTransaction(tx -> tx.em().createNamedQuery(Project.BY_COSTCENTER, Project.class)
                .setParameter("costcenter", Project.GENERIC_COSTCENTER).getSingleResult().getId());
        return DB.inTransaction(tx -> records(tx).enrollment(subject, project));
    }

    private static long study(long enrollment, String studyTime) throws Exception {
        return DB.inTransaction(tx -> records(tx).study(enrollment, identity("-", studyTime, 1, "1.9"),
                MatchingCriteria.Study.MODALITY_STUDY_DATE)).value();
    }

    private static int studyNum(long studyId) throws Exception {
        return DB.inTransaction(tx -> tx.em().find(Study.class, studyId).getStudyNum());
    }

    private static int seriesNum(long seriesId) throws Exception {
        return DB.inTransaction(tx -> tx.em().find(Series.class, seriesId).getSeriesNum());
    }

    /** Runs {@code work} in a transaction on another thread that stays open until {@code release} opens. */
    private <T> Future<T> heldOpen(TestDatabase.Work<T> work, CountDownLatch done, CountDownLatch release) {
        return threads.submit(() -> DB.inTransaction(tx -> {
            T result = work.in(tx);
            done.countDown();
            assertTrue(release.await(30, TimeUnit.SECONDS), "never released");
            return result;
        }));
    }

    private <T> Future<T> meanwhile(TestDatabase.Work<T> work) {
        return threads.submit(() -> DB.inTransaction(work));
    }

    private static void assertWaits(Future<?> call, String what) {
        assertThrows(TimeoutException.class, () -> call.get(WAIT_MILLIS, TimeUnit.MILLISECONDS), what);
    }

    @Test
    void aStudyCreatedMeanwhileGetsTheNextNumberAfterWaitingForTheFirst() throws Exception {
        long enrollment = enrolled("P-STUDY-NUM");
        CountDownLatch created = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        Future<Found<Long>> first = heldOpen(tx -> records(tx).study(enrollment, identity("-", "101500", 1, "1.9"),
                MatchingCriteria.Study.MODALITY_STUDY_DATE), created, commit);
        assertTrue(created.await(30, TimeUnit.SECONDS));

        Future<Found<Long>> second = meanwhile(tx -> records(tx).study(enrollment, identity("-", "140000", 1, "1.9"),
                MatchingCriteria.Study.MODALITY_STUDY_DATE));
        assertWaits(second, "the second study waits for the lock on the subject");
        commit.countDown();

        assertEquals(1, studyNum(first.get().value()));
        assertEquals(2, studyNum(second.get(30, TimeUnit.SECONDS).value()));
        assertTrue(second.get().created());
    }

    @Test
    void aStudyCreatedMeanwhileWithinThirtySecondsIsJoinedNotTwinned() throws Exception {
        long enrollment = enrolled("P-STUDY-TWIN");
        CountDownLatch created = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        Future<Found<Long>> first = heldOpen(tx -> records(tx).study(enrollment, identity("-", "101500", 1, "1.9"),
                MatchingCriteria.Study.MODALITY_STUDY_DATE), created, commit);
        assertTrue(created.await(30, TimeUnit.SECONDS));

        Future<Found<Long>> second = meanwhile(tx -> records(tx).study(enrollment, identity("-", "101520", 2, "1.9.2"),
                MatchingCriteria.Study.MODALITY_STUDY_DATE));
        assertWaits(second, "the second series' study waits for the lock on the subject");
        commit.countDown();

        assertEquals(first.get().value(), second.get(30, TimeUnit.SECONDS).value(), "one study, not two");
        assertFalse(second.get().created());
    }

    @Test
    void aSeriesWhoseNumberWasTakenMeanwhileGetsTheStudysNextNumber() throws Exception {
        long study = study(enrolled("P-SERIES-NUM"), "101500");
        CountDownLatch created = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        Future<Found<Long>> first = heldOpen(tx -> records(tx).series(study, identity("-", "101500", 5, "1.9.5.1"),
                MatchingCriteria.Series.SERIES_UID), created, commit);
        assertTrue(created.await(30, TimeUnit.SECONDS));

        Future<Found<Long>> second = meanwhile(tx -> records(tx).series(study, identity("-", "101500", 5, "1.9.5.2"),
                MatchingCriteria.Series.SERIES_UID));
        assertWaits(second, "the second series waits for the lock on the study");
        commit.countDown();

        assertEquals(5, seriesNum(first.get().value()));
        assertEquals(6, seriesNum(second.get(30, TimeUnit.SECONDS).value()), "SeriesNumber 5 was taken: max+1");
    }

    @Test
    void aSeriesCreatedMeanwhileWithTheSameNumberIsJoinedNotTwinned() throws Exception {
        long study = study(enrolled("P-SERIES-TWIN"), "101500");
        CountDownLatch created = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        Future<Found<Long>> first = heldOpen(tx -> records(tx).series(study, identity("-", "101500", 7, "1.9.7"),
                MatchingCriteria.Series.SERIES_NUMBER), created, commit);
        assertTrue(created.await(30, TimeUnit.SECONDS));

        Future<Found<Long>> second = meanwhile(tx -> records(tx).series(study, identity("-", "101500", 7, "1.9.7"),
                MatchingCriteria.Series.SERIES_NUMBER));
        assertWaits(second, "the second series waits for the lock on the study");
        commit.countDown();

        assertEquals(first.get().value(), second.get(30, TimeUnit.SECONDS).value());
        assertFalse(second.get().created());
    }

    @Test
    void aSubjectCreatedMeanwhileIsFoundNotTwinned() throws Exception {
        SeriesIdentity identity = identity("P-SUBJECT-TWIN", "101500", 1, "1.9");
        CountDownLatch created = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        Future<Long> first = heldOpen(tx -> records(tx).subject(identity, MatchingCriteria.Subject.PATIENT_ID)
                .orElseThrow().value(), created, commit);
        assertTrue(created.await(30, TimeUnit.SECONDS));

        Future<Found<Long>> second = meanwhile(tx -> records(tx).subject(identity, MatchingCriteria.Subject.PATIENT_ID)
                .orElseThrow());
        assertWaits(second, "the second waits for the subject creation lock");
        commit.countDown();

        assertEquals(first.get(), second.get(30, TimeUnit.SECONDS).value());
        assertFalse(second.get().created());
        long subjects = DB.inTransaction(tx -> tx.em().createNamedQuery(Subject.BY_UID_OR_ALTUID, Subject.class)
                .setParameter("id", "P-SUBJECT-TWIN").setParameter("hash", "p-subject-twin").getResultStream().count());
        assertEquals(1, subjects);
    }

    /** Eight series of one subject at once, two by two in the same study: four studies numbered 1 to 4. */
    @Test
    void manySeriesAtOnceMakeOneStudyPerTimeNumberedWithoutGaps() throws Exception {
        long enrollment = enrolled("P-STUDY-MANY");
        String[] times = {"080000", "080010", "090000", "090020", "100000", "100005", "110000", "110030"};
        CyclicBarrier start = new CyclicBarrier(times.length);
        List<Future<Found<Long>>> calls = new ArrayList<>();
        for (String time : times) {
            calls.add(meanwhile(tx -> {
                start.await(30, TimeUnit.SECONDS);
                return records(tx).study(enrollment, identity("-", time, 1, "1.9"), MatchingCriteria.Study.MODALITY_STUDY_DATE);
            }));
        }
        Set<Integer> numbers = new TreeSet<>();
        for (int i = 0; i < times.length; i += 2) {
            long a = calls.get(i).get(30, TimeUnit.SECONDS).value();
            long b = calls.get(i + 1).get(30, TimeUnit.SECONDS).value();
            assertEquals(a, b, times[i] + " and " + times[i + 1] + " are one study");
            numbers.add(studyNum(a));
        }
        assertEquals(Set.of(1, 2, 3, 4), numbers);
    }
}

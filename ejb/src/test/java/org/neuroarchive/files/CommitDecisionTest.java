package org.neuroarchive.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.neuroarchive.files.CommitCheck.Observation.ABSENT;
import static org.neuroarchive.files.CommitCheck.Observation.PRESENT;
import static org.neuroarchive.files.CommitCheck.Observation.UNANSWERED;
import static org.neuroarchive.files.CommitDecision.COMMIT;
import static org.neuroarchive.files.CommitDecision.KEEP_BOTH;
import static org.neuroarchive.files.CommitDecision.REVOKE;
import static org.neuroarchive.files.CommitDecision.WAIT;

import jakarta.transaction.Status;
import org.junit.jupiter.api.Test;

/** The files follow the database's rows, whatever the transaction manager reported. */
class CommitDecisionTest {

    @Test
    void aMarkThatIsThereMeansCommittedWhateverWasReported() {
        for (int reported : new int[] {Status.STATUS_COMMITTED, Status.STATUS_ROLLEDBACK, Status.STATUS_UNKNOWN}) {
            assertEquals(COMMIT, CommitDecision.of(reported, PRESENT, false, false), "reported " + reported);
        }
    }

    @Test
    void aMissingMarkRevokesOnlyWhenSeenMissingTwiceAndNoCommitWasReported() {
        assertEquals(WAIT, CommitDecision.of(Status.STATUS_ROLLEDBACK, ABSENT, false, false), "a sent commit may still land");
        assertEquals(REVOKE, CommitDecision.of(Status.STATUS_ROLLEDBACK, ABSENT, true, false));
        assertEquals(REVOKE, CommitDecision.of(Status.STATUS_UNKNOWN, ABSENT, true, false));
        assertEquals(REVOKE, CommitDecision.of(Status.STATUS_ROLLEDBACK, ABSENT, false, true));
    }

    @Test
    void aReportedCommitWhoseMarkIsMissingWaitsForRecoveryThenTrustsTheTransactionManager() {
        assertEquals(WAIT, CommitDecision.of(Status.STATUS_COMMITTED, ABSENT, true, false), "in doubt until XA recovery");
        assertEquals(COMMIT, CommitDecision.of(Status.STATUS_COMMITTED, ABSENT, true, true));
    }

    @Test
    void anUnansweredDatabaseIsAskedAgainThenNothingIsDeleted() {
        assertEquals(WAIT, CommitDecision.of(Status.STATUS_ROLLEDBACK, UNANSWERED, false, false));
        assertEquals(WAIT, CommitDecision.of(Status.STATUS_COMMITTED, UNANSWERED, true, false));
        assertEquals(KEEP_BOTH, CommitDecision.of(Status.STATUS_ROLLEDBACK, UNANSWERED, false, true));
        assertEquals(KEEP_BOTH, CommitDecision.of(Status.STATUS_UNKNOWN, UNANSWERED, true, true));
        assertEquals(COMMIT, CommitDecision.of(Status.STATUS_COMMITTED, UNANSWERED, false, true));
    }
}

package org.neuroarchive.files;

import jakarta.transaction.Status;

/**
 * What a file transaction does with its files once its database transaction ended, from the status the
 * transaction manager reported and what the database shows of the transaction's mark ({@link CommitCheck}).
 * The database's answer wins: the files follow the rows.
 */
public enum CommitDecision {
    /** Committed: do the moves and deletes, keep the placed files. */
    COMMIT,
    /** Not committed: revoke the placed files and reservations, keep the originals. */
    REVOKE,
    /** Not known yet: look again a little later. */
    WAIT,
    /** Never known: keep the placed files and the originals (a later attempt files them again, nothing is lost). */
    KEEP_BOTH;

    /**
     * @param reported    the transaction manager's status ({@link Status})
     * @param observation what the database shows of the mark
     * @param absentBefore the mark was already absent at an earlier look, a moment ago
     * @param lastLook    no more looks follow
     */
    public static CommitDecision of(int reported, CommitCheck.Observation observation, boolean absentBefore, boolean lastLook) {
        boolean reportedCommitted = reported == Status.STATUS_COMMITTED;
        switch (observation) {
            case PRESENT:
                return COMMIT;
            case ABSENT:
                if (reportedCommitted) {
                    // decided, yet not visible: a branch prepared and committed later by XA recovery
                    return lastLook ? COMMIT : WAIT;
                }
                // a commit that was sent just before the connection dropped may still land: absent twice
                return absentBefore || lastLook ? REVOKE : WAIT;
            default:
                if (!lastLook) {
                    return WAIT;
                }
                return reportedCommitted ? COMMIT : KEEP_BOTH;
        }
    }
}

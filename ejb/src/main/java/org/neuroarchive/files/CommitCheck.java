package org.neuroarchive.files;

/**
 * Tells after the end of a transaction whether the database really committed it, whatever the
 * transaction manager reported: a transaction committed in one phase (Payara does so when the database
 * is its only resource) whose connection is lost during the commit may be reported rolled back though
 * the database committed, or the other way round. The transaction writes a mark, a row of its own,
 * before it ends ({@link #mark}); the mark is there afterwards if and only if it committed
 * ({@link #observe}). The archive's database implements it.
 */
public interface CommitCheck {

    /** What the database shows of a transaction's mark, read outside any transaction. */
    enum Observation {
        /** The mark is there: the transaction committed. */
        PRESENT,
        /** The mark is not there: the transaction did not commit, or is still in doubt (prepared, awaiting XA recovery). */
        ABSENT,
        /** The database did not answer. */
        UNANSWERED
    }

    /** Writes a new mark in the current transaction; answers its identifier. */
    String mark();

    /** Reads whether the mark is there, in a transaction and a connection of its own, within a few seconds. */
    Observation observe(String mark);

    /** Removes a mark that was observed present (best effort: marks left over are removed at start-up). */
    void forget(String mark);
}

package org.neuroarchive.archive.control;

import org.neuroarchive.config.ClusterSettings;
import org.neuroarchive.files.CommitCheck;
import org.neuroarchive.testing.TestDatabase;
import org.neuroarchive.testing.TestTransaction;

/**
 * {@link CommitMarks} on a {@link TestDatabase} as the {@link CommitCheck} of a file transaction in
 * {@code tx}: marks written in it, read and removed afterwards in transactions of their own, as
 * {@link DatabaseCommitCheck} does on a server.
 */
final class DatabaseMarks implements CommitCheck {

    private final TestDatabase db;
    private final TestTransaction tx;

    DatabaseMarks(TestDatabase db, TestTransaction tx) {
        this.db = db;
        this.tx = tx;
    }

    static CommitMarks marks(TestTransaction tx) {
        CommitMarks marks = new CommitMarks();
        marks.em = tx.em();
        marks.cluster = ClusterSettings.of("node-a", 30, 60);
        return marks;
    }

    @Override
    public String mark() {
        return marks(tx).mark();
    }

    @Override
    public Observation observe(String mark) {
        try {
            return db.inTransaction(t -> marks(t).present(mark)) ? Observation.PRESENT : Observation.ABSENT;
        } catch (Exception e) {
            return Observation.UNANSWERED;
        }
    }

    @Override
    public void forget(String mark) {
        try {
            db.run(t -> marks(t).forget(mark));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

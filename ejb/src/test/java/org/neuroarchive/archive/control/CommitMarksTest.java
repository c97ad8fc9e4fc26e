package org.neuroarchive.archive.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.transaction.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroarchive.files.CommitCheck;
import org.neuroarchive.files.FileTransaction;
import org.neuroarchive.testing.TestDatabase;
import org.neuroarchive.testing.TestTransaction;

/**
 * Commit marks on H2: a file transaction whose end the transaction manager reports wrongly (a one-phase
 * commit whose connection was lost) still ends with its files where the database's rows say.
 */
class CommitMarksTest {

    private final TestDatabase db = TestDatabase.migrated();

    @TempDir
    Path dir;

    @AfterEach
    void close() {
        db.close();
    }

    private static CommitMarks marks(TestTransaction tx) {
        return DatabaseMarks.marks(tx);
    }

    private CommitCheck check(TestTransaction tx) {
        return new DatabaseMarks(db, tx);
    }

    @Test
    void aCommitReportedAsARollbackKeepsTheFilesWithTheirRows() throws Exception {
        Path claimed = Files.writeString(dir.resolve("claimed.dcm"), "instance");
        Path archived = dir.resolve("archive/x.dcm");
        db.run(tx -> {
            tx.reportEndAs(Status.STATUS_ROLLEDBACK); // what a server may report when the commit's answer was lost
            FileTransaction files = FileTransaction.current(tx, check(tx));
            files.place(claimed, archived);
            files.deleteOnCommit(claimed);
        });

        assertEquals("instance", Files.readString(archived), "the committed rows keep their file");
        assertFalse(Files.exists(claimed), "the original is removed as after any commit");
        assertEquals(0L, count(), "the mark is removed once the files followed");
    }

    @Test
    void aRollbackReportedAsUnknownRevokesThePlacedFiles() throws Exception {
        Path claimed = Files.writeString(dir.resolve("claimed.dcm"), "instance");
        Path archived = dir.resolve("archive/x.dcm");
        try {
            db.run(tx -> {
                tx.reportEndAs(Status.STATUS_UNKNOWN);
                FileTransaction files = FileTransaction.current(tx, check(tx));
                files.place(claimed, archived);
                files.deleteOnCommit(claimed);
                throw new IllegalStateException("the database rolls back");
            });
        } catch (IllegalStateException expected) {
            // rolled back
        }

        assertFalse(Files.exists(archived), "no file for rows that were rolled back");
        assertEquals("instance", Files.readString(claimed), "the original stays");
    }

    @Test
    void marksLeftOverByACrashAreRemovedByAge() throws Exception {
        db.run(tx -> marks(tx).mark());
        db.run(tx -> marks(tx).mark());
        assertEquals(0, (int) db.inTransaction(tx -> marks(tx).forgetOlderThan(LocalDateTime.now().minusDays(1))));
        assertEquals(2, (int) db.inTransaction(tx -> marks(tx).forgetOlderThan(LocalDateTime.now().plusSeconds(1))));
        assertTrue(count() == 0);
    }

    private long count() throws Exception {
        return db.inTransaction(tx -> ((Number) tx.em().createNativeQuery("SELECT COUNT(*) FROM commit_mark").getSingleResult()).longValue());
    }
}

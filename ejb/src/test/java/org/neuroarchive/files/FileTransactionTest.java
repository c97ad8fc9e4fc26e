package org.neuroarchive.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.transaction.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroarchive.files.FileTransaction;

/** Files placed before commit are revoked on rollback; moves and deletes happen only on commit. */
class FileTransactionTest {

    @TempDir
    Path dir;

    @Test
    void commitMovesDeletesAndKeepsWhatWasPlaced() throws IOException {
        Path claimed = Files.writeString(dir.resolve("claimed.dcm"), "instance");
        Path conflict = Files.writeString(dir.resolve("conflict.dcm"), "other");
        Path archived = dir.resolve("archive/S1/1/1/dicom/x.dcm");
        FileTransaction files = new FileTransaction();

        files.place(claimed, archived);
        Path quarantined = files.moveOnCommit(conflict, dir.resolve("problem"), "conflict.dcm");
        files.deleteOnCommit(claimed);
        assertTrue(Files.exists(archived) && Files.exists(claimed) && Files.exists(conflict), "nothing moves before commit");

        files.afterCompletion(Status.STATUS_COMMITTED);

        assertEquals("instance", Files.readString(archived));
        assertFalse(Files.exists(claimed));
        assertEquals("other", Files.readString(quarantined));
        assertFalse(Files.exists(conflict));
    }

    @Test
    void rollbackRevokesPlacedFilesAndReservationsAndLeavesSourcesAlone() throws IOException {
        Path claimed = Files.writeString(dir.resolve("claimed.dcm"), "instance");
        Path conflict = Files.writeString(dir.resolve("conflict.dcm"), "other");
        Path archived = dir.resolve("archive/x.dcm");
        FileTransaction files = new FileTransaction();
        files.place(claimed, archived);
        Path reserved = files.moveOnCommit(conflict, dir.resolve("problem"), "conflict.dcm");
        files.deleteOnCommit(claimed);

        files.afterCompletion(Status.STATUS_ROLLEDBACK);

        assertFalse(Files.exists(archived));
        assertFalse(Files.exists(reserved));
        assertEquals("instance", Files.readString(claimed));
        assertEquals("other", Files.readString(conflict));
    }

    @Test
    void replacementHappensOnlyOnCommit() throws IOException {
        Path archived = Files.writeString(dir.resolve("archived.dcm"), "old");
        Path newcomer = Files.writeString(dir.resolve("newcomer.dcm"), "new");
        FileTransaction files = new FileTransaction();
        files.replaceOnCommit(newcomer, archived);
        assertEquals("old", Files.readString(archived));

        files.afterCompletion(Status.STATUS_COMMITTED);

        assertEquals("new", Files.readString(archived));
        assertFalse(Files.exists(newcomer));
    }
}

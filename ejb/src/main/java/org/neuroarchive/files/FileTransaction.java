package org.neuroarchive.files;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.neuroarchive.files.AtomicFiles;

/**
 * The file side of one database transaction. Archived files are placed (linked) under their final
 * names before commit; only when the transaction commits are the claimed originals removed and the
 * quarantined ones moved to problemdir. On rollback every placed file and reservation is revoked and
 * the originals stay where they were, so a redelivered message starts again from the same state.
 * A crash between commit and cleanup leaves originals that startup recovery resolves.
 */
public final class FileTransaction implements Synchronization {

    private static final Logger LOG = Logger.getLogger(FileTransaction.class.getName());
    private static final Object KEY = FileTransaction.class;

    private final List<Path> placed = new ArrayList<>();
    private final List<Path> reserved = new ArrayList<>();
    private final List<Path[]> movesOnCommit = new ArrayList<>();
    private final List<Path> deletesOnCommit = new ArrayList<>();
    private final List<Runnable> afterCommit = new ArrayList<>();

    FileTransaction() {
    }

    /** The file transaction bound to the current JTA transaction (created on first use). */
    public static FileTransaction current(TransactionSynchronizationRegistry registry) {
        FileTransaction existing = (FileTransaction) registry.getResource(KEY);
        if (existing != null) {
            return existing;
        }
        FileTransaction created = new FileTransaction();
        registry.putResource(KEY, created);
        registry.registerInterposedSynchronization(created);
        return created;
    }

    /** Places {@code source} at {@code target} now; revoked on rollback. */
    public void place(Path source, Path target) throws IOException {
        AtomicFiles.place(source, target);
        placed.add(target);
    }

    /** Reserves a free name in {@code dir} now; the file is moved there on commit. */
    public Path moveOnCommit(Path source, Path dir, String fileName) throws IOException {
        Path target = AtomicFiles.reserve(dir, fileName);
        reserved.add(target);
        movesOnCommit.add(new Path[] {source, target});
        return target;
    }

    /** Moves {@code source} over {@code target} when the transaction commits (the target's content is replaced). */
    public void replaceOnCommit(Path source, Path target) {
        movesOnCommit.add(new Path[] {source, target});
    }

    public void deleteOnCommit(Path source) {
        deletesOnCommit.add(source);
    }

    /**
     * Runs {@code cleanup} after the commit's moves and deletes (e.g. removing an emptied folder, rendering a
     * thumbnail), in registration order, without a transaction.
     */
    public void afterCommit(Runnable cleanup) {
        afterCommit.add(cleanup);
    }

    @Override
    public void beforeCompletion() {
        // nothing: files are already in place
    }

    @Override
    public void afterCompletion(int status) {
        if (status == Status.STATUS_COMMITTED) {
            for (Path[] move : movesOnCommit) {
                try {
                    AtomicFiles.move(move[0], move[1]);
                } catch (IOException e) {
                    LOG.log(Level.WARNING, "could not move {0} to {1} after commit ({2}); startup recovery will retry",
                            new Object[] {move[0], move[1], e.toString()});
                }
            }
            deletesOnCommit.forEach(FileTransaction::deleteQuietly);
            afterCommit.forEach(FileTransaction::runQuietly);
        } else {
            if (status != Status.STATUS_ROLLEDBACK) {
                // a heuristic outcome: the database may have committed; the originals are kept either way
                LOG.log(Level.WARNING, "transaction ended with status {0}, its outcome unknown: {1} placed files revoked,"
                        + " the originals kept for startup recovery", new Object[] {status, placed.size()});
            }
            placed.forEach(FileTransaction::deleteQuietly);
            reserved.forEach(FileTransaction::deleteQuietly);
        }
    }

    /** The transaction is committed whatever a follow-up does: one failing task must not skip the others. */
    private static void runQuietly(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "a task after commit failed (the commit stands)", e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "could not delete {0}: {1}", new Object[] {file, e.toString()});
        }
    }
}

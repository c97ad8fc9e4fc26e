package org.neuroarchive.files;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The file side of one database transaction. Archived files are placed (linked) under their final
 * names before commit; only when the transaction commits are the claimed originals removed and the
 * quarantined ones moved to problemdir. On rollback every placed file and reservation is revoked and
 * the originals stay where they were, so a redelivered message starts again from the same state.
 * A crash between commit and cleanup leaves originals that startup recovery resolves.
 *
 * <p>Whether the transaction committed is asked of the database, not only of the transaction manager
 * ({@link CommitCheck}): the first file operation writes a mark in the transaction, and after its end the
 * files follow what the database shows ({@link CommitDecision}). A commit whose connection was lost is
 * thus never taken for a rollback (rows without their files) nor the other way round (files moved for
 * rows that were rolled back), also where the server commits a one-resource transaction in one phase.
 */
public final class FileTransaction implements Synchronization {

    private static final Logger LOG = Logger.getLogger(FileTransaction.class.getName());
    private static final Object KEY = FileTransaction.class;
    /**
     * How long the database is asked whether a transaction committed when it does not tell at once (it is
     * out of reach, or the transaction is in doubt until XA recovery ends it).
     */
    private static final long CONFIRM_WINDOW_MILLIS = 10 * 60 * 1000L;

    private final List<Path> placed = new ArrayList<>();
    private final List<Path> reserved = new ArrayList<>();
    private final List<Path[]> movesOnCommit = new ArrayList<>();
    private final List<Path> deletesOnCommit = new ArrayList<>();
    private final List<Runnable> afterCommit = new ArrayList<>();
    private final CommitCheck check;
    private String mark;

    /** Without a commit check: the files follow the status the transaction manager reports (unit tests). */
    FileTransaction() {
        this(null);
    }

    private FileTransaction(CommitCheck check) {
        this.check = check;
    }

    /** The file transaction bound to the current JTA transaction (created on first use), confirming its commit with {@code check}. */
    public static FileTransaction current(TransactionSynchronizationRegistry registry, CommitCheck check) {
        FileTransaction existing = (FileTransaction) registry.getResource(KEY);
        if (existing != null) {
            return existing;
        }
        FileTransaction created = new FileTransaction(Objects.requireNonNull(check, "check"));
        registry.putResource(KEY, created);
        registry.registerInterposedSynchronization(created);
        return created;
    }

    /** Places {@code source} at {@code target} now; revoked on rollback. */
    public void place(Path source, Path target) throws IOException {
        marked();
        AtomicFiles.place(source, target);
        placed.add(target);
    }

    /** Reserves a free name in {@code dir} now; the file is moved there on commit. */
    public Path moveOnCommit(Path source, Path dir, String fileName) throws IOException {
        marked();
        Path target = AtomicFiles.reserve(dir, fileName);
        reserved.add(target);
        movesOnCommit.add(new Path[] {source, target});
        return target;
    }

    /** Moves {@code source} over {@code target} when the transaction commits (the target's content is replaced). */
    public void replaceOnCommit(Path source, Path target) {
        marked();
        movesOnCommit.add(new Path[] {source, target});
    }

    public void deleteOnCommit(Path source) {
        marked();
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
        // unmarked (no file operation, or no check): nothing placed to confirm, the reported status decides
        CommitDecision decision = mark != null ? confirm(status)
                : status == Status.STATUS_COMMITTED ? CommitDecision.COMMIT : CommitDecision.REVOKE;
        switch (decision) {
            case COMMIT -> {
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
                if (mark != null) {
                    check.forget(mark);
                }
            }
            case KEEP_BOTH -> {
                LOG.log(Level.WARNING, "transaction ended with status {0} and the database could not be asked whether it"
                        + " committed: its {1} placed files and the originals are both kept; a later attempt files them again",
                        new Object[] {statusName(status), placed.size()});
                reserved.forEach(FileTransaction::deleteQuietly);
            }
            default -> {
                placed.forEach(FileTransaction::deleteQuietly);
                reserved.forEach(FileTransaction::deleteQuietly);
            }
        }
    }

    /** The first file operation marks the transaction, so that its commit can be confirmed afterwards. */
    private void marked() {
        if (check != null && mark == null) {
            mark = check.mark();
        }
    }

    /** Asks the database until it tells whether the transaction committed, for at most {@link #CONFIRM_WINDOW_MILLIS}. */
    private CommitDecision confirm(int status) {
        long deadline = System.currentTimeMillis() + CONFIRM_WINDOW_MILLIS;
        boolean absentBefore = false;
        long pause = 250;
        while (true) {
            CommitCheck.Observation seen = check.observe(mark);
            boolean lastLook = System.currentTimeMillis() >= deadline || Thread.currentThread().isInterrupted();
            CommitDecision decision = CommitDecision.of(status, seen, absentBefore, lastLook);
            if (decision != CommitDecision.WAIT) {
                boolean reportedCommit = status == Status.STATUS_COMMITTED;
                if (seen != CommitCheck.Observation.UNANSWERED && reportedCommit != (decision == CommitDecision.COMMIT)) {
                    LOG.log(Level.WARNING, "the transaction manager reported status {0}, the database shows the transaction {1}:"
                            + " the files follow the database", new Object[] {statusName(status), seen == CommitCheck.Observation.PRESENT
                            ? "committed" : "not committed"});
                }
                return decision;
            }
            absentBefore = seen == CommitCheck.Observation.ABSENT;
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            pause = Math.min(pause * 2, 5_000);
        }
    }

    private static String statusName(int status) {
        return switch (status) {
            case Status.STATUS_COMMITTED -> "committed";
            case Status.STATUS_ROLLEDBACK -> "rolled back";
            default -> "unknown (" + status + ")";
        };
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

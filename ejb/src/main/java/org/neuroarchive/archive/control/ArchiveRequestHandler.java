package org.neuroarchive.archive.control;

import org.neuroarchive.files.FileTransaction;

/**
 * What the archive message-driven bean needs from the entry that owns a {@link ArchiveRequest.Kind}:
 * archive one waiting series, record a failed attempt, and send again what waits in vain. One
 * implementation per kind (a CDI bean); the bean finds it by {@link #kind()}.
 *
 * <p>The contract, the same for every kind:
 * <ul>
 * <li>{@link #archive} runs the archive in a transaction of its own ({@link ArchiveService} inside a
 * {@link FileTransaction}) and is idempotent: a series that no longer waits is left as it is. After
 * that transaction has committed it does the follow-up work (audit row, progress, leftovers).
 * It throws when the archive transaction rolled back.</li>
 * <li>{@link #attemptFailed} records the failure on the series' row with the next attempt's time from
 * {@link RetrySchedule}, or, after the last attempt, gives the series up visibly (FAILED / error)
 * with its files kept. When it cannot record (the database is away) it throws, and the message goes
 * back to the broker.</li>
 * <li>{@link #resendDue} sends the request again for series whose next attempt is due, and for
 * series that have waited unchanged too long (their message may be lost).</li>
 * <li>{@link #recover} runs once at start-up, before any message is handled: it brings what a crash
 * interrupted to the state a run without a crash would have reached, and sends the requests of
 * waiting series again.</li>
 * </ul>
 */
public interface ArchiveRequestHandler {

    ArchiveRequest.Kind kind();

    void archive(ArchiveRequest request);

    void attemptFailed(ArchiveRequest request, String reason);

    /** Answers how many requests were sent again; a failure is logged, not thrown. */
    int resendDue();

    void recover() throws java.io.IOException;
}

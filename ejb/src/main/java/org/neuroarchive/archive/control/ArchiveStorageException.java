package org.neuroarchive.archive.control;

import jakarta.ejb.ApplicationException;

/**
 * The archive, problem or claim directory could not be written or read: a system problem (disk
 * full, permissions, a path in the way), not a property of the files. The transaction rolls back and
 * every file stays where it was; the message is not redelivered for it. What happens next is the
 * caller's: the global import records a failed attempt and sends the series again after a growing
 * delay, failing it for review after its last attempt ({@code ClaimedSeriesRetries}); the individual import
 * tries the staged series again a few times, then marks it failed with this reason, its files kept in
 * staging ({@code SeriesArchiving}); a person's action (discarding a held series, re-importing from
 * problemdir) fails with it.
 */
@ApplicationException(rollback = true)
public class ArchiveStorageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ArchiveStorageException(String message, Throwable cause) {
        super(message, cause);
    }
}

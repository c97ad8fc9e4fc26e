package org.neuroarchive.archive.control;

import jakarta.ejb.ApplicationException;

/**
 * The archive, problem or claim directory could not be written or read: a system problem (disk
 * full, permissions, a path in the way), not a property of the files. The transaction rolls back,
 * every file stays where it was, and the archive message is delivered again later.
 */
@ApplicationException(rollback = true)
public class ArchiveStorageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ArchiveStorageException(String message, Throwable cause) {
        super(message, cause);
    }
}

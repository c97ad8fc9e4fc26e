package org.neuroarchive.importlog.entity;

/**
 * Which import a log line belongs to: a global-import batch (a series claimed out of incomingdir),
 * an individual import, or neither (a scan summary, a re-import). At most one of the two is set.
 */
public record LogSource(Long batchId, Long importId) {

    public static final LogSource NONE = new LogSource(null, null);

    public static LogSource batch(Long batchId) {
        return new LogSource(batchId, null);
    }

    public static LogSource individualImport(long importId) {
        return new LogSource(null, importId);
    }
}

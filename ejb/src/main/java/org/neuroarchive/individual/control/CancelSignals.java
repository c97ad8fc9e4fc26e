package org.neuroarchive.individual.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Imports a person cancelled, so that a running parse can stop at its next file without asking the
 * database for every file (the database status stays what counts; this is only the quick signal).
 */
@ApplicationScoped
public class CancelSignals {

    private final Set<Long> cancelled = ConcurrentHashMap.newKeySet();

    public void cancel(long importId) {
        cancelled.add(importId);
    }

    public boolean isCancelled(long importId) {
        return cancelled.contains(importId);
    }

    /** A new parse of the import starts: earlier signals no longer apply. */
    public void clear(long importId) {
        cancelled.remove(importId);
    }
}

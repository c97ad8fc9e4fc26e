package org.neuroarchive.application;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Tells a failure caused by a database that cannot be reached (a connection refused, dropped or
 * timed out: JDBC's connection exceptions, SQLState class {@code 08}) from a failure of the work
 * itself (a deadlock, a lock timeout, a constraint race). The first says nothing about the series
 * being archived and must never be recorded against it: the work is simply done again later.
 */
public final class DatabaseOutage {

    private DatabaseOutage() {
    }

    /** True when {@code failure}, or any of its causes, is a lost or refused database connection. */
    public static boolean causedBy(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = failure; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }
}

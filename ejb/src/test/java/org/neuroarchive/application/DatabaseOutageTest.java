package org.neuroarchive.application;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJBException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransactionRollbackException;
import org.junit.jupiter.api.Test;

class DatabaseOutageTest {

    @Test
    void aLostConnectionDeepInTheCauseChainIsAnOutage() {
        // as WildFly reports it: EJB → persistence provider → pool → driver
        SQLException driver = new SQLException("Communications link failure", "08S01");
        RuntimeException pool = new RuntimeException("IJ000453: Unable to get managed connection", driver);
        assertTrue(DatabaseOutage.causedBy(new EJBException(new IllegalStateException("persistence", pool))));
        assertTrue(DatabaseOutage.causedBy(new SQLException("connection refused", "08001")));
        assertTrue(DatabaseOutage.causedBy(new SQLRecoverableException("the connection was closed")));
    }

    @Test
    void aFailureOfTheWorkItselfIsNot() {
        assertFalse(DatabaseOutage.causedBy(new EJBException(new SQLTransactionRollbackException("Deadlock found", "40001"))));
        assertFalse(DatabaseOutage.causedBy(new EJBException(new SQLIntegrityConstraintViolationException("Duplicate entry", "23000"))));
        assertFalse(DatabaseOutage.causedBy(new SQLException("no state")));
        assertFalse(DatabaseOutage.causedBy(new IllegalStateException("disk full")));
    }

    @Test
    void aCauseChainWithACycleEnds() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);
        assertFalse(DatabaseOutage.causedBy(b));
    }
}

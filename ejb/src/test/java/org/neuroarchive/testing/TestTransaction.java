package org.neuroarchive.testing;

import jakarta.ejb.EJBHome;
import jakarta.ejb.EJBLocalHome;
import jakarta.ejb.EJBLocalObject;
import jakarta.ejb.EJBObject;
import jakarta.ejb.SessionContext;
import jakarta.ejb.TimerService;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityTransaction;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.UserTransaction;
import java.security.Principal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.neuroarchive.common.control.Roles;

/**
 * One transaction of {@link TestDatabase}: its entity manager, and what the container would give a bean
 * taking part in it: the transaction synchronization registry ({@code FileTransaction.current}) and the
 * session context of a bean running as the system ({@code @RunAs(system)}, as message-driven beans and
 * timers do), whose {@code setRollbackOnly} marks this transaction.
 */
public final class TestTransaction implements TransactionSynchronizationRegistry {

    private final EntityManager em;
    private final EntityTransaction transaction;
    private final Map<Object, Object> resources = new HashMap<>();
    private final List<Synchronization> synchronizations = new ArrayList<>();
    private int status = Status.STATUS_ACTIVE;
    private Integer misreported;

    private TestTransaction(EntityManager em) {
        this.em = em;
        this.transaction = em.getTransaction();
    }

    static TestTransaction begin(EntityManager em) {
        TestTransaction tx = new TestTransaction(em);
        tx.transaction.begin();
        return tx;
    }

    public EntityManager em() {
        return em;
    }

    /** The session context of a bean that runs as the system within this transaction. */
    public SessionContext systemSession() {
        return new SystemSession();
    }

    /** Commits, or rolls back when marked rollback-only; synchronizations hear of it as under JTA. */
    void complete() {
        if (getRollbackOnly()) {
            rollback();
            return;
        }
        status = Status.STATUS_PREPARING;
        try {
            synchronizations.forEach(Synchronization::beforeCompletion);
            transaction.commit();
        } catch (RuntimeException | Error failed) {
            if (transaction.isActive()) {
                transaction.rollback();
            }
            finish(Status.STATUS_ROLLEDBACK);
            throw failed;
        }
        finish(Status.STATUS_COMMITTED);
    }

    void rollback() {
        if (transaction.isActive()) {
            transaction.rollback();
        }
        finish(Status.STATUS_ROLLEDBACK);
    }

    private void finish(int outcome) {
        status = outcome;
        int told = misreported == null ? outcome : misreported;
        synchronizations.forEach(s -> s.afterCompletion(told));
    }

    /**
     * Tells the synchronizations that the transaction ended with {@code told}, whatever the database did: what
     * a transaction manager may report when the connection was lost during a one-phase commit.
     */
    public void reportEndAs(int told) {
        misreported = told;
    }

    @Override
    public Object getTransactionKey() {
        return this;
    }

    @Override
    public void putResource(Object key, Object value) {
        resources.put(key, value);
    }

    @Override
    public Object getResource(Object key) {
        return resources.get(key);
    }

    @Override
    public void registerInterposedSynchronization(Synchronization sync) {
        synchronizations.add(sync);
    }

    @Override
    public int getTransactionStatus() {
        return status == Status.STATUS_ACTIVE && getRollbackOnly() ? Status.STATUS_MARKED_ROLLBACK : status;
    }

    @Override
    public void setRollbackOnly() {
        transaction.setRollbackOnly();
    }

    @Override
    public boolean getRollbackOnly() {
        return transaction.isActive() && transaction.getRollbackOnly();
    }

    /** The container's session context for a bean running as the system; what a bean does not use is refused. */
    private final class SystemSession implements SessionContext {

        @Override
        public boolean isCallerInRole(String role) {
            return Roles.SYSTEM.equals(role);
        }

        @Override
        public Principal getCallerPrincipal() {
            return () -> Roles.SYSTEM;
        }

        @Override
        public void setRollbackOnly() {
            TestTransaction.this.setRollbackOnly();
        }

        @Override
        public boolean getRollbackOnly() {
            return TestTransaction.this.getRollbackOnly();
        }

        @Override
        public EJBLocalObject getEJBLocalObject() {
            throw unused();
        }

        @Override
        public EJBObject getEJBObject() {
            throw unused();
        }

        @Override
        public <T> T getBusinessObject(Class<T> businessInterface) {
            throw unused();
        }

        @Override
        public Class<?> getInvokedBusinessInterface() {
            throw unused();
        }

        @Override
        public boolean wasCancelCalled() {
            throw unused();
        }

        @Override
        public EJBHome getEJBHome() {
            throw unused();
        }

        @Override
        public EJBLocalHome getEJBLocalHome() {
            throw unused();
        }

        @Override
        public UserTransaction getUserTransaction() {
            throw unused();
        }

        @Override
        public TimerService getTimerService() {
            throw unused();
        }

        @Override
        public Object lookup(String name) {
            throw unused();
        }

        @Override
        public Map<String, Object> getContextData() {
            throw unused();
        }

        private UnsupportedOperationException unused() {
            return new UnsupportedOperationException("not used by the beans under test");
        }
    }
}

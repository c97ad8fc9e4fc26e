package org.neuroarchive.testing;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import jakarta.persistence.metamodel.Metamodel;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.flywaydb.core.Flyway;

/**
 * The application's persistence unit on a database of its own, without a server: a fresh in-memory H2
 * in {@code MODE=MySQL} (the embedded production database runs so, with the same lock timeout), its
 * schema made by the Flyway migrations of {@code db/migration}, and the unit {@code neuroarchive} of
 * persistence.xml (its entity list and EclipseLink settings) with resource-local transactions instead
 * of the server's JTA data source.
 * <p>
 * {@link #inTransaction} plays the container's part for one transaction of a bean method: a new
 * entity manager (a transaction-scoped persistence context), one JDBC connection from begin to
 * commit, and the synchronizations registered meanwhile told before and after completion. Beans built
 * with that transaction's {@link TestTransaction#em()} share its persistence context, as beans called
 * within one JTA transaction do. Row locks ({@code SELECT … FOR UPDATE}, {@code PESSIMISTIC_WRITE})
 * are the database's and last until commit or rollback, as in the server.
 */
public final class TestDatabase implements AutoCloseable {

    /** Work done inside one transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T in(TestTransaction tx) throws Exception;
    }

    /** Work without a result. */
    @FunctionalInterface
    public interface Action {
        void in(TestTransaction tx) throws Exception;
    }

    /** Flyway's account of each migration, once per database, is noise in the test output. */
    private static final Logger FLYWAY = Logger.getLogger("org.flywaydb");

    static {
        FLYWAY.setLevel(Level.WARNING);
    }

    private static TestDatabase shared;

    private final EntityManagerFactory factory;

    private TestDatabase(EntityManagerFactory factory) {
        this.factory = factory;
    }

    /**
     * One database for every test class of the run (migrating and starting the unit costs about a second):
     * tests keep apart by their own PatientIDs and UIDs. Not to be closed.
     */
    public static synchronized TestDatabase shared() {
        if (shared == null) {
            shared = migrated();
        }
        return shared;
    }

    /** A new, empty database at the latest schema version (with the projects the migrations insert). */
    public static TestDatabase migrated() {
        String url = "jdbc:h2:mem:na-" + UUID.randomUUID() + ";MODE=MySQL;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=20000";
        Flyway.configure(TestDatabase.class.getClassLoader())
                .dataSource(url, "sa", "")
                .locations("classpath:db/migration")
                .load()
                .migrate();
        return new TestDatabase(Persistence.createEntityManagerFactory("neuroarchive", Map.of(
                "jakarta.persistence.transactionType", "RESOURCE_LOCAL",
                "jakarta.persistence.jtaDataSource", "",
                "jakarta.persistence.jdbc.driver", "org.h2.Driver",
                "jakarta.persistence.jdbc.url", url,
                "jakarta.persistence.jdbc.user", "sa",
                "jakarta.persistence.jdbc.password", "")));
    }

    /**
     * Runs {@code work} in a transaction of its own and commits it, unless the work failed or marked it
     * rollback-only (then it rolls back; a failure is thrown on).
     */
    public <T> T inTransaction(Work<T> work) throws Exception {
        EntityManager em = factory.createEntityManager();
        try {
            TestTransaction tx = TestTransaction.begin(em);
            T result;
            try {
                result = work.in(tx);
            } catch (Exception | Error failed) {
                tx.rollback();
                throw failed;
            }
            tx.complete();
            return result;
        } finally {
            em.close();
        }
    }

    /** {@link #inTransaction(Work)} for work without a result. */
    public void run(Action action) throws Exception {
        inTransaction(tx -> {
            action.in(tx);
            return null;
        });
    }

    /** The entities the started unit maps. */
    public Metamodel metamodel() {
        return factory.getMetamodel();
    }

    @Override
    public void close() {
        factory.close();
    }
}

package org.neuroarchive.health.control;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.neuroarchive.config.ReceiverSettings;
import org.neuroarchive.config.Resources;
import org.neuroarchive.config.StorageLocations;
import org.neuroarchive.receiver.control.ReceiverStatus;

/**
 * Readiness and liveness of this server, for a load balancer or an orchestrator. Ready: the database
 * and the broker answer, incomingdir and archivedir can be written, their file systems have more free
 * space than the floor, the DICOM receiver listens (or is disabled) and start-up recovery has finished.
 * Live: no thread of the JVM is deadlocked. Every check has {@value #CHECK_SECONDS} s; one that does not
 * answer in time is down ({@link CheckRunner}). Callable without a login: the report names checks,
 * nothing more.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@PermitAll
public class HealthChecks {

    private static final Logger LOG = Logger.getLogger(HealthChecks.class.getName());
    static final int CHECK_SECONDS = 3;

    @Resource(name = Resources.DATASOURCE)
    DataSource dataSource;

    @Resource(name = Resources.CONNECTION_FACTORY)
    ConnectionFactory connectionFactory;

    @Resource
    ManagedExecutorService executor;

    @Inject
    StorageLocations locations;

    @Inject
    ReceiverSettings receiverSettings;

    @Inject
    ReceiverStatus receiver;

    @Inject
    StartupProgress startup;

    @Inject
    CheckRunner runner;

    public HealthReport ready() {
        StorageCheck storage = new StorageCheck(receiverSettings.minFreeBytes());
        Map<String, BooleanSupplier> checks = new LinkedHashMap<>();
        checks.put("startup", startup::finished);
        checks.put("database", this::databaseAnswers);
        checks.put("broker", this::brokerAnswers);
        checks.put("incomingdir", () -> storage.writable("incomingdir", locations.incoming()));
        checks.put("archivedir", () -> storage.writable("archivedir", locations.archive()));
        checks.put("free-space", () -> storage.spaceAboveFloor(folders()));
        checks.put("receiver", this::receiverListens);
        return runner.run(checks, executor);
    }

    /**
     * Answered on the calling thread, not on the executor: a busy executor must not make a live server
     * look dead (an orchestrator restarts it), and finding deadlocks cannot hang.
     */
    public HealthReport live() {
        boolean noDeadlock = ManagementFactory.getThreadMXBean().findDeadlockedThreads() == null;
        return HealthReport.of(List.of(HealthReport.Check.of("deadlocks", noDeadlock)));
    }

    private boolean databaseAnswers() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(CHECK_SECONDS);
        } catch (Exception e) {
            LOG.warning(() -> "health: the database does not answer: " + e);
            return false;
        }
    }

    private boolean brokerAnswers() {
        try (JMSContext jms = connectionFactory.createContext()) {
            jms.createProducer(); // a session of the broker's: it answered
            return true;
        } catch (RuntimeException e) {
            LOG.warning(() -> "health: the broker does not answer: " + e);
            return false;
        }
    }

    private boolean receiverListens() {
        ReceiverStatus.State state = receiver.state();
        return state == ReceiverStatus.State.LISTENING || state == ReceiverStatus.State.DISABLED;
    }

    private Map<String, Path> folders() {
        Map<String, Path> folders = new LinkedHashMap<>();
        folders.put("incomingdir", locations.incoming());
        folders.put("archivedir", locations.archive());
        folders.put("problemdir", locations.problem());
        folders.put("staging", locations.staging());
        return folders;
    }
}

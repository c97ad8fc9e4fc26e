package org.neuroarchive.archive.control;

import org.neuroarchive.common.control.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import org.neuroarchive.archive.entity.ProblemFile;
import org.neuroarchive.config.StorageLocations;
import org.neuroarchive.importlog.control.ImportLog;
import org.neuroarchive.importlog.entity.ImportLogEntry;
import org.neuroarchive.importlog.entity.LogSource;
import org.neuroarchive.common.entity.ColumnText;
import org.neuroarchive.files.AtomicFiles;
import org.neuroarchive.files.CommitCheck;
import org.neuroarchive.files.FileTransaction;
import org.neuroarchive.metrics.control.PipelineMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * problemdir: files that cannot be archived go to {@code problem/<yyyy-mm-dd>/} under their original
 * name (a suffix when the name is taken, never an overwrite), with the reason in the database and the
 * import log.
 */
@Stateless
@RolesAllowed({Roles.SYSTEM, Roles.USER})
public class ProblemStore {

    @PersistenceContext
    EntityManager em;

    @Inject
    StorageLocations locations;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Inject
    CommitCheck commits;

    @Inject
    ImportLog importLog;

    @Inject
    PipelineMetrics metrics;

    /** For the container. */
    public ProblemStore() {
    }

    /** Outside a container (tests): the persistence context and synchronization registry of the caller's transaction. */
    ProblemStore(EntityManager em, StorageLocations locations, TransactionSynchronizationRegistry transactions,
                 ImportLog importLog) {
        this.em = em;
        this.locations = locations;
        this.transactions = transactions;
        this.importLog = importLog;
        this.metrics = new PipelineMetrics(new SimpleMeterRegistry(), transactions);
    }

    /**
     * Quarantines a file in a transaction of its own (e.g. while scanning): the record and the move
     * commit together, and a failed transaction leaves the file where it was.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public ProblemFile quarantineNow(Path file, String originalName, String reason) throws IOException {
        return quarantineOnCommit(FileTransaction.current(transactions, commits), LogSource.NONE, file, originalName, reason);
    }

    /** Records the problem now and moves the file when the current transaction commits. */
    public ProblemFile quarantineOnCommit(FileTransaction files, LogSource source, Path file, String originalName,
                                          String reason) throws IOException {
        Path target = files.moveOnCommit(file, todaysDir(), baseName(originalName));
        return record(source, originalName, target, reason);
    }

    /**
     * Keeps a copy of {@code file} in problemdir now (a link: the file itself stays), recorded with
     * its reason; the copy is revoked if the transaction rolls back.
     */
    public ProblemFile keepCopy(FileTransaction files, LogSource source, Path file, String name, String reason)
            throws IOException {
        Path target = AtomicFiles.reserve(todaysDir(), baseName(name));
        files.place(file, target);
        return record(source, name, target, reason);
    }

    private ProblemFile record(LogSource source, String originalName, Path target, String reason) {
        String stored = locations.problem().relativize(target).toString();
        ProblemFile problem = new ProblemFile(ColumnText.clip(originalName, 1024), stored, ColumnText.clip(reason, 1024));
        em.persist(problem);
        metrics.quarantined(reason);
        importLog.record(new ImportLogEntry(source, ImportLogEntry.Outcome.QUARANTINED, originalName,
                reason + " (moved to problemdir as " + stored + ")"));
        return problem;
    }

    private Path todaysDir() {
        return locations.problem().resolve(LocalDate.now().toString());
    }

    private static String baseName(String originalName) {
        Path name = Path.of(originalName).getFileName();
        return name == null ? "unnamed" : name.toString();
    }

}

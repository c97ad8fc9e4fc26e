package org.neuroarchive.importing.control;

import org.neuroarchive.common.control.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.neuroarchive.config.ClusterSettings;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Logger;
import org.neuroarchive.archive.control.ArchiveOutcome;
import org.neuroarchive.archive.control.ArchiveService;
import org.neuroarchive.archive.control.ArchiveStorageException;
import org.neuroarchive.files.SourceFile;
import org.neuroarchive.files.CommitCheck;
import org.neuroarchive.files.FileTransaction;
import org.neuroarchive.archive.control.FilingInstructions;
import org.neuroarchive.audit.entity.Actor;
import org.neuroarchive.audit.entity.AuditEvent;
import org.neuroarchive.common.entity.Record;
import org.neuroarchive.config.StorageLocations;
import org.neuroarchive.importing.entity.ClaimedSeries;
import org.neuroarchive.importlog.control.ImportLog;
import org.neuroarchive.importlog.entity.ImportLogEntry;
import org.neuroarchive.importlog.entity.LogSource;
import org.neuroarchive.matching.entity.Series;
import org.neuroarchive.matching.entity.Study;
import org.neuroarchive.matching.entity.Subject;
import org.neuroarchive.security.control.Callers;

/**
 * Archives one claimed series of the global import, once: the batch row is locked and a batch that is
 * not queued is left alone, so a redelivered or re-sent message changes nothing. Runs in a
 * transaction of its own, so that a failure rolls back the archive work but not the message's
 * transaction, which records the failed attempt instead (see {@link ClaimedSeriesRetries}, RetrySchedule). The transaction
 * touches only the series' own rows: its scan's summary is brought up to date after the commit
 * ({@link ScanLog#batchSettled}), so the commits of one scan's series do not wait for each other.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
@RolesAllowed(Roles.SYSTEM)
public class ClaimedSeriesArchiver {

    private static final Logger LOG = Logger.getLogger("org.neuroarchive.import");

    @PersistenceContext
    EntityManager em;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Inject
    CommitCheck commits;

    @Inject
    ClusterSettings cluster;

    @Inject
    StorageLocations locations;

    @Inject
    ArchiveService archive;

    @Inject
    ImportLog importLog;

    @Inject
    Callers callers;

    /**
     * Answers the audit row of what became of the series (filed, or refused because the reviewer who
     * released it may not modify its project), or null (nothing to do, held, nothing new): the caller
     * records it once this transaction has committed.
     */
    public AuditEvent.Builder archive(long batchId) {
        ClaimedSeries batch = em.find(ClaimedSeries.class, batchId, LockModeType.PESSIMISTIC_WRITE);
        if (batch == null) {
            LOG.warning(() -> "archive message for unknown import batch " + batchId + " ignored");
            return null;
        }
        if (batch.getStatus() != ClaimedSeries.Status.QUEUED) {
            LOG.fine(() -> "import batch " + batchId + " is " + batch.getStatus() + "; nothing to do");
            return null;
        }
        Actor releasedBy = Actor.parse(batch.getReleaseActor());
        ClaimFolder folder = new ClaimFolder(locations.claims(), batch.getClaimKey());
        try {
            List<SourceFile> files = folder.files();
            String project = batch.getReleaseProject() != null ? batch.getReleaseProject() : peerProject(files);
            FilingInstructions instructions = FilingInstructions.release(batch.getReleasePatientId(), project)
                    .filedFor(releasedBy);
            ArchiveOutcome outcome = archive.archive(LogSource.batch(batchId), files, instructions);
            batch.handledBy(cluster.node());
            if (outcome.refused()) {
                batch.hold("not archived: " + outcome.heldReason());
                importLog.record(new ImportLogEntry(batchId, ImportLogEntry.Outcome.HELD, batch.getSeriesKey(),
                        batch.getFileCount() + " files held again: " + outcome.heldReason()));
            } else if (outcome.held()) {
                batch.hold(outcome.heldReason());
                importLog.record(new ImportLogEntry(batchId, ImportLogEntry.Outcome.HELD, batch.getSeriesKey(),
                        batch.getFileCount() + " files held for review: " + outcome.heldReason()));
            } else {
                // created by this batch also when an earlier, failed attempt of it created the row
                batch.done(outcome.subjectId(), outcome.studyId(), outcome.seriesId(), outcome.summary(),
                        outcome.archived(), outcome.duplicates(), outcome.quarantined(),
                        outcome.subjectCreated() || createdSince(Subject.class, outcome.subjectId(), batch),
                        outcome.studyCreated() || createdSince(Study.class, outcome.studyId(), batch),
                        outcome.seriesCreated() || createdSince(Series.class, outcome.seriesId(), batch));
            }
            FileTransaction.current(transactions, commits).afterCommit(folder::removeEmptyDirectoriesQuietly);
            return outcome.auditEvent(batch.getReleaseActor() == null ? callers.current().actor() : releasedBy,
                    "batch", batchId);
        } catch (IOException e) {
            throw new ArchiveStorageException("cannot read claim folder " + folder.root() + ": " + e, e);
        }
    }

    /** The project a DICOM peer's files go to (the scanner never groups files of two projects into one batch). */
    private static String peerProject(List<SourceFile> files) {
        return files.isEmpty() ? null : ReceivedFolders.costcenter(Path.of(files.get(0).originalName()));
    }

    private boolean createdSince(Class<? extends Record> type, Long id, ClaimedSeries batch) {
        if (id == null) {
            return false;
        }
        Record row = em.find(type, id);
        return row != null && !row.getCreatedAt().isBefore(batch.getCreatedAt());
    }
}

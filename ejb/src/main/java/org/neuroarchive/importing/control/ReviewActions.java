package org.neuroarchive.importing.control;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.io.IOException;
import org.neuroarchive.archive.control.ArchiveStorageException;
import org.neuroarchive.archive.control.ClaimedFile;
import org.neuroarchive.archive.control.FileTransaction;
import org.neuroarchive.archive.control.ProblemStore;
import org.neuroarchive.common.control.RequestRejected;
import org.neuroarchive.importing.entity.ImportBatch;
import org.neuroarchive.importlog.control.ImportLog;
import org.neuroarchive.importlog.entity.ImportLogEntry;
import org.neuroarchive.importlog.entity.LogSource;
import org.neuroarchive.matching.control.ProjectResolver;

/**
 * What a person does with a held or failed series: release it under an explicit PatientID (and
 * project), discard it to problemdir, or retry a failed one. Each action is one transaction.
 */
@Stateless
public class ReviewActions {

    private static final int MAX_PATIENT_ID = 64;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Inject
    ReviewQueue queue;

    @Inject
    ImportDispatcher dispatcher;

    @Inject
    ProjectResolver projects;

    @Inject
    ProblemStore problems;

    @Inject
    ImportLog importLog;

    public void release(long id, String patientId, String projectCostcenter) {
        String explicit = patientId == null ? "" : patientId.strip();
        if (explicit.isEmpty() || explicit.length() > MAX_PATIENT_ID || explicit.chars().anyMatch(Character::isISOControl)) {
            throw new RequestRejected(RequestRejected.Reason.INVALID,
                    "patientId is required: 1 to " + MAX_PATIENT_ID + " printable characters");
        }
        String project = projectCostcenter == null || projectCostcenter.isBlank() ? null : projectCostcenter.strip();
        if (project != null && projects.byCostcenter(project).isEmpty()) {
            throw new RequestRejected(RequestRejected.Reason.INVALID, "no project with cost center " + project);
        }
        ImportBatch batch = queue.lockIn(id, ImportBatch.Status.HELD);
        batch.release(explicit, project);
        dispatcher.resend(batch.getId());
        importLog.record(new ImportLogEntry(batch.getId(), ImportLogEntry.Outcome.RELEASED, batch.getSeriesKey(),
                batch.getMessage()));
    }

    public void discard(long id) {
        ImportBatch batch = queue.lockIn(id, ImportBatch.Status.HELD);
        FileTransaction files = FileTransaction.current(transactions);
        ClaimFolder folder = queue.folder(batch);
        String reason = "discarded from review: " + batch.getMessage();
        try {
            int count = 0;
            for (ClaimedFile file : folder.files()) {
                problems.quarantineOnCommit(files, LogSource.batch(batch.getId()), file.path(), file.originalName(), reason);
                count++;
            }
            batch.done(null, null, null, reason, 0, 0, count, false, false, false);
        } catch (IOException e) {
            throw new ArchiveStorageException("cannot move held files of batch " + id + " to problemdir: " + e, e);
        }
        files.afterCommit(folder::removeEmptyDirectoriesQuietly);
        importLog.record(new ImportLogEntry(batch.getId(), ImportLogEntry.Outcome.DISCARDED, batch.getSeriesKey(), reason));
    }

    public void retry(long id) {
        ImportBatch batch = queue.lockIn(id, ImportBatch.Status.FAILED);
        batch.retryNow();
        dispatcher.resend(batch.getId());
        importLog.record(new ImportLogEntry(batch.getId(), ImportLogEntry.Outcome.RETRIED, batch.getSeriesKey(),
                "retried by request after: " + batch.getMessage()));
    }
}

package org.neuroarchive.importing.control;

import org.neuroarchive.common.control.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.io.IOException;
import org.neuroarchive.archive.control.ArchiveRequest;
import org.neuroarchive.archive.control.ArchiveRequests;
import org.neuroarchive.archive.control.ArchiveStorageException;
import org.neuroarchive.files.SourceFile;
import org.neuroarchive.files.CommitCheck;
import org.neuroarchive.files.FileTransaction;
import org.neuroarchive.archive.control.ProblemStore;
import org.neuroarchive.audit.control.AuditTrail;
import org.neuroarchive.audit.control.AuditedAction;
import org.neuroarchive.audit.entity.Actor;
import org.neuroarchive.audit.entity.AuditEvent;
import org.neuroarchive.common.control.RequestRejected;
import org.neuroarchive.common.entity.ColumnText;
import org.neuroarchive.dicom.DicomHeader;
import org.neuroarchive.importing.entity.ClaimedSeries;
import org.neuroarchive.importlog.control.ImportLog;
import org.neuroarchive.importlog.entity.ImportLogEntry;
import org.neuroarchive.importlog.entity.LogSource;
import org.neuroarchive.matching.control.ProjectResolver;
import org.neuroarchive.matching.entity.Project;
import org.neuroarchive.security.control.Caller;
import org.neuroarchive.security.control.Callers;
import org.neuroarchive.security.control.ProjectRights;
import org.neuroarchive.security.entity.ProjectPermission;

/**
 * What a reviewer does with a held or failed series: release it under an explicit PatientID (and
 * project), discard it to problemdir, or retry a failed one. Each action is one transaction and
 * writes an audit row (also when refused or failed). Releasing needs the right to modify the project
 * the series goes to: the one named, or the one its StudyDescription resolves to. The archive message
 * names the reviewer, whose project permissions are checked again when the series is filed.
 */
@Stateless
@RolesAllowed({Roles.SYSTEM, Roles.USER})
public class ReviewActions {


    @Resource
    TransactionSynchronizationRegistry transactions;

    @Inject
    CommitCheck commits;

    @Inject
    ReviewQueue queue;

    @Inject
    ArchiveRequests requests;

    @Inject
    ProjectResolver resolver;

    @Inject
    ProjectRights projects;

    @Inject
    ProblemStore problems;

    @Inject
    ImportLog importLog;

    @Inject
    Callers callers;

    @Inject
    AuditTrail audit;

    @RolesAllowed(Roles.REVIEWER)
    public void release(long id, String patientId, String projectCostcenter) {
        Caller caller = callers.current();
        AuditEvent.Builder event = AuditEvent.of(caller.actor(), "held.release").object("batch", id);
        AuditedAction.run(audit, event, () -> {
            String explicit = patientId == null ? "" : patientId.strip();
            if (explicit.isEmpty() || explicit.length() > ColumnText.PATIENT_ID || explicit.chars().anyMatch(Character::isISOControl)) {
                throw new RequestRejected(RequestRejected.Reason.INVALID,
                        "patientId is required: 1 to " + ColumnText.PATIENT_ID + " printable characters");
            }
            String named = projectCostcenter == null || projectCostcenter.isBlank() ? null : projectCostcenter.strip();
            ClaimedSeries batch = queue.lockIn(id, ClaimedSeries.Status.HELD);
            Project target = target(caller, batch, named);
            event.project(target.getCostcenter());
            batch.release(explicit, named, caller.actor().text());
            requests.send(ClaimedSeriesRequests.of(batch));
            importLog.record(new ImportLogEntry(batch.getId(), ImportLogEntry.Outcome.RELEASED, batch.getSeriesKey(),
                    batch.getMessage()).inProject(target.getId()));
        });
    }

    /** The project the release files the series in, if the caller may modify it; refused otherwise. */
    private Project target(Caller caller, ClaimedSeries batch, String named) {
        if (named != null) {
            return projects.modifiable(caller, named);
        }
        String description = queue.firstHeader(batch).map(DicomHeader::studyDescription).orElse("");
        Project resolved = resolver.resolve(description);
        if (!caller.may(ProjectPermission.MODIFY_DATA, resolved.getId())) {
            throw new RequestRejected(RequestRejected.Reason.FORBIDDEN, ProjectRights.refusal(caller, resolved)
                    + " (the project this series goes to by its StudyDescription): name a project you may modify");
        }
        return resolved;
    }

    @RolesAllowed(Roles.REVIEWER)
    public void discard(long id) {
        AuditEvent.Builder event = AuditEvent.of(callers.current().actor(), "held.discard").object("batch", id);
        AuditedAction.run(audit, event, () -> {
            ClaimedSeries batch = queue.lockIn(id, ClaimedSeries.Status.HELD);
            FileTransaction files = FileTransaction.current(transactions, commits);
            ClaimFolder folder = queue.folder(batch);
            String reason = "discarded from review: " + batch.getMessage();
            try {
                int count = 0;
                for (SourceFile file : folder.files()) {
                    problems.quarantineOnCommit(files, LogSource.batch(batch.getId()), file.path(), file.originalName(), reason);
                    count++;
                }
                batch.done(null, null, null, reason, 0, 0, count, false, false, false);
            } catch (IOException e) {
                throw new ArchiveStorageException("cannot move held files of batch " + id + " to problemdir: " + e, e);
            }
            files.afterCommit(folder::removeEmptyDirectoriesQuietly);
            importLog.record(new ImportLogEntry(batch.getId(), ImportLogEntry.Outcome.DISCARDED, batch.getSeriesKey(), reason));
        });
    }

    @RolesAllowed(Roles.REVIEWER)
    public void retry(long id) {
        Actor actor = callers.current().actor();
        AuditEvent.Builder event = AuditEvent.of(actor, "failed.retry").object("batch", id);
        AuditedAction.run(audit, event, () -> {
            ClaimedSeries batch = queue.lockIn(id, ClaimedSeries.Status.FAILED);
            batch.retryNow();
            requests.send(new ArchiveRequest(ArchiveRequest.Kind.CLAIMED_SERIES, batch.getId(),
                    batch.getReleaseActor() == null ? actor : Actor.parse(batch.getReleaseActor())));
            importLog.record(new ImportLogEntry(batch.getId(), ImportLogEntry.Outcome.RETRIED, batch.getSeriesKey(),
                    "retried by request after: " + batch.getMessage()));
        });
    }
}

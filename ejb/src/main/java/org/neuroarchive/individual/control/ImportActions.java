package org.neuroarchive.individual.control;

import org.neuroarchive.archive.control.ArchiveRequest;
import org.neuroarchive.individual.entity.StagedSeriesStatus;
import org.neuroarchive.archive.control.ArchiveRequests;
import org.neuroarchive.common.control.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.neuroarchive.files.CommitCheck;
import org.neuroarchive.files.FileTransaction;
import org.neuroarchive.audit.control.AuditTrail;
import org.neuroarchive.audit.control.AuditedAction;
import org.neuroarchive.audit.entity.Actor;
import org.neuroarchive.audit.entity.AuditEvent;
import org.neuroarchive.common.control.RequestRejected;
import org.neuroarchive.importlog.entity.ImportLogEntry;
import org.neuroarchive.individual.entity.ImportRequest;
import org.neuroarchive.individual.entity.ImportStatus;
import org.neuroarchive.individual.entity.SourceKind;
import org.neuroarchive.individual.entity.StagedSeries;
import org.neuroarchive.security.control.Callers;

/**
 * What a person does with a parsed import: archive the selected series, cancel it, parse it again.
 * Only its creator or an admin may (others who may see it get 403, the rest 404); each action writes
 * an audit row, also when it is refused or fails. The archive messages carry the person's actor: the
 * series are archived on their behalf, with their project permissions.
 */
@Stateless
@RolesAllowed({Roles.SYSTEM, Roles.USER})
public class ImportActions {

    @PersistenceContext
    EntityManager em;

    @Inject
    ImportMessages messages;

    @Inject
    ArchiveRequests archiveRequests;

    @Inject
    ImportAccess access;

    @Inject
    Callers callers;

    @Inject
    AuditTrail audit;

    @Inject
    ImportRequests requests;

    @Inject
    StagingArea staging;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Inject
    CommitCheck commits;

    /**
     * Queues the chosen series (null: those selected by default) for archiving, one message each.
     * Series archived already are left out; answers how many were queued.
     */
    @RolesAllowed(Roles.IMPORTER)
    public int archive(long importId, List<Long> seriesIds) {
        AuditEvent.Builder event = event("import.archive", importId);
        return AuditedAction.run(audit, event, () -> queue(importId, seriesIds, event));
    }

    private int queue(long importId, List<Long> seriesIds, AuditEvent.Builder event) {
        ImportRequest request = access.visible(importId, true);
        event.project(request.getProject());
        access.mayActOn(request);
        Actor actor = callers.current().actor();
        if (!request.getStatus().isArchivable()) {
            throw conflict("import " + importId + " is " + request.getStatus().code()
                    + ": only a parsed import (parsingcomplete, or archiveerror to try again) can be archived");
        }
        List<StagedSeries> all = em.createNamedQuery(StagedSeries.OF_IMPORT, StagedSeries.class)
                .setParameter("importId", importId).getResultList();
        if (seriesIds != null) {
            Set<Long> wanted = new HashSet<>(seriesIds);
            Set<Long> known = new HashSet<>();
            all.forEach(s -> known.add(s.getId()));
            wanted.removeAll(known);
            if (!wanted.isEmpty()) {
                throw new RequestRejected(RequestRejected.Reason.INVALID, "series " + wanted + " are not series of import " + importId);
            }
            Set<Long> chosen = new HashSet<>(seriesIds);
            all.forEach(s -> s.select(chosen.contains(s.getId())));
        }
        List<StagedSeries> queued = all.stream().filter(StagedSeries::isSelected)
                .filter(s -> s.getStatus().mayBeQueued()).toList();
        if (queued.isEmpty()) {
            throw new RequestRejected(RequestRejected.Reason.INVALID, "no series to archive: select at least one series "
                    + "that is not archived yet");
        }
        for (StagedSeries series : queued) {
            series.queue("queued for archiving");
        }
        request.archiveRequestedBy(actor.text());
        request.moveTo(ImportStatus.QUEUED_FOR_ARCHIVE, 0, queued.size() + " series queued for archiving");
        log(request, request.getMessage());
        em.flush();
        archiveRequests.sendAll(queued.stream()
                .map(series -> new ArchiveRequest(ArchiveRequest.Kind.STAGED_SERIES, series.getId(), actor)).toList());
        return queued.size();
    }

    /**
     * Cancels the import. A running parse stops at its next file; series not archived yet are left
     * out; the staging folder is removed once the cancel has committed (during an upload, by the
     * upload when its last file has arrived).
     */
    @RolesAllowed(Roles.IMPORTER)
    public void cancel(long importId) {
        AuditEvent.Builder event = event("import.cancel", importId);
        AuditedAction.run(audit, event, () -> cancelNow(importId, event));
    }

    private void cancelNow(long importId, AuditEvent.Builder event) {
        ImportRequest request = access.visible(importId, true);
        event.project(request.getProject());
        access.mayActOn(request);
        ImportStatus status = request.getStatus();
        if (status.isFinal()) {
            throw conflict("import " + importId + " is " + status.code() + " already");
        }
        int skipped = 0;
        int archived = 0;
        for (StagedSeries series : em.createNamedQuery(StagedSeries.OF_IMPORT, StagedSeries.class)
                .setParameter("importId", importId).getResultList()) {
            if (series.getStatus() == StagedSeriesStatus.QUEUED) {
                em.lock(series, LockModeType.PESSIMISTIC_WRITE);
                series.moveTo(StagedSeriesStatus.SKIPPED, "cancelled before it was archived");
                skipped++;
            } else if (series.getStatus() == StagedSeriesStatus.ARCHIVED) {
                archived++;
            }
        }
        request.moveTo(ImportStatus.CANCELLED, request.getPercent(), "cancelled"
                + (archived > 0 ? " after " + archived + " series were archived" : "")
                + (skipped > 0 ? "; " + skipped + " queued series left out" : ""));
        log(request, request.getMessage());
        if (status != ImportStatus.UPLOADING) {
            FileTransaction.current(transactions, commits).afterCommit(() -> staging.remove(staging.root(importId)));
        }
    }

    /** Parses the import again with new options (anonymize cannot change: the originals are gone). */
    @RolesAllowed(Roles.IMPORTER)
    public void reparse(long importId, ImportOptions options) {
        AuditEvent.Builder event = event("import.reparse", importId);
        AuditedAction.run(audit, event, () -> reparseNow(importId, options, event));
    }

    private void reparseNow(long importId, ImportOptions options, AuditEvent.Builder event) {
        ImportRequest request = access.visible(importId, true);
        event.project(request.getProject());
        access.mayActOn(request);
        if (!request.getStatus().isReparsable()) {
            throw conflict("import " + importId + " is " + request.getStatus().code()
                    + ": only a parsed import (parsingcomplete, parsingerror, archiveerror) can be parsed again");
        }
        if (!request.isUnpacked() && request.getSourceKind() == SourceKind.UPLOAD) {
            throw conflict("the upload of import " + importId + " was refused and removed: upload the files again");
        }
        ImportOptions.Valid valid = requests.checked(options);
        if (valid.anonymize() != request.isAnonymize()) {
            throw new RequestRejected(RequestRejected.Reason.INVALID, "anonymize cannot change on reparse"
                    + (request.isAnonymize() ? ": the original files were deleted" : ": create a new import to anonymize"));
        }
        request.choose(valid.modality(), valid.project(), valid.criteria(), valid.patientId(), valid.anonymize(),
                valid.altUids(), valid.notes());
        request.moveTo(ImportStatus.UPLOAD_COMPLETE, 0, "queued for parsing again");
        log(request, "reparse requested: " + ImportRequests.describe(valid));
        messages.parse(importId, request.nextParseGeneration(), callers.current().actor());
    }

    private AuditEvent.Builder event(String action, long importId) {
        return AuditEvent.of(callers.current().actor(), action).object("import", importId);
    }

    private void log(ImportRequest request, String message) {
        access.log(request, ImportLogEntry.Outcome.IMPORT, message);
    }

    private static RequestRejected conflict(String message) {
        return new RequestRejected(RequestRejected.Reason.CONFLICT, message);
    }
}

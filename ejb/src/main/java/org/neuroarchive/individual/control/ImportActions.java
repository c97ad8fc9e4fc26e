package org.neuroarchive.individual.control;

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
import org.neuroarchive.archive.control.FileTransaction;
import org.neuroarchive.common.control.RequestRejected;
import org.neuroarchive.importlog.control.ImportLog;
import org.neuroarchive.importlog.entity.ImportLogEntry;
import org.neuroarchive.individual.entity.ImportRequest;
import org.neuroarchive.individual.entity.ImportStatus;
import org.neuroarchive.individual.entity.SourceKind;
import org.neuroarchive.individual.entity.StagedSeries;

/** What a person does with a parsed import: archive the selected series, cancel it, parse it again. */
@Stateless
public class ImportActions {

    @PersistenceContext
    EntityManager em;

    @Inject
    ImportMessages messages;

    @Inject
    ImportLog importLog;

    @Inject
    ImportRequests requests;

    @Inject
    CancelSignals signals;

    @Inject
    StagingArea staging;

    @Resource
    TransactionSynchronizationRegistry transactions;

    /**
     * Queues the chosen series (null: those selected by default) for archiving, one message each.
     * Series archived already are left out; answers how many were queued.
     */
    public int archive(long importId, List<Long> seriesIds) {
        ImportRequest request = locked(importId);
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
                .filter(s -> s.getStatus() == StagedSeries.Status.PARSED || s.getStatus() == StagedSeries.Status.ERROR).toList();
        if (queued.isEmpty()) {
            throw new RequestRejected(RequestRejected.Reason.INVALID, "no series to archive: select at least one series "
                    + "that is not archived yet");
        }
        for (StagedSeries series : queued) {
            series.moveTo(StagedSeries.Status.QUEUED, "queued for archiving");
        }
        request.archiveStarted(queued.size());
        request.moveTo(ImportStatus.QUEUED_FOR_ARCHIVE, 0, queued.size() + " series queued for archiving");
        log(importId, request.getMessage());
        em.flush();
        queued.forEach(series -> messages.archive(series.getId()));
        return queued.size();
    }

    /**
     * Cancels the import. A running parse stops at its next file; series not archived yet are left
     * out; the staging folder is removed once the cancel has committed (during an upload, by the
     * upload when its last file has arrived).
     */
    public void cancel(long importId) {
        ImportRequest request = locked(importId);
        ImportStatus status = request.getStatus();
        if (status.isFinal()) {
            throw conflict("import " + importId + " is " + status.code() + " already");
        }
        int skipped = 0;
        for (StagedSeries series : em.createNamedQuery(StagedSeries.OF_IMPORT, StagedSeries.class)
                .setParameter("importId", importId).getResultList()) {
            if (series.getStatus() == StagedSeries.Status.QUEUED) {
                em.lock(series, LockModeType.PESSIMISTIC_WRITE);
                series.moveTo(StagedSeries.Status.SKIPPED, "cancelled before it was archived");
                skipped++;
            }
        }
        request.moveTo(ImportStatus.CANCELLED, request.getPercent(), "cancelled"
                + (request.getSeriesDone() > 0 ? " after " + request.getSeriesDone() + " series were archived" : "")
                + (skipped > 0 ? "; " + skipped + " queued series left out" : ""));
        log(importId, request.getMessage());
        signals.cancel(importId);
        if (status != ImportStatus.UPLOADING) {
            FileTransaction.current(transactions).afterCommit(() -> staging.remove(staging.root(importId)));
        }
    }

    /** Parses the import again with new options (anonymize cannot change: the originals are gone). */
    public void reparse(long importId, ImportOptions options) {
        ImportRequest request = locked(importId);
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
        log(importId, "reparse requested: " + ImportRequests.describe(valid));
        messages.parse(importId, request.nextParseGeneration());
    }

    private ImportRequest locked(long importId) {
        ImportRequest request = em.find(ImportRequest.class, importId, LockModeType.PESSIMISTIC_WRITE);
        if (request == null) {
            throw new RequestRejected(RequestRejected.Reason.NOT_FOUND, "no import " + importId);
        }
        return request;
    }

    private void log(long importId, String message) {
        importLog.importStep(importId, ImportLogEntry.Outcome.IMPORT, message);
    }

    private static RequestRejected conflict(String message) {
        return new RequestRejected(RequestRejected.Reason.CONFLICT, message);
    }
}

package org.neuroarchive.importing.control;

import org.neuroarchive.common.control.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.neuroarchive.files.SourceFile;
import org.neuroarchive.audit.control.PhiReads;
import org.neuroarchive.audit.entity.AuditEvent;
import org.neuroarchive.common.control.RequestRejected;
import org.neuroarchive.security.control.Callers;
import org.neuroarchive.config.StorageLocations;
import org.neuroarchive.dicom.DicomFormatException;
import org.neuroarchive.dicom.DicomHeader;
import org.neuroarchive.dicom.DicomReader;
import org.neuroarchive.importing.entity.ClaimedSeries;
import org.neuroarchive.common.control.Paging;

/**
 * Lists claimed series in a given state (held, failed) with what their files say about them. These
 * series belong to no project yet: the queues are the reviewers' (who see the patient fields).
 */
@Stateless
@RolesAllowed({Roles.SYSTEM, Roles.USER})
public class ReviewQueue {

    @PersistenceContext
    EntityManager em;

    @Inject
    StorageLocations locations;

    @Inject
    Callers callers;

    @Inject
    PhiReads phiReads;

    private final DicomReader reader = new DicomReader();

    /** The series in {@code status}, with their patient fields (a read of patient data: audited once per request). */
    @RolesAllowed(Roles.REVIEWER)
    public List<ClaimedSeriesView> list(ClaimedSeries.Status status, int offset, int limit) {
        List<ClaimedSeriesView> views = Paging.page(em.createNamedQuery(ClaimedSeries.BY_STATUS, ClaimedSeries.class)
                .setParameter("status", status), offset, limit)
                .getResultStream().map(this::view).toList();
        long shown = views.stream().filter(v -> present(v.patientId()) || present(v.patientName())).count();
        if (shown > 0) {
            phiReads.shown(AuditEvent.of(callers.current().actor(), status.name().toLowerCase() + ".read")
                    .object("batch", null).detail("patient fields of " + shown + " series"));
        }
        return views;
    }

    private static boolean present(String text) {
        return text != null && !text.isBlank();
    }

    /** The batch, locked, if it is in {@code status}; otherwise a rejection saying why not. */
    public ClaimedSeries lockIn(long id, ClaimedSeries.Status status) {
        ClaimedSeries batch = em.find(ClaimedSeries.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (batch == null) {
            throw new RequestRejected(RequestRejected.Reason.NOT_FOUND, "no import batch with id " + id);
        }
        if (batch.getStatus() != status) {
            throw new RequestRejected(RequestRejected.Reason.CONFLICT, "import batch " + id + " is "
                    + batch.getStatus().name().toLowerCase() + ", not " + status.name().toLowerCase());
        }
        return batch;
    }

    public ClaimFolder folder(ClaimedSeries batch) {
        return new ClaimFolder(locations.claims(), batch.getClaimKey());
    }

    private ClaimedSeriesView view(ClaimedSeries batch) {
        Optional<DicomHeader> header = firstHeader(batch);
        return new ClaimedSeriesView(batch.getId(), batch.getStatus().name().toLowerCase(), batch.getMessage(),
                batch.getFileCount(), batch.getAttempts(), batch.getNextAttemptAt(), batch.getCreatedAt(),
                batch.getUpdatedAt(),
                header.map(DicomHeader::patientId).orElse(null), header.map(DicomHeader::patientName).orElse(null),
                header.map(DicomHeader::modality).orElse(null), header.map(DicomHeader::studyDate).orElse(null),
                header.map(DicomHeader::studyDescription).orElse(null), header.map(DicomHeader::seriesNumber).orElse(null),
                header.map(DicomHeader::seriesDescription).orElse(null),
                header.map(DicomHeader::studyInstanceUid).orElse(null),
                header.map(DicomHeader::seriesInstanceUid).orElse(null));
    }

    /** The header of the first readable file of the batch's claim folder. */
    public Optional<DicomHeader> firstHeader(ClaimedSeries batch) {
        try {
            for (SourceFile file : folder(batch).files()) {
                try {
                    return Optional.of(reader.readHeader(file.path()));
                } catch (DicomFormatException | java.nio.file.NoSuchFileException unusable) {
                    // try the next file
                }
            }
        } catch (IOException unreadableFolder) {
            // shown without header details
        }
        return Optional.empty();
    }
}

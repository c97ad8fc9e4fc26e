package org.neuroarchive.importing.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.neuroarchive.archive.control.ClaimedFile;
import org.neuroarchive.common.control.RequestRejected;
import org.neuroarchive.config.StorageLocations;
import org.neuroarchive.dicom.DicomFormatException;
import org.neuroarchive.dicom.DicomHeader;
import org.neuroarchive.dicom.DicomReader;
import org.neuroarchive.importing.entity.ImportBatch;
import org.neuroarchive.common.control.Paging;

/** Lists claimed series in a given state (held, failed) with what their files say about them. */
@Stateless
public class ReviewQueue {

    @PersistenceContext
    EntityManager em;

    @Inject
    StorageLocations locations;

    private final DicomReader reader = new DicomReader();

    public List<BatchView> list(ImportBatch.Status status, int offset, int limit) {
        return Paging.page(em.createNamedQuery(ImportBatch.BY_STATUS, ImportBatch.class)
                .setParameter("status", status), offset, limit)
                .getResultStream().map(this::view).toList();
    }

    /** The batch, locked, if it is in {@code status}; otherwise a rejection saying why not. */
    public ImportBatch lockIn(long id, ImportBatch.Status status) {
        ImportBatch batch = em.find(ImportBatch.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (batch == null) {
            throw new RequestRejected(RequestRejected.Reason.NOT_FOUND, "no import batch with id " + id);
        }
        if (batch.getStatus() != status) {
            throw new RequestRejected(RequestRejected.Reason.CONFLICT, "import batch " + id + " is "
                    + batch.getStatus().name().toLowerCase() + ", not " + status.name().toLowerCase());
        }
        return batch;
    }

    public ClaimFolder folder(ImportBatch batch) {
        return new ClaimFolder(locations.claims(), batch.getClaimKey());
    }

    private BatchView view(ImportBatch batch) {
        Optional<DicomHeader> header = firstHeader(batch);
        return new BatchView(batch.getId(), batch.getStatus().name().toLowerCase(), batch.getMessage(),
                batch.getFileCount(), batch.getAttempts(), batch.getNextAttemptAt(), batch.getCreatedAt(),
                batch.getUpdatedAt(),
                header.map(DicomHeader::patientId).orElse(null), header.map(DicomHeader::patientName).orElse(null),
                header.map(DicomHeader::modality).orElse(null), header.map(DicomHeader::studyDate).orElse(null),
                header.map(DicomHeader::studyDescription).orElse(null), header.map(DicomHeader::seriesNumber).orElse(null),
                header.map(DicomHeader::seriesDescription).orElse(null),
                header.map(DicomHeader::studyInstanceUid).orElse(null),
                header.map(DicomHeader::seriesInstanceUid).orElse(null));
    }

    private Optional<DicomHeader> firstHeader(ImportBatch batch) {
        try {
            for (ClaimedFile file : folder(batch).files()) {
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

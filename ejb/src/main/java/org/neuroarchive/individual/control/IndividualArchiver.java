package org.neuroarchive.individual.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.neuroarchive.archive.control.ArchiveOutcome;
import org.neuroarchive.archive.control.ArchiveService;
import org.neuroarchive.archive.control.ClaimedFile;
import org.neuroarchive.archive.control.FilingInstructions;
import org.neuroarchive.importlog.entity.LogSource;
import org.neuroarchive.individual.entity.ImportRequest;
import org.neuroarchive.individual.entity.StagedFile;
import org.neuroarchive.individual.entity.StagedSeries;
import org.neuroarchive.matching.control.MatchingCriteria;

/**
 * Archives one selected series of an individual import through the one archive service, with the
 * import's criteria, project, PatientID and alternate UIDs; its files move from staging into the
 * archive when the transaction commits. A message delivered twice finds the series done and archives
 * nothing again.
 */
@Stateless
public class IndividualArchiver {

    @PersistenceContext
    EntityManager em;

    @Inject
    ArchiveService archive;

    @Inject
    StagingArea staging;

    /**
     * Answers the import id, or -1 when the series is unknown. A series that is no longer waiting
     * (a message delivered again) is left as it is, but its import id is still answered: the
     * delivery that archived it may have lost the database before it counted the import's progress.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public long archive(long stagedSeriesId) {
        StagedSeries series = em.find(StagedSeries.class, stagedSeriesId, LockModeType.PESSIMISTIC_WRITE);
        if (series == null) {
            return -1;
        }
        if (series.getStatus() != StagedSeries.Status.QUEUED) {
            return series.getImportId();
        }
        ImportRequest request = em.find(ImportRequest.class, series.getImportId());
        List<ClaimedFile> files = em.createNamedQuery(StagedFile.OF_SERIES, StagedFile.class)
                .setParameter("seriesId", stagedSeriesId).getResultStream()
                .map(f -> new ClaimedFile(staging.file(request.getId(), f.getRelativePath()), f.getRelativePath()))
                .toList();
        ArchiveOutcome outcome = archive.archive(LogSource.individualImport(request.getId()), files,
                instructions(request, series));
        if (outcome.held()) {
            series.moveTo(StagedSeries.Status.ERROR, "not archived: " + outcome.heldReason()
                    + "; parse again with other criteria (e.g. a specific PatientID)");
        } else if (outcome.seriesId() == null && outcome.quarantined() == 0) {
            series.moveTo(StagedSeries.Status.ARCHIVED, "archived already: " + outcome.duplicates()
                    + " files are identical to archived ones");
        } else if (outcome.seriesId() == null) {
            series.moveTo(StagedSeries.Status.ERROR, "not archived: none of its files could be archived ("
                    + outcome.summary() + "); see the problem files");
        } else {
            series.archivedAs(outcome.seriesId());
            series.moveTo(StagedSeries.Status.ARCHIVED, outcome.placement() + ": " + outcome.summary());
        }
        return request.getId();
    }

    /** Records why a series could not be archived (its archive transaction rolled back). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public long failed(long stagedSeriesId, String reason) {
        StagedSeries series = em.find(StagedSeries.class, stagedSeriesId, LockModeType.PESSIMISTIC_WRITE);
        if (series == null) {
            return -1;
        }
        if (series.getStatus() == StagedSeries.Status.QUEUED) {
            series.moveTo(StagedSeries.Status.ERROR, "not archived: " + reason);
        }
        return series.getImportId();
    }

    private static FilingInstructions instructions(ImportRequest request, StagedSeries series) {
        MatchingCriteria criteria = request.criteria();
        String patientId = switch (criteria.subject()) {
            case SPECIFIC_PATIENT_ID, PATIENT_ID_FROM_DIR -> series.getPatientId();
            case PATIENT_ID, NAME_SEX_DOB -> null;
        };
        return FilingInstructions.individualImport(patientId, request.getProject(), criteria, request.altUidList());
    }
}

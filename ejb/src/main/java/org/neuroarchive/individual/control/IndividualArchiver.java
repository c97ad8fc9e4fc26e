package org.neuroarchive.individual.control;

import org.neuroarchive.common.control.Roles;
import org.neuroarchive.individual.entity.StagedSeriesStatus;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.neuroarchive.config.ClusterSettings;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDateTime;
import java.util.List;
import org.neuroarchive.archive.control.ArchiveOutcome;
import org.neuroarchive.archive.control.ArchiveService;
import org.neuroarchive.files.ReadBefore;
import org.neuroarchive.metrics.control.PipelineMetrics;
import org.neuroarchive.files.SourceFile;
import org.neuroarchive.archive.control.FilingInstructions;
import org.neuroarchive.archive.control.RetrySchedule;
import org.neuroarchive.audit.entity.Actor;
import org.neuroarchive.audit.entity.AuditEvent;
import org.neuroarchive.importlog.entity.LogSource;
import org.neuroarchive.individual.entity.ImportRequest;
import org.neuroarchive.individual.entity.StagedFile;
import org.neuroarchive.individual.entity.StagedSeries;
import org.neuroarchive.matching.entity.MatchingCriteria;

/**
 * Archives one selected series of an individual import through the one archive service, with the
 * import's criteria, project, PatientID and alternate UIDs; its files move from staging into the
 * archive when the transaction commits. A message delivered twice finds the series done and archives
 * nothing again. It is archived for the person who asked for it: into a project they may not modify
 * it is not archived, and stays staged with the reason.
 */
@Stateless
@RolesAllowed({Roles.SYSTEM, Roles.USER})
public class IndividualArchiver {

    @PersistenceContext
    EntityManager em;

    @Inject
    ClusterSettings cluster;

    @Inject
    ArchiveService archive;

    @Inject
    StagingArea staging;

    @Inject
    PipelineMetrics metrics;

    /**
     * What one archive message did: the import id (-1: the series is unknown), and the audit row of what
     * became of the series (null: nothing happened), to be recorded once the transaction has committed.
     */
    public record Result(long importId, AuditEvent.Builder audit) {
    }

    /**
     * A series that is no longer waiting (a message delivered again) is left as it is, but its import
     * id is still answered: the delivery that archived it may have lost the database before it counted
     * the import's progress.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Result archive(long stagedSeriesId, Actor actor) {
        StagedSeries series = em.find(StagedSeries.class, stagedSeriesId, LockModeType.PESSIMISTIC_WRITE);
        if (series == null) {
            return new Result(-1, null);
        }
        if (series.getStatus() != StagedSeriesStatus.QUEUED) {
            return new Result(series.getImportId(), null);
        }
        ImportRequest request = em.find(ImportRequest.class, series.getImportId());
        List<SourceFile> files = em.createNamedQuery(StagedFile.OF_SERIES, StagedFile.class)
                .setParameter("seriesId", stagedSeriesId).getResultStream()
                .map(f -> new SourceFile(staging.file(request.getId(), f.getRelativePath()), logName(request, f.getRelativePath()),
                        f.getSha256() == null ? null : new ReadBefore(f.getFileSize(), f.getSha256())))
                .toList();
        ArchiveOutcome outcome = archive.archive(LogSource.individualImport(request.getId()), files,
                instructions(request, series).filedFor(actor));
        series.handledBy(cluster.node(), outcome.archived());
        if (outcome.refused()) {
            series.hold("not archived: " + outcome.heldReason());
        } else if (outcome.held()) {
            series.hold("not archived: " + outcome.heldReason() + "; parse again with other criteria (e.g. a specific PatientID)");
        } else if (outcome.seriesId() == null && outcome.quarantined() == 0) {
            series.archived(null, "archived already: " + outcome.duplicates() + " files are identical to archived ones");
        } else if (outcome.seriesId() == null) {
            series.fail("not archived: none of its files could be archived (" + outcome.summary() + "); see the problem files");
        } else {
            series.archived(outcome.seriesId(), outcome.placement() + ": " + outcome.summary());
        }
        return new Result(request.getId(), outcome.auditEvent(actor, "staged-series", stagedSeriesId));
    }

    /** What became of a failed attempt: the import id (-1: unknown series), and whether the series is given up. */
    public record Attempt(long importId, boolean givenUp) {
    }

    /**
     * Records a failed attempt of the series' archive transaction (it rolled back): the next one is due
     * as {@code schedule} says, or the series is given up (FAILED, files kept in staging).
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Attempt attemptFailed(long stagedSeriesId, String reason, RetrySchedule schedule) {
        StagedSeries series = em.find(StagedSeries.class, stagedSeriesId, LockModeType.PESSIMISTIC_WRITE);
        if (series == null) {
            return new Attempt(-1, false);
        }
        if (series.getStatus() != StagedSeriesStatus.QUEUED) {
            return new Attempt(series.getImportId(), false);
        }
        series.attemptFailed(reason, schedule.nextAttempt(series.getAttempts() + 1, LocalDateTime.now()));
        boolean givenUp = series.getStatus() != StagedSeriesStatus.QUEUED;
        metrics.attemptFailed(givenUp);
        return new Attempt(series.getImportId(), givenUp);
    }

    /**
     * How the import log names a staged file: its path below the import, or only its name when the
     * folder names are PatientIDs ({@code patientidfromdir}): the log carries no patient data.
     */
    static String logName(ImportRequest request, String relativePath) {
        return request.criteria().subject() == MatchingCriteria.Subject.PATIENT_ID_FROM_DIR
                ? relativePath.substring(relativePath.lastIndexOf('/') + 1) : relativePath;
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

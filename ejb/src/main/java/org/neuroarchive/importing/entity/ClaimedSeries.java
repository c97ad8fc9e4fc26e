package org.neuroarchive.importing.entity;

import jakarta.persistence.Column;
import org.neuroarchive.individual.entity.StagedSeriesStatus;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.QueryHint;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import org.neuroarchive.common.entity.UpdatableRecord;
import org.neuroarchive.common.entity.ColumnText;

/**
 * The files of one series, claimed out of incomingdir into a claim folder, and the state of their
 * archive message. The claim key names the folder.
 */
@Entity
@Table(name = "import_batch")
@NamedQuery(name = ClaimedSeries.BY_CLAIM_KEY, query = "SELECT b FROM ClaimedSeries b WHERE b.claimKey = :key")
@NamedQuery(name = ClaimedSeries.BY_STATUS, query = "SELECT b FROM ClaimedSeries b WHERE b.status = :status ORDER BY b.id")
@NamedQuery(name = ClaimedSeries.FILES_BY_STATUS, query = "SELECT COALESCE(SUM(b.fileCount), 0) FROM ClaimedSeries b WHERE b.status = :status")
@NamedQuery(name = ClaimedSeries.SCAN_TOTALS, query = "SELECT COUNT(b), SUM(CASE WHEN b.status = :queued THEN 1 ELSE 0 END), "
        + "COALESCE(SUM(b.filesArchived), 0), COALESCE(SUM(b.filesDuplicate), 0), COALESCE(SUM(b.filesQuarantined), 0), "
        + "SUM(CASE WHEN b.status = :held THEN b.fileCount ELSE 0 END), "
        + "SUM(CASE WHEN b.subjectCreated = TRUE THEN 1 ELSE 0 END), SUM(CASE WHEN b.studyCreated = TRUE THEN 1 ELSE 0 END), "
        + "SUM(CASE WHEN b.seriesCreated = TRUE THEN 1 ELSE 0 END), "
        + "SUM(CASE WHEN b.seriesId IS NOT NULL AND b.seriesCreated = FALSE THEN 1 ELSE 0 END), MAX(b.updatedAt) "
        + "FROM ClaimedSeries b WHERE b.scanId = :scan",
        // H2 cannot type SUM(CASE ... THEN ? ...): inline the literals (the parameters are enums and an id)
        hints = @QueryHint(name = "eclipselink.jdbc.bind-parameters", value = "false"))
@NamedQuery(name = ClaimedSeries.COUNT_OF_SCAN, query = "SELECT COUNT(b) FROM ClaimedSeries b WHERE b.scanId = :scan "
        + "AND b.status = :status")
@NamedQuery(name = ClaimedSeries.COUNT_BY_STATUS, query = "SELECT COUNT(b) FROM ClaimedSeries b WHERE b.status = :status")
@NamedQuery(name = ClaimedSeries.SUBJECTS_CREATED, query = "SELECT COUNT(DISTINCT b.subjectId) FROM ClaimedSeries b "
        + "WHERE b.scanId = :scan AND b.subjectId IS NOT NULL AND b.subjectCreated = TRUE")
@NamedQuery(name = ClaimedSeries.STUDIES_CREATED, query = "SELECT COUNT(DISTINCT b.studyId) FROM ClaimedSeries b "
        + "WHERE b.scanId = :scan AND b.studyId IS NOT NULL AND b.studyCreated = TRUE")
@NamedQuery(name = ClaimedSeries.SUBJECTS_UPDATED, query = "SELECT COUNT(DISTINCT b.subjectId) FROM ClaimedSeries b "
        + "WHERE b.scanId = :scan AND b.subjectId IS NOT NULL AND b.subjectCreated = FALSE")
@NamedQuery(name = ClaimedSeries.STUDIES_UPDATED, query = "SELECT COUNT(DISTINCT b.studyId) FROM ClaimedSeries b "
        + "WHERE b.scanId = :scan AND b.studyId IS NOT NULL AND b.studyCreated = FALSE")
@NamedQuery(name = ClaimedSeries.STALE_QUEUED, query = "SELECT b FROM ClaimedSeries b WHERE b.status = :status "
        + "AND b.nextAttemptAt IS NULL AND b.updatedAt < :before ORDER BY b.id")
@NamedQuery(name = ClaimedSeries.DUE_FOR_RETRY, query = "SELECT b FROM ClaimedSeries b WHERE b.status = :status "
        + "AND b.nextAttemptAt IS NOT NULL AND b.nextAttemptAt <= :now ORDER BY b.nextAttemptAt")
public class ClaimedSeries extends UpdatableRecord {

    public static final String BY_CLAIM_KEY = "ClaimedSeries.byClaimKey";
    public static final String BY_STATUS = "ClaimedSeries.byStatus";
    public static final String COUNT_BY_STATUS = "ClaimedSeries.countByStatus";
    public static final String COUNT_OF_SCAN = "ClaimedSeries.countOfScan";
    public static final String DUE_FOR_RETRY = "ClaimedSeries.dueForRetry";
    public static final String STALE_QUEUED = "ClaimedSeries.staleQueued";
    public static final String SUBJECTS_UPDATED = "ClaimedSeries.subjectsUpdated";
    public static final String SUBJECTS_CREATED = "ClaimedSeries.subjectsCreated";
    public static final String STUDIES_CREATED = "ClaimedSeries.studiesCreated";
    public static final String STUDIES_UPDATED = "ClaimedSeries.studiesUpdated";
    public static final String FILES_BY_STATUS = "ClaimedSeries.filesByStatus";
    public static final String SCAN_TOTALS = "ClaimedSeries.scanTotals";

    /**
     * Where a claimed series stands. QUEUED, HELD and FAILED mean the same for a staged series of an
     * individual import (StagedSeriesStatus); DONE is its ARCHIVED (here also when files were
     * quarantined or discarded: every file reached its outcome).
     */
    public enum Status {
        /** Claimed and its archive message sent; waiting for the message-driven bean. */
        QUEUED,
        /** Every file reached its outcome (archived, duplicate or quarantined). */
        DONE,
        /**
         * Archiving failed for a reason outside the files (storage, database) as often as allowed;
         * the files wait in their claim folder until someone retries.
         */
        FAILED,
        /**
         * Not filed under a guessed identity (blank PatientID, no StudyDate): the files wait in their
         * claim folder for a person to release them with an explicit PatientID, or to discard them.
         */
        HELD
    }

    @Column(name = "claim_key", nullable = false, length = 64)
    private String claimKey;

    @Column(name = "series_key", nullable = false)
    private String seriesKey;

    @Column(name = "scan_id")
    private Long scanId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private Status status;

    @Column(name = "file_count", nullable = false)
    private int fileCount;

    @Column(name = "subject_id")
    private Long subjectId;

    @Column(name = "study_id")
    private Long studyId;

    @Column(name = "series_id")
    private Long seriesId;

    @Column(nullable = false, length = 1024)
    private String message;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at")
    private LocalDateTime nextAttemptAt;

    @Column(name = "release_patient_id", length = ColumnText.PATIENT_ID)
    private String releasePatientId;

    @Column(name = "release_project", length = 64)
    private String releaseProject;

    /** Who released it (an actor's text), or null. */
    @Column(name = "release_actor", length = 255)
    private String releaseActor;

    @Column(name = "files_archived", nullable = false)
    private int filesArchived;

    @Column(name = "files_duplicate", nullable = false)
    private int filesDuplicate;

    @Column(name = "files_quarantined", nullable = false)
    private int filesQuarantined;

    /** The node whose archive transaction settled the series (issue 16); null before. */
    @Column(name = "node", length = 64)
    private String node;

    @Column(name = "subject_created", nullable = false)
    private boolean subjectCreated;

    @Column(name = "study_created", nullable = false)
    private boolean studyCreated;

    @Column(name = "series_created", nullable = false)
    private boolean seriesCreated;

    protected ClaimedSeries() {
    }

    public ClaimedSeries(String claimKey, String seriesKey, Long scanId, int fileCount) {
        this.claimKey = claimKey;
        this.scanId = scanId;
        this.seriesKey = seriesKey;
        this.fileCount = fileCount;
        this.status = Status.QUEUED;
        this.message = "";
    }

    /** The node archiving the series (its transaction sets the outcome too). */
    public void handledBy(String archivingNode) {
        this.node = archivingNode;
    }

    public String getNode() {
        return node;
    }

    /** Every file reached its outcome; the counts and what was created are kept for the scan summary. */
    public void done(Long subjectId, Long studyId, Long seriesId, String message, int archived, int duplicate,
                     int quarantined, boolean subjectCreated, boolean studyCreated, boolean seriesCreated) {
        this.status = Status.DONE;
        this.subjectId = subjectId;
        this.studyId = studyId;
        this.seriesId = seriesId;
        this.nextAttemptAt = null;
        this.message = ColumnText.clip(message, 1024);
        this.filesArchived += archived;
        this.filesDuplicate += duplicate;
        this.filesQuarantined += quarantined;
        this.subjectCreated |= subjectCreated;
        this.studyCreated |= studyCreated;
        this.seriesCreated |= seriesCreated;
    }

    /** Waits for a person: {@code reason} says why it cannot be filed as it is. */
    public void hold(String reason) {
        this.status = Status.HELD;
        this.nextAttemptAt = null;
        this.message = ColumnText.clip(reason, 1024);
    }

    /**
     * Queued again by {@code actor}, to be filed under {@code patientId} (and {@code project}, a cost
     * center, when given). The message names neither the PatientID nor the person's name (it is logged).
     */
    public void release(String patientId, String project, String actor) {
        this.status = Status.QUEUED;
        this.releasePatientId = patientId;
        this.releaseProject = project;
        this.releaseActor = actor;
        this.message = ColumnText.clip("released by " + actor + " under an explicit PatientID"
                + (project == null ? "" : " in project " + project), 1024);
    }

    /** Queued again after failing, with a fresh set of attempts. */
    public void retryNow() {
        this.status = Status.QUEUED;
        this.attempts = 0;
        this.nextAttemptAt = null;
    }

    /** Records a failed attempt: another one at {@code retryAt}, or none (FAILED) when that is null. */
    public void attemptFailed(String reason, LocalDateTime retryAt) {
        this.attempts++;
        this.message = ColumnText.clip("attempt " + attempts + " failed: " + reason, 1024);
        this.nextAttemptAt = retryAt;
        if (retryAt == null) {
            this.status = Status.FAILED;
        }
    }

    /** The retry message is being sent now. */
    public void retrying() {
        this.nextAttemptAt = null;
        touch();
    }


    public String getClaimKey() {
        return claimKey;
    }

    public String getSeriesKey() {
        return seriesKey;
    }

    public Status getStatus() {
        return status;
    }

    public int getFileCount() {
        return fileCount;
    }

    public Long getScanId() {
        return scanId;
    }

    public Long getSeriesId() {
        return seriesId;
    }

    public String getReleasePatientId() {
        return releasePatientId;
    }

    public String getReleaseProject() {
        return releaseProject;
    }

    public String getReleaseActor() {
        return releaseActor;
    }

    public LocalDateTime getNextAttemptAt() {
        return nextAttemptAt;
    }

    public int getAttempts() {
        return attempts;
    }

    public String getMessage() {
        return message;
    }
}

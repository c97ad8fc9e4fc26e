package org.neuroarchive.individual.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.neuroarchive.common.entity.ColumnText;
import org.neuroarchive.common.entity.UpdatableRecord;

/**
 * One series an individual import found, grouped by the import's criteria: the keys it was grouped by
 * (subject, study, series), what it shows a reviewer, whether it is selected, what it matches in the
 * archive, and what became of it.
 */
@Entity
@Table(name = "staged_series")
@NamedQuery(name = StagedSeries.OF_IMPORT, query = "SELECT s FROM StagedSeries s WHERE s.importId = :importId "
        + "ORDER BY s.subjectKey, s.studyKey, s.seriesNum, s.seriesKey")
@NamedQuery(name = StagedSeries.DELETE_OF_IMPORT, query = "DELETE FROM StagedSeries s WHERE s.importId = :importId")
@NamedQuery(name = StagedSeries.COUNT_BY_STATE, query = "SELECT s.importId, s.status, s.selected, COUNT(s) FROM StagedSeries s "
        + "WHERE s.importId IN :importIds GROUP BY s.importId, s.status, s.selected")
@NamedQuery(name = StagedSeries.DUE_FOR_RETRY, query = "SELECT s FROM StagedSeries s WHERE s.status = :status "
        + "AND s.nextAttemptAt IS NOT NULL AND s.nextAttemptAt <= :now ORDER BY s.nextAttemptAt")
@NamedQuery(name = StagedSeries.STALE_QUEUED, query = "SELECT s FROM StagedSeries s, ImportRequest r "
        + "WHERE r.id = s.importId AND s.status = :status AND s.nextAttemptAt IS NULL "
        + "AND r.status IN :importStatuses AND r.updatedAt < :before ORDER BY s.importId, s.id")
public class StagedSeries extends UpdatableRecord {

    public static final String OF_IMPORT = "StagedSeries.ofImport";
    public static final String DELETE_OF_IMPORT = "StagedSeries.deleteOfImport";
    /** Rows (import id, status, selected, count) for the imports {@code :importIds}. */
    public static final String COUNT_BY_STATE = "StagedSeries.countByState";
    public static final String DUE_FOR_RETRY = "StagedSeries.dueForRetry";
    public static final String STALE_QUEUED = "StagedSeries.staleQueued";

    @Column(name = "import_id", nullable = false)
    private long importId;

    @Column(nullable = false)
    private boolean nonmatch;

    @Column(name = "subject_key", nullable = false, length = 512)
    private String subjectKey;

    @Column(name = "study_key", nullable = false, length = 512)
    private String studyKey;

    @Column(name = "series_key", nullable = false, length = 512)
    private String seriesKey;

    /** The PatientID the series is filed under (its own, the typed one, or the folder name). */
    @Column(name = "patient_id", nullable = false, length = ColumnText.PATIENT_ID)
    private String patientId;

    @Column(name = "patient_name", nullable = false)
    private String patientName;

    @Column(nullable = false, length = 1)
    private String sex;

    @Column(name = "birth_date")
    private LocalDate birthDate;

    @Column(name = "study_instance_uid", nullable = false, length = 64)
    private String studyInstanceUid;

    @Column(name = "study_id", nullable = false, length = 64)
    private String studyId;

    @Column(name = "study_datetime")
    private LocalDateTime studyDateTime;

    @Column(name = "study_description", nullable = false)
    private String studyDescription;

    @Column(name = "series_instance_uid", nullable = false, length = 64)
    private String seriesInstanceUid;

    @Column(name = "series_num")
    private Integer seriesNum;

    @Column(name = "series_datetime")
    private LocalDateTime seriesDateTime;

    @Column(nullable = false)
    private String description;

    @Column(nullable = false)
    private String protocol;

    @Column(nullable = false, length = 16)
    private String modality;

    @Column(name = "img_rows")
    private Integer rows;

    @Column(name = "img_cols")
    private Integer columns;

    @Column(name = "file_count", nullable = false)
    private int fileCount;

    @Column(name = "total_bytes", nullable = false)
    private long totalBytes;

    @Column(nullable = false)
    private boolean selected;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private StagedSeriesStatus status;

    @Column(nullable = false, length = 2048)
    private String message;

    /** Failed archive attempts since the series was queued. */
    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at")
    private LocalDateTime nextAttemptAt;

    @Column(name = "match_subject_id")
    private Long matchSubjectId;

    @Column(name = "match_study_id")
    private Long matchStudyId;

    @Column(name = "match_series_id")
    private Long matchSeriesId;

    /** e.g. {@code S1234ABC/2/5}: as far as the match goes. */
    @Column(name = "match_text", nullable = false)
    private String matchText;

    @Column(name = "archived_series_id")
    private Long archivedSeriesId;

    /** The node whose archive transaction settled the series, and the files it archived (issue 16). */
    @Column(name = "node", length = 64)
    private String node;

    @Column(name = "files_archived", nullable = false)
    private int filesArchived;

    protected StagedSeries() {
    }

    public StagedSeries(long importId, boolean nonmatch, String subjectKey, String studyKey, String seriesKey) {
        this.importId = importId;
        this.nonmatch = nonmatch;
        this.subjectKey = ColumnText.clip(subjectKey, 512);
        this.studyKey = ColumnText.clip(studyKey, 512);
        this.seriesKey = ColumnText.clip(seriesKey, 512);
        this.selected = !nonmatch;
        this.status = StagedSeriesStatus.PARSED;
        this.message = "";
        this.matchText = "";
    }

    /** What a reviewer sees of the subject and study (from the first file of the series). */
    public void describeSubjectAndStudy(String patientId, String patientName, String sex, LocalDate birthDate,
                                        String studyInstanceUid, String studyId, LocalDateTime studyDateTime,
                                        String studyDescription) {
        this.patientId = ColumnText.clip(patientId, ColumnText.PATIENT_ID);
        this.patientName = ColumnText.clip(patientName, 255);
        this.sex = sex;
        this.birthDate = birthDate;
        this.studyInstanceUid = ColumnText.clip(studyInstanceUid, 64);
        this.studyId = ColumnText.clip(studyId, 64);
        this.studyDateTime = studyDateTime;
        this.studyDescription = ColumnText.clip(studyDescription, 255);
    }

    /** What a reviewer sees of the series itself. */
    public void describeSeries(String seriesInstanceUid, Integer seriesNum, LocalDateTime seriesDateTime,
                               String description, String protocol, String modality, Integer rows, Integer columns) {
        this.seriesInstanceUid = ColumnText.clip(seriesInstanceUid, 64);
        this.seriesNum = seriesNum;
        this.seriesDateTime = seriesDateTime;
        this.description = ColumnText.clip(description, 255);
        this.protocol = ColumnText.clip(protocol, 255);
        this.modality = ColumnText.clip(modality, 16);
        this.rows = rows;
        this.columns = columns;
    }

    public void contents(int fileCount, long totalBytes) {
        this.fileCount = fileCount;
        this.totalBytes = totalBytes;
    }

    public void matches(Long subjectId, Long studyId, Long seriesId, String text) {
        this.matchSubjectId = subjectId;
        this.matchStudyId = studyId;
        this.matchSeriesId = seriesId;
        this.matchText = ColumnText.clip(text, 255);
    }

    public void select(boolean selected) {
        this.selected = selected;
    }

    public void moveTo(StagedSeriesStatus status, String message) {
        this.status = status;
        this.message = ColumnText.clip(message == null ? "" : message, 2048);
    }

    /** Queued for archiving, with a fresh set of attempts. */
    public void queue(String message) {
        moveTo(StagedSeriesStatus.QUEUED, message);
        this.attempts = 0;
        this.nextAttemptAt = null;
    }

    /**
     * Records a failed archive attempt: another one at {@code retryAt}, or none when that is null (then
     * the series is FAILED with the reason, its files kept in staging).
     */
    public void attemptFailed(String reason, LocalDateTime retryAt) {
        this.attempts++;
        this.nextAttemptAt = retryAt;
        if (retryAt == null) {
            moveTo(StagedSeriesStatus.FAILED, "not archived after " + attempts + " attempts: " + reason);
        } else {
            moveTo(StagedSeriesStatus.QUEUED, "attempt " + attempts + " failed, next one at " + retryAt.withNano(0) + ": " + reason);
        }
    }

    /** Not filed as it is, for {@code reason}; waits for a person (as ClaimedSeries.hold). */
    public void hold(String reason) {
        moveTo(StagedSeriesStatus.HELD, reason);
        this.nextAttemptAt = null;
    }

    /** Archived by {@code archivingNode}, which filed {@code archived} new files of it. */
    public void handledBy(String archivingNode, int archived) {
        this.node = archivingNode;
        this.filesArchived += archived;
    }

    /** Filed, as {@code seriesId} (null: every file was identical to an archived one); as ClaimedSeries.done. */
    public void archived(Long seriesId, String message) {
        moveTo(StagedSeriesStatus.ARCHIVED, message);
        this.archivedSeriesId = seriesId == null ? archivedSeriesId : seriesId;
        this.nextAttemptAt = null;
    }

    /** Given up for {@code reason}: none of its files could be archived. */
    public void fail(String reason) {
        moveTo(StagedSeriesStatus.FAILED, reason);
        this.nextAttemptAt = null;
    }

    /** The retry message is being sent now. */
    public void retrying() {
        this.nextAttemptAt = null;
        touch();
    }

    public int getAttempts() {
        return attempts;
    }

    public LocalDateTime getNextAttemptAt() {
        return nextAttemptAt;
    }

    public long getImportId() {
        return importId;
    }

    public boolean isNonmatch() {
        return nonmatch;
    }

    public String getSubjectKey() {
        return subjectKey;
    }

    public String getStudyKey() {
        return studyKey;
    }

    public String getSeriesKey() {
        return seriesKey;
    }

    public String getPatientId() {
        return patientId;
    }

    public String getPatientName() {
        return patientName;
    }

    public String getSex() {
        return sex;
    }

    public LocalDate getBirthDate() {
        return birthDate;
    }

    public String getStudyInstanceUid() {
        return studyInstanceUid;
    }

    public String getStudyId() {
        return studyId;
    }

    public LocalDateTime getStudyDateTime() {
        return studyDateTime;
    }

    public String getStudyDescription() {
        return studyDescription;
    }

    public String getSeriesInstanceUid() {
        return seriesInstanceUid;
    }

    public Integer getSeriesNum() {
        return seriesNum;
    }

    public LocalDateTime getSeriesDateTime() {
        return seriesDateTime;
    }

    public String getDescription() {
        return description;
    }

    public String getProtocol() {
        return protocol;
    }

    public String getModality() {
        return modality;
    }

    public Integer getRows() {
        return rows;
    }

    public Integer getColumns() {
        return columns;
    }

    public int getFileCount() {
        return fileCount;
    }

    public long getTotalBytes() {
        return totalBytes;
    }

    public boolean isSelected() {
        return selected;
    }

    public StagedSeriesStatus getStatus() {
        return status;
    }

    public String getMessage() {
        return message;
    }

    public Long getMatchSubjectId() {
        return matchSubjectId;
    }

    public Long getMatchStudyId() {
        return matchStudyId;
    }

    public Long getMatchSeriesId() {
        return matchSeriesId;
    }

    public String getMatchText() {
        return matchText;
    }

    public Long getArchivedSeriesId() {
        return archivedSeriesId;
    }
}

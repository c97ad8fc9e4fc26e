package org.neuroarchive.individual.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.util.Arrays;
import java.util.List;
import org.neuroarchive.common.entity.ColumnText;
import org.neuroarchive.common.entity.UpdatableRecord;
import org.neuroarchive.matching.entity.MatchingCriteria;

/**
 * An individual import (NiDB's import request): where its files come from, the options it was made
 * with, and how far it got. Its files live in the staging folder until archived or cancelled.
 */
@Entity
@Table(name = "import_request")
@NamedQuery(name = ImportRequest.NEWEST_FIRST, query = "SELECT r FROM ImportRequest r ORDER BY r.id DESC")
@NamedQuery(name = ImportRequest.OF_NODE_IN_STATUS, query = "SELECT r FROM ImportRequest r WHERE r.status IN :statuses "
        + "AND r.node = :node ORDER BY r.id")
@NamedQuery(name = ImportRequest.OF_NO_NODE_IN_STATUS, query = "SELECT r FROM ImportRequest r WHERE r.status IN :statuses "
        + "AND r.node IS NULL ORDER BY r.id")
@NamedQuery(name = ImportRequest.UNCHANGED_SINCE, query = "SELECT r.id FROM ImportRequest r WHERE r.status IN :statuses "
        + "AND r.updatedAt < :before ORDER BY r.id")
@NamedQuery(name = ImportRequest.COUNT_IN_STATUS, query = "SELECT COUNT(r) FROM ImportRequest r WHERE r.status IN :statuses")
public class ImportRequest extends UpdatableRecord {

    public static final String NEWEST_FIRST = "ImportRequest.newestFirst";
    /** In {@code :statuses} and last handled by {@code :node}. */
    public static final String OF_NODE_IN_STATUS = "ImportRequest.ofNodeInStatus";
    /** In {@code :statuses} and handled before nodes were named. */
    public static final String OF_NO_NODE_IN_STATUS = "ImportRequest.ofNoNodeInStatus";
    public static final String COUNT_IN_STATUS = "ImportRequest.countInStatus";
    public static final String UNCHANGED_SINCE = "ImportRequest.unchangedSince";

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private ImportStatus status;

    @Column(nullable = false)
    private int percent;

    @Column(nullable = false, length = 2048)
    private String message;

    @Enumerated(EnumType.STRING)
    @Column(name = "source_kind", nullable = false, length = 16)
    private SourceKind sourceKind;

    @Column(name = "source_path", length = 1024)
    private String sourcePath;

    @Column(nullable = false, length = 16)
    private String modality;

    @Column(length = 64)
    private String project;

    @Enumerated(EnumType.STRING)
    @Column(name = "subject_criteria", nullable = false, length = 32)
    private MatchingCriteria.Subject subjectCriteria;

    @Column(name = "patient_id", length = ColumnText.PATIENT_ID)
    private String patientId;

    @Enumerated(EnumType.STRING)
    @Column(name = "study_criteria", nullable = false, length = 32)
    private MatchingCriteria.Study studyCriteria;

    @Enumerated(EnumType.STRING)
    @Column(name = "series_criteria", nullable = false, length = 32)
    private MatchingCriteria.Series seriesCriteria;

    @Column(nullable = false)
    private boolean anonymize;

    /** One alternate UID per line. */
    @Column(name = "alt_uids", nullable = false, length = 2048)
    private String altUids;

    @Column(nullable = false, length = 2048)
    private String notes;

    /** Secret of this import for pseudonyms and replacement UIDs when anonymizing. */
    @Column(nullable = false, length = 64)
    private String salt;

    @Column(nullable = false)
    private boolean unpacked;

    @Column(name = "file_count", nullable = false)
    private int fileCount;

    @Column(name = "unreadable_count", nullable = false)
    private int unreadableCount;

    /** Who created it: an actor's text ({@code user:alice}, {@code apikey:…}). */
    @Column(name = "created_by", nullable = false, length = 255)
    private String createdBy;

    /** Who asked to archive its selected series (an actor's text), or null. */
    @Column(name = "archive_actor", length = 255)
    private String archiveActor;

    /** Incremented by every (re)parse, so that a stale parse message is ignored. */
    @Column(name = "parse_generation", nullable = false)
    private int parseGeneration;

    /** The node (server) that last took the import on: its upload or its parse runs there. */
    @Column(name = "node", length = 64)
    private String node;

    protected ImportRequest() {
    }

    public ImportRequest(SourceKind sourceKind, String sourcePath, ImportStatus status, String salt, String createdBy) {
        this.createdBy = ColumnText.clip(createdBy, 255);
        this.sourceKind = sourceKind;
        this.sourcePath = sourcePath;
        this.status = status;
        this.message = "";
        this.salt = salt;
        this.modality = "auto";
        this.subjectCriteria = MatchingCriteria.Subject.PATIENT_ID;
        this.studyCriteria = MatchingCriteria.Study.MODALITY_STUDY_DATE;
        this.seriesCriteria = MatchingCriteria.Series.SERIES_NUMBER;
        this.altUids = "";
        this.notes = "";
    }

    /** Sets the options a person chose (validated by the caller). */
    public void choose(String modality, String project, MatchingCriteria criteria, String patientId, boolean anonymize,
                       List<String> altUids, String notes) {
        this.modality = modality;
        this.project = project;
        this.subjectCriteria = criteria.subject();
        this.studyCriteria = criteria.study();
        this.seriesCriteria = criteria.series();
        this.patientId = patientId;
        this.anonymize = anonymize;
        this.altUids = ColumnText.clip(String.join("\n", altUids), 2048);
        this.notes = ColumnText.clip(notes == null ? "" : notes, 2048);
    }

    /** Its parse or archive messages were sent again: the next re-send is due one period from now. */
    public void messagesResent() {
        touch();
    }

    public void moveTo(ImportStatus status, int percent, String message) {
        this.status = status;
        this.percent = Math.max(0, Math.min(100, percent));
        this.message = ColumnText.clip(message == null ? "" : message, 2048);
    }

    public void progress(int percent) {
        this.percent = Math.max(0, Math.min(100, percent));
        touch();
    }

    /** Node {@code handlingNode} takes the import on (receives its upload, runs its parse). */
    public void handledBy(String handlingNode) {
        this.node = handlingNode;
    }

    public String getNode() {
        return node;
    }

    public int nextParseGeneration() {
        return ++parseGeneration;
    }

    public void parsed(int fileCount, int unreadableCount) {
        this.fileCount = fileCount;
        this.unreadableCount = unreadableCount;
    }

    public void markUnpacked() {
        this.unpacked = true;
    }

    /**
     * {@code actor} asked to archive its selected series. How many series are selected, archived or
     * failed is not stored here: it is counted from the staged series (see {@code SeriesCounts}).
     */
    public void archiveRequestedBy(String actor) {
        this.archiveActor = ColumnText.clip(actor, 255);
    }

    public MatchingCriteria criteria() {
        return new MatchingCriteria(subjectCriteria, studyCriteria, seriesCriteria);
    }

    public List<String> altUidList() {
        return altUids.isEmpty() ? List.of() : Arrays.asList(altUids.split("\n"));
    }

    public ImportStatus getStatus() {
        return status;
    }

    public int getPercent() {
        return percent;
    }

    public String getMessage() {
        return message;
    }

    public SourceKind getSourceKind() {
        return sourceKind;
    }

    public String getSourcePath() {
        return sourcePath;
    }

    public String getModality() {
        return modality;
    }

    public String getProject() {
        return project;
    }

    public String getPatientId() {
        return patientId;
    }

    public boolean isAnonymize() {
        return anonymize;
    }

    public String getNotes() {
        return notes;
    }

    public String getSalt() {
        return salt;
    }

    public boolean isUnpacked() {
        return unpacked;
    }

    public int getFileCount() {
        return fileCount;
    }

    public int getUnreadableCount() {
        return unreadableCount;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public String getArchiveActor() {
        return archiveActor;
    }

    public int getParseGeneration() {
        return parseGeneration;
    }
}

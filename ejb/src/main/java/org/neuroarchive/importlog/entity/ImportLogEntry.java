package org.neuroarchive.importlog.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import org.neuroarchive.common.entity.Record;
import org.neuroarchive.common.entity.ColumnText;

/** One line of the import log: what happened to a file or a series, in words a user understands. */
@Entity
@Table(name = "import_log")
@NamedQuery(name = ImportLogEntry.COUNT_BY_OUTCOME, query = "SELECT COUNT(e) FROM ImportLogEntry e WHERE e.outcome = :outcome")
public class ImportLogEntry extends Record {

    public static final String COUNT_BY_OUTCOME = "ImportLogEntry.countByOutcome";

    /** What became of a file or a series. */
    public enum Outcome {
        ARCHIVED,
        DUPLICATE,
        QUARANTINED,
        SERIES_ARCHIVED,
        HELD,
        RELEASED,
        DISCARDED,
        REIMPORTED,
        RETRIED,
        FAILED,
        SCAN,
        /** A step of an individual import (created, parsed, archived, cancelled). */
        IMPORT
    }

    @Column(name = "batch_id")
    private Long batchId;

    @Column(name = "import_id")
    private Long importId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private Outcome outcome;

    @Column(name = "file_name", nullable = false, length = 1024)
    private String fileName;

    @Column(name = "subject_uid", length = 16)
    private String subjectUid;

    @Column(name = "study_num")
    private Integer studyNum;

    @Column(name = "series_num")
    private Integer seriesNum;

    @Column(nullable = false, length = 2048)
    private String message;

    /** Who the line's work was done for: an actor's text ({@code user:alice}, {@code system}). */
    @Column(nullable = false, length = 255)
    private String actor;

    /** The node (server) that wrote the line. */
    @Column(name = "node", length = 64)
    private String node;

    /** The project the line concerns, when known. */
    @Column(name = "project_id")
    private Long projectId;

    protected ImportLogEntry() {
    }

    public ImportLogEntry(Long batchId, Outcome outcome, String fileName, String message) {
        this(LogSource.batch(batchId), outcome, fileName, message);
    }

    public ImportLogEntry(LogSource source, Outcome outcome, String fileName, String message) {
        this.batchId = source.batchId();
        this.importId = source.importId();
        this.outcome = outcome;
        this.fileName = ColumnText.clip(fileName, 1024);
        this.message = ColumnText.clip(message, 2048);
    }

    public ImportLogEntry about(String subjectUid, Integer studyNum, Integer seriesNum) {
        this.subjectUid = subjectUid;
        this.studyNum = studyNum;
        this.seriesNum = seriesNum;
        return this;
    }


    /** The actor the line names (set by the import log from the caller when left out). */
    public ImportLogEntry by(String actorText) {
        this.actor = ColumnText.clip(actorText, 255);
        return this;
    }

    /** The project the line concerns (null: none, or not known yet). */
    public ImportLogEntry inProject(Long projectId) {
        this.projectId = projectId;
        return this;
    }

    /** The node that wrote the line (set by the import log). */
    public ImportLogEntry on(String writingNode) {
        this.node = writingNode;
        return this;
    }

    public String getNode() {
        return node;
    }

    public String getActor() {
        return actor;
    }

    public Long getProjectId() {
        return projectId;
    }

    public Outcome getOutcome() {
        return outcome;
    }

    public String getFileName() {
        return fileName;
    }

    public String getMessage() {
        return message;
    }

    public Long getBatchId() {
        return batchId;
    }

    public Long getImportId() {
        return importId;
    }

    public String getSubjectUid() {
        return subjectUid;
    }

    public Integer getStudyNum() {
        return studyNum;
    }

    public Integer getSeriesNum() {
        return seriesNum;
    }
}

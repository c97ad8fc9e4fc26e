package org.neuroarchive.individual.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import org.neuroarchive.common.entity.ColumnText;
import org.neuroarchive.common.entity.Record;

/** A file in an import's staging folder: the series it was grouped into, or why it could not be read. */
@Entity
@Table(name = "staged_file")
@NamedQuery(name = StagedFile.OF_SERIES, query = "SELECT f FROM StagedFile f WHERE f.seriesId = :seriesId ORDER BY f.id")
@NamedQuery(name = StagedFile.UNREADABLE, query = "SELECT f FROM StagedFile f WHERE f.importId = :importId "
        + "AND f.reason IS NOT NULL ORDER BY f.id")
@NamedQuery(name = StagedFile.DELETE_OF_IMPORT, query = "DELETE FROM StagedFile f WHERE f.importId = :importId")
public class StagedFile extends Record {

    public static final String OF_SERIES = "StagedFile.ofSeries";
    public static final String UNREADABLE = "StagedFile.unreadable";
    public static final String DELETE_OF_IMPORT = "StagedFile.deleteOfImport";

    @Column(name = "import_id", nullable = false)
    private long importId;

    @Column(name = "series_id")
    private Long seriesId;

    /** Below the import's {@code files/} folder, with '/' separators. */
    @Column(name = "relative_path", nullable = false, length = 1024)
    private String relativePath;

    @Column(name = "file_size", nullable = false)
    private long fileSize;

    @Column(length = 1024)
    private String reason;

    /** The SHA-256 of the whole file, computed by the parse that read it completely (null: staged before it was kept). */
    @Column(length = 64)
    private String sha256;

    protected StagedFile() {
    }

    private StagedFile(long importId, Long seriesId, String relativePath, long fileSize, String reason) {
        this.importId = importId;
        this.seriesId = seriesId;
        this.relativePath = relativePath;
        this.fileSize = fileSize;
        this.reason = reason == null ? null : ColumnText.clip(reason, 1024);
    }

    public static StagedFile inSeries(long importId, long seriesId, String relativePath, long fileSize, String sha256) {
        StagedFile file = new StagedFile(importId, seriesId, relativePath, fileSize, null);
        file.sha256 = sha256;
        return file;
    }

    public static StagedFile unreadable(long importId, String relativePath, long fileSize, String reason) {
        return new StagedFile(importId, null, relativePath, fileSize, reason);
    }

    public long getImportId() {
        return importId;
    }

    public Long getSeriesId() {
        return seriesId;
    }

    public String getRelativePath() {
        return relativePath;
    }

    public long getFileSize() {
        return fileSize;
    }

    public String getReason() {
        return reason;
    }

    public String getSha256() {
        return sha256;
    }
}

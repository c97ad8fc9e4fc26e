package org.neuroarchive.archive.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import org.neuroarchive.common.entity.Record;

/** A file moved to problemdir, with the reason a person can act on. */
@Entity
@Table(name = "problem_file")
@NamedQuery(name = ProblemFile.NEWEST_FIRST, query = "SELECT p FROM ProblemFile p ORDER BY p.id DESC")
public class ProblemFile extends Record {

    public static final String NEWEST_FIRST = "ProblemFile.newestFirst";

    @Column(name = "original_name", nullable = false, length = 1024)
    private String originalName;

    @Column(name = "stored_path", nullable = false, length = 1024)
    private String storedPath;

    @Column(nullable = false, length = 1024)
    private String reason;

    protected ProblemFile() {
    }

    public ProblemFile(String originalName, String storedPath, String reason) {
        this.originalName = originalName;
        this.storedPath = storedPath;
        this.reason = reason;
    }

    public String getOriginalName() {
        return originalName;
    }

    public String getStoredPath() {
        return storedPath;
    }

    public String getReason() {
        return reason;
    }

}

package org.neuroarchive.archive.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/**
 * The mark of one transaction that moves files (see {@code org.neuroarchive.files.CommitCheck}): written in
 * the transaction, it exists afterwards if and only if the transaction committed. Removed once its files
 * followed; marks left over by a crash are removed at start-up.
 */
@Entity
@Table(name = "commit_mark")
public class CommitMark {

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "node", length = 64, nullable = false)
    private String node;

    @Column(name = "created_at", nullable = false)
    private LocalDateTime createdAt;

    protected CommitMark() {
    }

    public CommitMark(String id, String node, LocalDateTime createdAt) {
        this.id = id;
        this.node = node;
        this.createdAt = createdAt;
    }

    public String getId() {
        return id;
    }
}

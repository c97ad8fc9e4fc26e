package org.neuroarchive.common.entity;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import java.time.LocalDateTime;

/** A {@link Record} that is changed after its creation and keeps the time of its last change. */
@MappedSuperclass
public abstract class UpdatableRecord extends Record {

    @Column(name = "updated_at", nullable = false)
    private LocalDateTime updatedAt;

    @PrePersist
    void stampFirstVersion() {
        updatedAt = getCreatedAt() == null ? LocalDateTime.now() : getCreatedAt();
    }

    @PreUpdate
    void stampUpdate() {
        updatedAt = LocalDateTime.now();
    }

    /** Marks the row as changed now, even when no other column changes. */
    protected void touch() {
        updatedAt = LocalDateTime.now();
    }

    public LocalDateTime getUpdatedAt() {
        return updatedAt;
    }
}

package org.neuroarchive.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import org.neuroarchive.common.entity.ColumnText;

/**
 * One row of the audit trail: who ({@link Actor}), from where, did what to which object of which
 * project, whether PHI was shown, and how it ended. Append-only: every column is written once, when the
 * row is inserted; the application never updates or deletes one.
 */
@Entity
@Table(name = "audit_event")
public class AuditEvent {

    /** How an action ended. */
    public enum Outcome { ALLOWED, REFUSED, FAILED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(updatable = false)
    private Long id;

    @Column(name = "created_at", nullable = false, updatable = false)
    private LocalDateTime createdAt;

    @Column(nullable = false, length = 255, updatable = false)
    private String actor;

    @Enumerated(EnumType.STRING)
    @Column(name = "actor_kind", nullable = false, length = 16, updatable = false)
    private Actor.Kind actorKind;

    @Column(name = "client_address", length = 64, updatable = false)
    private String clientAddress;

    @Column(nullable = false, length = 64, updatable = false)
    private String action;

    @Column(name = "object_type", length = 32, updatable = false)
    private String objectType;

    @Column(name = "object_id", length = 255, updatable = false)
    private String objectId;

    @Column(length = 64, updatable = false)
    private String project;

    @Column(name = "phi_shown", nullable = false, updatable = false)
    private boolean phiShown;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16, updatable = false)
    private Outcome outcome;

    @Column(nullable = false, length = 1024, updatable = false)
    private String detail;

    protected AuditEvent() {
    }

    private AuditEvent(Builder b) {
        this.createdAt = LocalDateTime.now();
        this.actor = ColumnText.clip(b.actor.text(), 255);
        this.actorKind = b.actor.kind();
        this.clientAddress = ColumnText.clip(b.clientAddress, 64);
        this.action = ColumnText.clip(b.action, 64);
        this.objectType = ColumnText.clip(b.objectType, 32);
        this.objectId = ColumnText.clip(b.objectId, 255);
        this.project = ColumnText.clip(b.project, 64);
        this.phiShown = b.phiShown;
        this.outcome = b.outcome;
        this.detail = ColumnText.clip(b.detail == null ? "" : b.detail, 1024);
    }

    /** An event of {@code actor} doing {@code action} (a verb such as {@code series.release}); allowed unless said otherwise. */
    public static Builder of(Actor actor, String action) {
        return new Builder(actor, action);
    }

    /** Collects the fields of an event; {@link #build()} makes the row. */
    public static final class Builder {
        private final Actor actor;
        private final String action;
        private String clientAddress;
        private String objectType;
        private String objectId;
        private String project;
        private boolean phiShown;
        private Outcome outcome = Outcome.ALLOWED;
        private String detail;

        private Builder(Actor actor, String action) {
            if (actor == null || action == null || action.isBlank()) {
                throw new IllegalArgumentException("an audit event needs an actor and an action");
            }
            this.actor = actor;
            this.action = action;
        }

        public Builder from(String clientAddress) {
            this.clientAddress = clientAddress;
            return this;
        }

        public boolean hasClientAddress() {
            return clientAddress != null;
        }

        public Builder object(String type, Object id) {
            this.objectType = type;
            this.objectId = id == null ? null : id.toString();
            return this;
        }

        /** The project's cost center. */
        public Builder project(String costcenter) {
            this.project = costcenter;
            return this;
        }

        public Builder phiShown(boolean shown) {
            this.phiShown = shown;
            return this;
        }

        public Builder outcome(Outcome outcome) {
            this.outcome = outcome;
            return this;
        }

        public Builder refused(String why) {
            this.outcome = Outcome.REFUSED;
            this.detail = why;
            return this;
        }

        public Builder failed(String why) {
            this.outcome = Outcome.FAILED;
            this.detail = why;
            return this;
        }

        public Builder detail(String detail) {
            this.detail = detail;
            return this;
        }

        public AuditEvent build() {
            return new AuditEvent(this);
        }
    }

    public Long getId() {
        return id;
    }

    public LocalDateTime getCreatedAt() {
        return createdAt;
    }

    public String getActor() {
        return actor;
    }

    public Actor.Kind getActorKind() {
        return actorKind;
    }

    public String getClientAddress() {
        return clientAddress;
    }

    public String getAction() {
        return action;
    }

    public String getObjectType() {
        return objectType;
    }

    public String getObjectId() {
        return objectId;
    }

    public String getProject() {
        return project;
    }

    public boolean isPhiShown() {
        return phiShown;
    }

    public Outcome getOutcome() {
        return outcome;
    }

    public String getDetail() {
        return detail;
    }
}

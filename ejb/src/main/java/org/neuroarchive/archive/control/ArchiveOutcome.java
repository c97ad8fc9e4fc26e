package org.neuroarchive.archive.control;

import org.neuroarchive.audit.entity.Actor;
import org.neuroarchive.audit.entity.AuditEvent;

/**
 * What one call of the archive service did with the files of a series. A held series
 * ({@link #heldReason()} not null) was not filed: its new files are untouched, waiting for a person.
 * A refused one ({@link #refused()}, the reason in {@link #heldReason()}) was not filed either: the
 * person it was archived for may not modify its project ({@link #project()}, a cost center).
 */
public record ArchiveOutcome(Long subjectId, Long studyId, Long seriesId, String placement, int archived, int duplicates, int quarantined,
                             String heldReason, boolean subjectCreated, boolean studyCreated, boolean seriesCreated,
                             String project, boolean refused) {

    public boolean held() {
        return heldReason != null;
    }

    public String summary() {
        String where = refused ? "not archived: " + heldReason
                : held() ? "held for review: " + heldReason
                : placement == null ? "not filed" : "filed as " + placement;
        return where + ": " + archived + " archived, " + duplicates + " duplicate, " + quarantined + " quarantined";
    }

    /**
     * The audit row of this outcome ({@code series.archive} by {@code actor}): allowed when the series
     * was filed, refused when the actor may not modify its project; null for anything else (held,
     * nothing new).
     */
    public AuditEvent.Builder auditEvent(Actor actor, String objectType, Object objectId) {
        if (refused) {
            return AuditEvent.of(actor, "series.archive").object(objectType, objectId).project(project).refused(heldReason);
        }
        if (seriesId == null) {
            return null;
        }
        return AuditEvent.of(actor, "series.archive").object(objectType, objectId).project(project)
                .detail("series " + seriesId + " " + summary());
    }
}

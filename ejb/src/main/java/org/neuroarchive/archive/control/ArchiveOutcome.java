package org.neuroarchive.archive.control;

/**
 * What one call of the archive service did with the files of a series. A held series
 * ({@link #heldReason()} not null) was not filed: its new files are untouched, waiting for a person.
 */
public record ArchiveOutcome(Long subjectId, Long studyId, Long seriesId, String placement, int archived, int duplicates, int quarantined,
                             String heldReason, boolean subjectCreated, boolean studyCreated, boolean seriesCreated) {

    public boolean held() {
        return heldReason != null;
    }

    public String summary() {
        String where = held() ? "held for review: " + heldReason
                : placement == null ? "not filed" : "filed as " + placement;
        return where + ": " + archived + " archived, " + duplicates + " duplicate, " + quarantined + " quarantined";
    }
}

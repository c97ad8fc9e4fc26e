package org.neuroarchive.individual.entity;

/**
 * What became of the series. QUEUED, HELD and FAILED mean what they mean for a series the folder
 * scan claimed (ClaimedSeries.Status): the same outcome has the same name on both paths.
 */
public enum StagedSeriesStatus {
    /** Found by the parse; not (yet) asked to be archived. */
    PARSED,
    /** Its archive request is sent (or its next attempt is due later). */
    QUEUED,
    /** Filed (or every file is identical to an archived one). */
    ARCHIVED,
    /** Not filed as it is (identity undecided with the criteria, or a project the person may not modify). */
    HELD,
    /** Attempts used up, or none of its files could be archived; its files stay in staging. */
    FAILED,
    /** Cancelled before it was archived. */
    SKIPPED;

    /** Whether a person may ask to archive a series in this state (again). */
    public boolean mayBeQueued() {
        return this == PARSED || this == HELD || this == FAILED;
    }

    /** Whether the series ended without being archived, for a person to see. */
    public boolean notArchived() {
        return this == HELD || this == FAILED;
    }
}

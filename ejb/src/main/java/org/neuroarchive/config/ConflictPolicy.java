package org.neuroarchive.config;

/**
 * What happens when a file arrives whose SOPInstanceUID is archived already with different content
 * ({@code neuroarchive.import.conflict-policy}, read at start-up by {@link ImportSettings}). Either way
 * nothing is silently lost: the object that is not kept goes to problemdir with the reason.
 */
public enum ConflictPolicy {

    /** Keep the archived object; quarantine the newcomer as a "conflicting duplicate" (default). */
    QUARANTINE_NEWCOMER,

    /** The newcomer takes the archived object's place; the archived one goes to problemdir as "superseded". */
    REPLACE_ARCHIVED
}

package org.neuroarchive.archive.control;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What happens when a file arrives whose SOPInstanceUID is archived already with different content.
 * Either way nothing is silently lost: the object that is not kept goes to problemdir with the reason.
 */
public enum ConflictPolicy {

    /** Keep the archived object; quarantine the newcomer as a "conflicting duplicate" (default). */
    QUARANTINE_NEWCOMER,

    /** The newcomer takes the archived object's place; the archived one goes to problemdir as "superseded". */
    REPLACE_ARCHIVED;

    /** Parses a configuration value such as {@code quarantine-newcomer} or {@code REPLACE_ARCHIVED}. */
    public static ConflictPolicy parse(String value) {
        String name = value.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        try {
            return valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("neuroarchive.import.conflict-policy must be one of "
                    + Arrays.stream(values()).map(p -> p.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                    .collect(Collectors.joining(", ")) + ", not '" + value + "'");
        }
    }
}

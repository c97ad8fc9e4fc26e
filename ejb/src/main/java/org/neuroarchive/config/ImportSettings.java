package org.neuroarchive.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.neuroarchive.archive.control.ConflictPolicy;

/** How the global import scans incomingdir, and when queued work is sent again (env {@code NEUROARCHIVE_IMPORT_*}). */
@ApplicationScoped
public class ImportSettings {

    @Inject
    @ConfigProperty(name = "neuroarchive.import.scan-interval-seconds", defaultValue = "10")
    int scanIntervalSeconds;

    @Inject
    @ConfigProperty(name = "neuroarchive.import.settle-seconds", defaultValue = "10")
    int settleSeconds;

    @Inject
    @ConfigProperty(name = "neuroarchive.import.chunk-size", defaultValue = "5000")
    int chunkSize;

    @Inject
    @ConfigProperty(name = "neuroarchive.import.enabled", defaultValue = "true")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "neuroarchive.import.conflict-policy", defaultValue = "quarantine-newcomer")
    String conflictPolicy;

    @Inject
    @ConfigProperty(name = "neuroarchive.import.max-attempts", defaultValue = "5")
    int maxAttempts;

    @Inject
    @ConfigProperty(name = "neuroarchive.import.retry-delay-seconds", defaultValue = "30")
    int retryDelaySeconds;

    @Inject
    @ConfigProperty(name = "neuroarchive.import.resend-after-minutes", defaultValue = "10")
    int resendAfterMinutes;

    /** For CDI. */
    public ImportSettings() {
    }

    /** The default settings, with this conflict policy (tests and tools). */
    public static ImportSettings defaultsWith(ConflictPolicy policy) {
        ImportSettings settings = new ImportSettings();
        settings.scanIntervalSeconds = 10;
        settings.settleSeconds = 10;
        settings.chunkSize = 5000;
        settings.enabled = true;
        settings.conflictPolicy = policy.name();
        settings.maxAttempts = 5;
        settings.retryDelaySeconds = 30;
        settings.resendAfterMinutes = 10;
        return settings;
    }

    /** Seconds between two scans of incomingdir by the timer. */
    public int scanIntervalSeconds() {
        return Math.max(1, scanIntervalSeconds);
    }

    /** A file younger than this (by modification time) is left for a later scan. */
    public int settleSeconds() {
        return Math.max(0, settleSeconds);
    }

    /** At most this many files are taken per scan. */
    public int chunkSize() {
        return Math.max(1, chunkSize);
    }

    /** What to do with a newcomer whose SOPInstanceUID is archived with different content. */
    public ConflictPolicy conflictPolicy() {
        return ConflictPolicy.parse(conflictPolicy);
    }

    /** How often a series is tried when archiving fails for a reason outside its files. */
    public int maxAttempts() {
        return Math.max(1, maxAttempts);
    }

    /** Delay before the first retry; it doubles with every further attempt (at most one hour). */
    public int retryDelaySeconds() {
        return Math.max(1, retryDelaySeconds);
    }

    /**
     * Queued work (a series of the global import, the selected series of an individual import) that has
     * not moved for this long gets its message again: the message may have ended in the broker's
     * dead-letter queue during a long database outage. Archiving is idempotent.
     */
    public int resendAfterMinutes() {
        return Math.max(1, resendAfterMinutes);
    }

    /** Whether the timer scans at all ({@code false} leaves only the REST trigger). */
    public boolean enabled() {
        return enabled;
    }
}

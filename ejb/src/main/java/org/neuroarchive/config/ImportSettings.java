package org.neuroarchive.config;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import org.eclipse.microprofile.config.Config;

/**
 * How the global import scans incomingdir, what it does with a conflicting duplicate, and when queued
 * work is tried or sent again ({@code neuroarchive.import.*}, env {@code NEUROARCHIVE_IMPORT_*}). Read
 * once, at start-up, by the rule of {@link SettingReader}.
 */
@ApplicationScoped
public class ImportSettings {

    @Inject
    Config config;

    private int scanIntervalSeconds;
    private int settleSeconds;
    private int chunkSize;
    private boolean enabled;
    private ConflictPolicy conflictPolicy;
    private int maxAttempts;
    private int retryDelaySeconds;
    private int resendAfterMinutes;

    /** For CDI. */
    public ImportSettings() {
    }

    /** Settings from these values (tests and tools). */
    public static ImportSettings from(SettingReader settings) {
        ImportSettings read = new ImportSettings();
        read.read(settings);
        return read;
    }

    @PostConstruct
    void load() {
        read(SettingReader.of(config));
    }

    private void read(SettingReader settings) {
        scanIntervalSeconds = settings.wholeNumber("neuroarchive.import.scan-interval-seconds", 10, 1, 86_400);
        settleSeconds = settings.wholeNumber("neuroarchive.import.settle-seconds", 10, 0, 86_400);
        chunkSize = settings.wholeNumber("neuroarchive.import.chunk-size", 5000, 1, 1_000_000);
        enabled = settings.flag("neuroarchive.import.enabled", true);
        conflictPolicy = settings.oneOf("neuroarchive.import.conflict-policy", ConflictPolicy.QUARANTINE_NEWCOMER);
        maxAttempts = settings.wholeNumber("neuroarchive.import.max-attempts", 5, 1, 100);
        retryDelaySeconds = settings.wholeNumber("neuroarchive.import.retry-delay-seconds", 30, 1, 3600);
        resendAfterMinutes = settings.wholeNumber("neuroarchive.import.resend-after-minutes", 10, 1, 1440);
    }

    /** The default settings, with this conflict policy (tests and tools). */
    public static ImportSettings defaultsWith(ConflictPolicy policy) {
        return from(SettingReader.of(Map.of("neuroarchive.import.conflict-policy", SettingReader.word(policy))));
    }

    /** Seconds between two scans of incomingdir by the timer. */
    public int scanIntervalSeconds() {
        return scanIntervalSeconds;
    }

    /** A file younger than this (by modification time) is left for a later scan. */
    public int settleSeconds() {
        return settleSeconds;
    }

    /** At most this many files are taken per scan. */
    public int chunkSize() {
        return chunkSize;
    }

    /** What to do with a newcomer whose SOPInstanceUID is archived with different content. */
    public ConflictPolicy conflictPolicy() {
        return conflictPolicy;
    }

    /** How often a series is tried when archiving fails for a reason outside its files. */
    public int maxAttempts() {
        return maxAttempts;
    }

    /** Delay before the first retry; it doubles with every further attempt (at most one hour). */
    public int retryDelaySeconds() {
        return retryDelaySeconds;
    }

    /**
     * Queued work (a series of the global import, the selected series of an individual import) that has
     * not moved for this long gets its message again: the message may have ended in the broker's
     * dead-letter queue during a long database outage. Archiving is idempotent.
     */
    public int resendAfterMinutes() {
        return resendAfterMinutes;
    }

    /** Whether the timer scans at all ({@code false} leaves only the REST trigger). */
    public boolean enabled() {
        return enabled;
    }
}

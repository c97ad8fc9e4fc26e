package org.neuroarchive.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * NiDB's backup copy: when enabled ({@code neuroarchive.backup.enabled}, env
 * {@code NEUROARCHIVE_BACKUP_ENABLED}, default false), newly archived files are also copied to
 * {@code backupdir/<SubjectUID>/<studynum>/<seriesnum>/} after the archive transaction commits.
 */
@ApplicationScoped
public class BackupSettings {

    @Inject
    @ConfigProperty(name = "neuroarchive.backup.enabled", defaultValue = "false")
    boolean enabled;

    /** For CDI. */
    public BackupSettings() {
    }

    /** Fixed settings (tests and tools). */
    public static BackupSettings of(boolean enabled) {
        BackupSettings settings = new BackupSettings();
        settings.enabled = enabled;
        return settings;
    }

    public boolean enabled() {
        return enabled;
    }
}

package org.neuroarchive.config;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

/**
 * NiDB's backup copy: when enabled ({@code neuroarchive.backup.enabled}, env
 * {@code NEUROARCHIVE_BACKUP_ENABLED}, default false), newly archived files are also copied to
 * {@code backupdir/<SubjectUID>/<studynum>/<seriesnum>/} after the archive transaction commits.
 */
@ApplicationScoped
public class BackupSettings {

    @Inject
    Config config;

    private boolean enabled;

    /** For CDI. */
    public BackupSettings() {
    }

    /** Fixed settings (tests and tools). */
    public static BackupSettings of(boolean enabled) {
        BackupSettings settings = new BackupSettings();
        settings.enabled = enabled;
        return settings;
    }

    @PostConstruct
    void load() {
        enabled = SettingReader.of(config).flag("neuroarchive.backup.enabled", false);
    }

    public boolean enabled() {
        return enabled;
    }
}

package org.neuroarchive.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Reads every setting once, at start-up, before anything uses one: each settings bean parses all its
 * keys when it is created, so a value that cannot work stops the deployment then (with the sentence of
 * {@link SettingReader}), not at the first file, message or request that needs it. The application's
 * start-up calls {@link #check()} first.
 */
@ApplicationScoped
public class SettingsCheck {

    @Inject
    StorageLocations locations;

    @Inject
    ImportSettings imports;

    @Inject
    IndividualImportSettings individualImports;

    @Inject
    BackupSettings backup;

    @Inject
    ReceiverSettings receiver;

    @Inject
    SecuritySettings security;

    @Inject
    OidcSettings oidc;

    @Inject
    ClusterSettings cluster;

    /** Creates every settings bean (which reads and checks its keys); throws {@link InvalidSettingException}. */
    public void check() {
        locations.data();
        individualImports.maxFiles();
        imports.enabled();
        backup.enabled();
        receiver.enabled();
        security.secureCookies();
        oidc.enabled();
        cluster.node();
    }

    /** The {@link InvalidSettingException} among {@code failure}'s causes (the container wraps it), if any. */
    public static InvalidSettingException reason(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidSettingException invalid) {
                return invalid;
            }
        }
        return null;
    }
}

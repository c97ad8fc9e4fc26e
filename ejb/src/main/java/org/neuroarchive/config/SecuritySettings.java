package org.neuroarchive.config;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * Logging in and the HTTP front door (env {@code NEUROARCHIVE_ADMIN_PASSWORD}, {@code NEUROARCHIVE_HTTP_*},
 * {@code NEUROARCHIVE_SESSION_*}): the first administrator's password, how long an idle screen session
 * lives, which Host names the server answers to, and whether its cookies are for HTTPS only. Read once,
 * at start-up, by the rule of {@link SettingReader}.
 */
@ApplicationScoped
public class SecuritySettings {

    static final String ALLOWED_HOSTS = "neuroarchive.http.allowed-hosts";

    @Inject
    Config config;

    /** The password of {@code admin} when the first start creates it; unset: a random one is written to a file. */
    private Optional<String> adminPassword;
    private int sessionTimeoutMinutes;
    /**
     * Host names (with or without port) the server answers to; others get 421 (DNS rebinding, mistaken
     * virtual hosts). The default is loopback, as the embedded server listens there.
     */
    private List<String> allowedHosts;
    /** Session cookies only over HTTPS; set in production, where the server speaks HTTPS. */
    private boolean secureCookies;
    /** Largest body of an ordinary request (JSON, a form); uploads have their own limit. */
    private long maxRequestBytes;

    /** For CDI. */
    public SecuritySettings() {
    }

    /** Settings from these values (tests and tools). */
    public static SecuritySettings from(SettingReader settings) {
        SecuritySettings read = new SecuritySettings();
        read.read(settings);
        return read;
    }

    @PostConstruct
    void load() {
        read(SettingReader.of(config));
    }

    private void read(SettingReader settings) {
        adminPassword = settings.exact("neuroarchive.admin-password");
        sessionTimeoutMinutes = settings.wholeNumber("neuroarchive.session.timeout-minutes", 30, 1, 24 * 60);
        allowedHosts = settings.list(ALLOWED_HOSTS, "localhost,127.0.0.1,[::1]").stream()
                .map(h -> h.toLowerCase(Locale.ROOT)).toList();
        if (allowedHosts.isEmpty()) {
            throw settings.invalid(ALLOWED_HOSTS, "names no host: name the host names clients use "
                    + "(e.g. archive.example.org), or * to allow any");
        }
        secureCookies = settings.flag("neuroarchive.http.secure-cookies", false);
        maxRequestBytes = settings.wholeNumber("neuroarchive.http.max-request-bytes", 1_048_576L, 1024,
                IndividualImportSettings.MAX_BYTES);
    }

    public Optional<String> adminPassword() {
        return adminPassword;
    }

    public int sessionTimeoutMinutes() {
        return sessionTimeoutMinutes;
    }

    /** The allowed host names, lower case, without port; {@code *} alone allows every host. */
    public List<String> allowedHosts() {
        return allowedHosts;
    }

    public boolean secureCookies() {
        return secureCookies;
    }

    public long maxRequestBytes() {
        return maxRequestBytes;
    }
}

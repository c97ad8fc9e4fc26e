package org.neuroarchive.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Logging in and the HTTP front door (env {@code NEUROARCHIVE_ADMIN_PASSWORD}, {@code NEUROARCHIVE_HTTP_*},
 * {@code NEUROARCHIVE_SESSION_*}): the first administrator's password, how long an idle screen session
 * lives, which Host names the server answers to, and whether its cookies are for HTTPS only.
 */
@ApplicationScoped
public class SecuritySettings {

    /** The password of {@code admin} when the first start creates it; unset: a random one is written to a file. */
    @Inject
    @ConfigProperty(name = "neuroarchive.admin-password")
    Optional<String> adminPassword;

    @Inject
    @ConfigProperty(name = "neuroarchive.session.timeout-minutes", defaultValue = "30")
    int sessionTimeoutMinutes;

    /**
     * Host names (with or without port) the server answers to; others get 421 (DNS rebinding, mistaken
     * virtual hosts). The default is loopback, as the embedded server listens there.
     */
    @Inject
    @ConfigProperty(name = "neuroarchive.http.allowed-hosts", defaultValue = "localhost,127.0.0.1,[::1]")
    String allowedHosts;

    /** Session cookies only over HTTPS; set in production, where the server speaks HTTPS. */
    @Inject
    @ConfigProperty(name = "neuroarchive.http.secure-cookies", defaultValue = "false")
    boolean secureCookies;

    /** Largest body of an ordinary request (JSON, a form); uploads have their own limit. */
    @Inject
    @ConfigProperty(name = "neuroarchive.http.max-request-bytes", defaultValue = "1048576")
    long maxRequestBytes;

    public Optional<String> adminPassword() {
        return adminPassword.filter(p -> !p.isBlank());
    }

    public int sessionTimeoutMinutes() {
        if (sessionTimeoutMinutes < 1 || sessionTimeoutMinutes > 24 * 60) {
            throw new IllegalStateException("neuroarchive.session.timeout-minutes must be between 1 and 1440, not "
                    + sessionTimeoutMinutes);
        }
        return sessionTimeoutMinutes;
    }

    /** The allowed host names, lower case, without port; {@code *} alone allows every host. */
    public List<String> allowedHosts() {
        List<String> hosts = Arrays.stream(allowedHosts.split(",")).map(h -> h.strip().toLowerCase(Locale.ROOT))
                .filter(h -> !h.isEmpty()).toList();
        if (hosts.isEmpty()) {
            throw new IllegalStateException("neuroarchive.http.allowed-hosts is empty: name the host names clients use "
                    + "(e.g. archive.example.org), or * to allow any");
        }
        return hosts;
    }

    public boolean secureCookies() {
        return secureCookies;
    }

    public long maxRequestBytes() {
        if (maxRequestBytes < 1024) {
            throw new IllegalStateException("neuroarchive.http.max-request-bytes must be at least 1024, not " + maxRequestBytes);
        }
        return maxRequestBytes;
    }
}

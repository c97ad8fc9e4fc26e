package org.neuroarchive.config;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * Single sign-on with OpenID Connect (env {@code NEUROARCHIVE_OIDC_*}); setting the issuer switches it on.
 * Each value is read once, at start-up, by the rule of {@link SettingReader}; {@link #check()} (run at
 * start-up too) checks what only makes sense together: a wrong value stops the deployment with a
 * sentence saying which and why.
 */
@ApplicationScoped
public class OidcSettings {

    /** Where site roles and project grants of single sign-on accounts come from. */
    public enum Mapping {
        /** From the token's claims, replaced at every sign-on. */
        CLAIMS,
        /** Managed by the archive's administrators, like local accounts; claims give only name and e-mail. */
        LOCAL
    }

    /** Who may still log in with a local password (login form, HTTP Basic) while single sign-on is on. */
    public enum LocalLogin {
        /** Every local account (the default). */
        ALL,
        /** Only local accounts with the admin role: the break-glass administrator. */
        ADMINS,
        /** Nobody: single sign-on and API keys only. */
        NONE
    }

    private static final String OIDC = "neuroarchive.oidc.";

    @Inject
    Config config;

    /** The issuer URL, e.g. {@code https://sso.example.org/realms/research}; unset: no single sign-on. */
    private Optional<String> issuer;
    private Optional<String> clientId;
    private Optional<String> clientSecret;
    private String scopes;
    /** The claim whose value is the local account's login name. */
    private String loginClaim;
    private Mapping mapping;
    /** A claim path with dots; unset: {@code resource_access.<client id>.roles} (Keycloak's client roles). */
    private Optional<String> rolesClaim;
    /** A claim holding entries {@code <costcenter>:<permission>[,<permission>…]}. */
    private String grantsClaim;
    private LocalLogin localLogin;
    /** The callback URL the identity provider redirects to; unset: derived from the request. */
    private Optional<String> redirectUri;
    /** Whether logging out also ends the session at the identity provider (its end_session_endpoint). */
    private boolean logoutAtProvider;
    private int clockSkewSeconds;

    /** For CDI. */
    public OidcSettings() {
    }

    /** Settings from these values (tests and tools). */
    public static OidcSettings from(SettingReader settings) {
        OidcSettings read = new OidcSettings();
        read.read(settings);
        return read;
    }

    @PostConstruct
    void load() {
        read(SettingReader.of(config));
    }

    private void read(SettingReader settings) {
        issuer = settings.text(OIDC + "issuer");
        clientId = settings.text(OIDC + "client-id");
        clientSecret = settings.exact(OIDC + "client-secret");
        scopes = settings.text(OIDC + "scopes", "openid profile email");
        loginClaim = settings.text(OIDC + "login-claim", "preferred_username");
        mapping = settings.oneOf(OIDC + "mapping", Mapping.CLAIMS);
        rolesClaim = settings.text(OIDC + "roles-claim");
        grantsClaim = settings.text(OIDC + "grants-claim", "neuroarchive_projects");
        localLogin = settings.oneOf(OIDC + "local-login", LocalLogin.ALL);
        redirectUri = settings.text(OIDC + "redirect-uri");
        logoutAtProvider = settings.flag(OIDC + "logout-at-provider", false);
        clockSkewSeconds = settings.wholeNumber(OIDC + "clock-skew-seconds", 60, 0, 600);
    }

    public boolean enabled() {
        return issuer.filter(i -> !i.isBlank()).isPresent();
    }

    /** Checks every value once single sign-on is on; answers a line for the log, or throws with the reason. */
    public String check() {
        if (!enabled()) {
            return "single sign-on (OpenID Connect) is off: neuroarchive.oidc.issuer is not set";
        }
        issuer();
        clientId();
        clientSecret();
        mapping();
        localLogin();
        redirectUri();
        if (scopeList().stream().noneMatch("openid"::equals)) {
            throw new IllegalStateException("neuroarchive.oidc.scopes must include openid, not '" + scopes + "'");
        }
        if (loginClaim.isBlank() || grantsClaim.isBlank() || rolesClaim().isBlank()) {
            throw new IllegalStateException("neuroarchive.oidc.login-claim, roles-claim and grants-claim cannot be empty");
        }
        return "single sign-on (OpenID Connect) with " + issuer() + " as client '" + clientId() + "'; login from claim '"
                + loginClaim + "', roles and grants " + (mapping() == Mapping.CLAIMS ? "from claims '" + rolesClaim()
                + "' and '" + grantsClaim + "'" : "managed locally") + "; local password logins: "
                + localLogin().name().toLowerCase(Locale.ROOT);
    }

    /** The issuer as configured: tokens and the discovery document must name it exactly so (a trailing slash counts). */
    public String issuer() {
        String value = issuer.map(String::strip).orElseThrow(() -> new IllegalStateException("neuroarchive.oidc.issuer is not set"));
        URI uri = absolute("neuroarchive.oidc.issuer", value);
        if (uri.getQuery() != null || uri.getFragment() != null) {
            throw new IllegalStateException("neuroarchive.oidc.issuer cannot have a query or fragment: " + value);
        }
        return value;
    }

    public String clientId() {
        return required(clientId, "neuroarchive.oidc.client-id", "the client id registered at the identity provider");
    }

    public String clientSecret() {
        return required(clientSecret, "neuroarchive.oidc.client-secret", "the secret of that (confidential) client");
    }

    public List<String> scopeList() {
        return Arrays.stream(scopes.split("[\\s,]+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    public String loginClaim() {
        return loginClaim.strip();
    }

    public Mapping mapping() {
        return mapping;
    }

    public String rolesClaim() {
        return rolesClaim.map(String::strip).filter(c -> !c.isEmpty())
                .orElseGet(() -> "resource_access." + clientId.map(String::strip).orElse("") + ".roles");
    }

    public String grantsClaim() {
        return grantsClaim.strip();
    }

    public LocalLogin localLogin() {
        return enabled() ? localLogin : LocalLogin.ALL;
    }

    public Optional<String> redirectUri() {
        Optional<String> uri = redirectUri.map(String::strip).filter(u -> !u.isEmpty());
        uri.ifPresent(u -> {
            absolute("neuroarchive.oidc.redirect-uri", u);
            if (!u.endsWith("/auth/oidc/callback")) {
                throw new IllegalStateException("neuroarchive.oidc.redirect-uri must end with /auth/oidc/callback "
                        + "(e.g. https://archive.example.org/neuroarchive/auth/oidc/callback), not " + u);
            }
        });
        return uri;
    }

    public boolean logoutAtProvider() {
        return logoutAtProvider;
    }

    public int clockSkewSeconds() {
        return clockSkewSeconds;
    }

    private static String required(Optional<String> value, String key, String what) {
        return value.map(String::strip).filter(v -> !v.isEmpty()).orElseThrow(() -> new IllegalStateException(
                key + " is not set: single sign-on (neuroarchive.oidc.issuer) needs " + what));
    }

    /** An http(s) URL; plain http only for a loopback host (tests, a provider on the same machine). */
    private static URI absolute(String key, String value) {
        URI uri;
        try {
            uri = new URI(value);
        } catch (Exception malformed) {
            throw new IllegalStateException(key + " is not a URL: " + value);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || !scheme.equals("https") && !scheme.equals("http")) {
            throw new IllegalStateException(key + " must be an https URL, not " + value);
        }
        if (scheme.equals("http") && !loopback(uri.getHost())) {
            throw new IllegalStateException(key + " must use https (plain http only for localhost): " + value);
        }
        return uri;
    }

    /** A loopback host name or address, where plain http is acceptable (tests, a provider on the same machine). */
    public static boolean loopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.startsWith("127.") || h.equals("[::1]") || h.equals("::1");
    }
}

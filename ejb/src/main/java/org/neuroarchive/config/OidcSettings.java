package org.neuroarchive.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Single sign-on with OpenID Connect (env {@code NEUROARCHIVE_OIDC_*}); setting the issuer switches it on.
 * {@link #check()} runs at start-up: a wrong value stops the deployment with a sentence saying which and why.
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

    /** The issuer URL, e.g. {@code https://sso.example.org/realms/research}; unset: no single sign-on. */
    @Inject
    @ConfigProperty(name = "neuroarchive.oidc.issuer")
    Optional<String> issuer;

    @Inject
    @ConfigProperty(name = "neuroarchive.oidc.client-id")
    Optional<String> clientId;

    @Inject
    @ConfigProperty(name = "neuroarchive.oidc.client-secret")
    Optional<String> clientSecret;

    @Inject
    @ConfigProperty(name = "neuroarchive.oidc.scopes", defaultValue = "openid profile email")
    String scopes;

    /** The claim whose value is the local account's login name. */
    @Inject
    @ConfigProperty(name = "neuroarchive.oidc.login-claim", defaultValue = "preferred_username")
    String loginClaim;

    @Inject
    @ConfigProperty(name = "neuroarchive.oidc.mapping", defaultValue = "claims")
    String mapping;

    /** A claim path with dots; unset: {@code resource_access.<client id>.roles} (Keycloak's client roles). */
    @Inject
    @ConfigProperty(name = "neuroarchive.oidc.roles-claim")
    Optional<String> rolesClaim;

    /** A claim holding entries {@code <costcenter>:<permission>[,<permission>…]}. */
    @Inject
    @ConfigProperty(name = "neuroarchive.oidc.grants-claim", defaultValue = "neuroarchive_projects")
    String grantsClaim;

    @Inject
    @ConfigProperty(name = "neuroarchive.oidc.local-login", defaultValue = "all")
    String localLogin;

    /** The callback URL the identity provider redirects to; unset: derived from the request. */
    @Inject
    @ConfigProperty(name = "neuroarchive.oidc.redirect-uri")
    Optional<String> redirectUri;

    /** Whether logging out also ends the session at the identity provider (its end_session_endpoint). */
    @Inject
    @ConfigProperty(name = "neuroarchive.oidc.logout-at-provider", defaultValue = "false")
    boolean logoutAtProvider;

    @Inject
    @ConfigProperty(name = "neuroarchive.oidc.clock-skew-seconds", defaultValue = "60")
    int clockSkewSeconds;

    public boolean enabled() {
        return issuer.filter(i -> !i.isBlank()).isPresent();
    }

    /** Checks every value once single sign-on is on; answers a line for the log, or throws with the reason. */
    public String check() {
        if (!enabled()) {
            parse(LocalLogin.class, localLogin, "neuroarchive.oidc.local-login"); // a wrong value is a mistake anyway
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
        if (clockSkewSeconds < 0 || clockSkewSeconds > 600) {
            throw new IllegalStateException("neuroarchive.oidc.clock-skew-seconds must be between 0 and 600, not " + clockSkewSeconds);
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
        return parse(Mapping.class, mapping, "neuroarchive.oidc.mapping");
    }

    public String rolesClaim() {
        return rolesClaim.map(String::strip).filter(c -> !c.isEmpty())
                .orElseGet(() -> "resource_access." + clientId.map(String::strip).orElse("") + ".roles");
    }

    public String grantsClaim() {
        return grantsClaim.strip();
    }

    public LocalLogin localLogin() {
        return enabled() ? parse(LocalLogin.class, localLogin, "neuroarchive.oidc.local-login") : LocalLogin.ALL;
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

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String key) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new IllegalStateException(key + " must be one of " + Arrays.stream(type.getEnumConstants())
                    .map(e -> e.name().toLowerCase(Locale.ROOT)).toList() + ", not '" + value + "'");
        }
    }
}

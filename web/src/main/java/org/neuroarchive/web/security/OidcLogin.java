package org.neuroarchive.web.security;

import com.nimbusds.jwt.JWTClaimsSet;
import jakarta.ejb.EJBException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.neuroarchive.config.OidcSettings;
import org.neuroarchive.config.SecuritySettings;
import org.neuroarchive.security.control.Authenticator;
import org.neuroarchive.security.control.OidcAccounts;

/**
 * Single sign-on with OpenID Connect for {@link NeuroArchiveAuthentication}, when
 * {@code neuroarchive.oidc.issuer} is set:
 * <ul>
 * <li>{@code GET /auth/oidc/start?next=…}: the authorization code flow with PKCE (S256), state and nonce
 * ({@link OidcPending}) → the provider's login page;</li>
 * <li>{@code GET /auth/oidc/callback}: state checked, the code redeemed, the ID token verified
 * ({@link OidcTokens}), the local account found or created ({@link OidcAccounts}), and a screen session
 * opened exactly as the login form does;</li>
 * <li>{@code Authorization: Bearer <JWT>} on the API: the provider's access token, verified and mapped to
 * the same local account;</li>
 * <li>logout: the local session ends, and with {@code neuroarchive.oidc.logout-at-provider} the provider's
 * too.</li>
 * </ul>
 */
@ApplicationScoped
public class OidcLogin {

    public static final String START = "/auth/oidc/start";
    public static final String CALLBACK = "/auth/oidc/callback";
    /** The session attribute holding the ID token of an OIDC login (the hint for the provider's logout). */
    static final String ID_TOKEN = "org.neuroarchive.oidc.id-token";

    @Inject
    OidcSettings settings;

    @Inject
    SecuritySettings security;

    @Inject
    OidcProvider provider;

    @Inject
    OidcTokens tokens;

    @Inject
    OidcAccounts accounts;

    private final OidcPending pending = new OidcPending();

    public boolean enabled() {
        return settings.enabled();
    }

    /** Whether a bearer token is for single sign-on: a JWT (three parts), not an API key ({@code na_…}). */
    public boolean isToken(String bearer) {
        return settings.enabled() && !bearer.startsWith("na_") && bearer.chars().filter(c -> c == '.').count() == 2;
    }

    AuthenticationStatus start(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        String next = LocalTarget.of(request.getParameter("next"));
        OidcProvider.Discovery discovery;
        try {
            discovery = provider.discovery();
        } catch (OidcException e) {
            return toLogin(request, context, "sso-unavailable", next);
        }
        OidcPending.SignOn signOn = OidcPending.SignOn.start(next, redirectUri(request));
        response.addCookie(OidcPending.cookie(pending.seal(signOn), request.getContextPath(), secure(request)));
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", settings.clientId());
        query.put("redirect_uri", signOn.redirectUri());
        query.put("scope", String.join(" ", settings.scopeList()));
        query.put("state", signOn.state());
        query.put("nonce", signOn.nonce());
        query.put("code_challenge", signOn.challenge());
        query.put("code_challenge_method", "S256");
        String authorization = discovery.authorization().toString();
        return context.redirect(authorization + (authorization.contains("?") ? "&" : "?") + OidcProvider.query(query));
    }

    AuthenticationStatus callback(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        Optional<OidcPending.SignOn> found = pending.open(request);
        response.addCookie(OidcPending.cookie(null, request.getContextPath(), secure(request)));
        if (found.isEmpty()) {
            return refused(request, context, "no sign-on in progress in this browser (cookie missing or expired)", "/");
        }
        OidcPending.SignOn signOn = found.get();
        if (!OidcPending.same(signOn.state(), request.getParameter("state"))) {
            return refused(request, context, "the state does not match this browser's sign-on", signOn.next());
        }
        if (request.getParameter("error") != null) {
            return refused(request, context, "the identity provider answered '" + FrontDoor.printable(request.getParameter("error"))
                    + "'", signOn.next());
        }
        String issuer = request.getParameter("iss"); // RFC 9207, where the provider sends it
        if (issuer != null && !issuer.equals(settings.issuer())) {
            return refused(request, context, "the answer names another issuer", signOn.next());
        }
        String code = request.getParameter("code");
        if (code == null || code.isBlank()) {
            return refused(request, context, "the identity provider's answer has no code", signOn.next());
        }
        JWTClaimsSet claims;
        String idToken;
        try {
            idToken = provider.redeem(code, signOn.verifier(), signOn.redirectUri()).idToken();
            claims = tokens.idToken(idToken, signOn.nonce());
        } catch (OidcException e) {
            accounts.refused(e.getMessage(), OidcAccounts.Channel.SCREENS);
            return toLogin(request, context, e.unavailable() ? "sso-unavailable" : "sso", signOn.next());
        }
        Authenticator.Result result = signOn(claims, OidcAccounts.Channel.SCREENS);
        if (!result.ok()) {
            return toLogin(request, context, "sso-denied", signOn.next());
        }
        HttpSession old = request.getSession(false);
        if (old != null) {
            old.invalidate(); // a new session for the new login: no fixation
        }
        HttpSession session = request.getSession(true);
        session.setMaxInactiveInterval(security.sessionTimeoutMinutes() * 60);
        session.setAttribute(SessionLogin.ATTRIBUTE, new SessionLogin(result.identity().principal(), "oidc"));
        if (settings.logoutAtProvider()) {
            session.setAttribute(ID_TOKEN, idToken); // the hint the provider's logout wants; kept only for that
        }
        return Navigate.to(response, request.getContextPath() + signOn.next(), "Logged in.");
    }

    /** An API call with the provider's access token: 401 for a bad one, 503 when the provider's keys cannot be had. */
    AuthenticationStatus bearer(String token, HttpServletResponse response, HttpMessageContext context) {
        JWTClaimsSet claims;
        try {
            claims = tokens.accessToken(token);
        } catch (OidcException e) {
            accounts.refused(e.getMessage(), OidcAccounts.Channel.BEARER);
            if (e.unavailable()) {
                return Answers.unavailable(response, "the identity provider cannot be reached to check the token; try again later");
            }
            return Answers.unauthorized(response, "the bearer token is not valid: " + e.getMessage());
        }
        Authenticator.Result result = signOn(claims, OidcAccounts.Channel.BEARER);
        if (!result.ok()) {
            return Answers.unauthorized(response, result.refusal());
        }
        return context.notifyContainerAboutLogin(result.identity().principal(), result.identity().groups());
    }

    /**
     * Where the browser goes after the local session of {@code session} ended: the provider's logout
     * endpoint when configured and the session came from single sign-on, otherwise {@code null}.
     */
    String providerLogout(HttpServletRequest request, HttpSession session) {
        if (!settings.enabled() || !settings.logoutAtProvider() || session == null
                || !(session.getAttribute(ID_TOKEN) instanceof String idToken)) {
            return null;
        }
        try {
            URI endSession = provider.discovery().endSession();
            if (endSession == null) {
                return null;
            }
            String callback = redirectUri(request);
            Map<String, String> query = new LinkedHashMap<>();
            query.put("id_token_hint", idToken);
            query.put("client_id", settings.clientId());
            query.put("post_logout_redirect_uri", callback.substring(0, callback.length() - CALLBACK.length())
                    + PublicPaths.LOGIN_PAGE + "?loggedout=1");
            String base = endSession.toString();
            return base + (base.contains("?") ? "&" : "?") + OidcProvider.query(query);
        } catch (OidcException e) {
            return null;
        }
    }

    private Authenticator.Result signOn(JWTClaimsSet claims, OidcAccounts.Channel channel) {
        Map<String, Object> map = claims.toJSONObject();
        try {
            return accounts.signOn(map, channel);
        } catch (EJBException firstSignOnAtOnce) {
            return accounts.signOn(map, channel); // a parallel first sign-on created the account: found now
        }
    }

    private AuthenticationStatus refused(HttpServletRequest request, HttpMessageContext context, String why, String next) {
        accounts.refused(why, OidcAccounts.Channel.SCREENS);
        return toLogin(request, context, "sso", next);
    }

    private static AuthenticationStatus toLogin(HttpServletRequest request, HttpMessageContext context, String error, String next) {
        return context.redirect(request.getContextPath() + PublicPaths.LOGIN_PAGE + "?error=" + error + "&next="
                + java.net.URLEncoder.encode(next, java.nio.charset.StandardCharsets.UTF_8));
    }

    private String redirectUri(HttpServletRequest request) {
        return settings.redirectUri().orElseGet(() -> URI.create(request.getRequestURL().toString())
                .resolve(request.getContextPath() + CALLBACK).toString());
    }

    private boolean secure(HttpServletRequest request) {
        return request.isSecure() || security.secureCookies();
    }
}

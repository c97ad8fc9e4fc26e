package org.neuroarchive.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.neuroarchive.audit.control.ClientAddress;
import org.neuroarchive.config.SecuritySettings;
import org.neuroarchive.security.control.ApiKeyToken;
import org.neuroarchive.security.control.Authenticator;
import org.neuroarchive.security.control.Identity;

/**
 * How every request is authenticated, on WildFly and Payara alike (Jakarta Security):
 * <ul>
 * <li>{@code Authorization: Basic} with an account's login and password, or {@code Authorization: Bearer}
 * with an API key, for the REST API: no session, no cookie;</li>
 * <li>the screens: a login form ({@code /login}, posting to {@code /auth/login}) that opens a session,
 * {@code /auth/logout} that ends it; the session's account is checked again on every request;</li>
 * <li>with single sign-on configured ({@link OidcLogin}): the OpenID Connect code flow
 * ({@code /auth/oidc/start}, {@code /auth/oidc/callback}) opening the same kind of session, and the
 * provider's access tokens as {@code Authorization: Bearer} on the API;</li>
 * <li>nothing else: anonymous requests get 401 on the API and the login page on the screens, except for
 * the login page itself and its resources ({@link PublicPaths}).</li>
 * </ul>
 * The {@link FrontDoor} checks (Host, Origin) come first; every answer carries the {@link SecurityHeaders}.
 */
@ApplicationScoped
public class NeuroArchiveAuthentication implements HttpAuthenticationMechanism {

    /**
     * The principal Payara gives timers, message-driven beans and the start-up bean ({@code @RunAs("system")}):
     * the EAR's {@code META-INF/glassfish-application.xml} maps the role {@code system} to it. No caller
     * of this name is ever logged in.
     */
    static final String RUN_AS_PRINCIPAL = "run-as:system";

    @Inject
    Authenticator authenticator;

    @Inject
    SecuritySettings settings;

    @Inject
    ClientAddress clientAddress;

    @Inject
    OidcLogin oidc;

    private volatile FrontDoor frontDoor;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        clientAddress.set(request.getRemoteAddr());
        SecurityHeaders.apply(response, request.isSecure());
        String path = path(request);
        FrontDoor.Refusal refusal = frontDoor().check(request);
        if (refusal != null) {
            return Answers.refuse(response, refusal.status(), refusal.reason(), PublicPaths.isApi(path));
        }
        String authorization = request.getHeader("Authorization");
        if (authorization != null) {
            return withCredentials(authorization, response, context);
        }
        if ("POST".equals(request.getMethod()) && PublicPaths.LOGIN_ACTION.equals(path)) {
            return formLogin(request, response, context);
        }
        if ("POST".equals(request.getMethod()) && PublicPaths.LOGOUT_ACTION.equals(path)) {
            return logout(request, response, context);
        }
        if ("GET".equals(request.getMethod()) && oidc.enabled() && OidcLogin.START.equals(path)) {
            return oidc.start(request, response, context);
        }
        if ("GET".equals(request.getMethod()) && oidc.enabled() && OidcLogin.CALLBACK.equals(path)) {
            return oidc.callback(request, response, context);
        }
        HttpSession session = request.getSession(false);
        SessionLogin login = session == null ? null : (SessionLogin) session.getAttribute(SessionLogin.ATTRIBUTE);
        if (login != null) {
            Authenticator.Result result = authenticator.session(login.login());
            if (result.ok()) {
                return notify(context, result.identity());
            }
            session.invalidate();
        }
        if (PublicPaths.isPublic(path)) {
            return context.doNothing();
        }
        if (PublicPaths.isApi(path) || !"GET".equals(request.getMethod())) {
            return Answers.unauthorized(response, "log in: HTTP Basic with an account, or Authorization: Bearer with an API key");
        }
        return context.redirect(request.getContextPath() + PublicPaths.LOGIN_PAGE + "?next="
                + URLEncoder.encode(pathAndQuery(request), StandardCharsets.UTF_8));
    }

    private AuthenticationStatus withCredentials(String authorization, HttpServletResponse response,
                                                 HttpMessageContext context) {
        int space = authorization.indexOf(' ');
        String scheme = space < 0 ? authorization : authorization.substring(0, space);
        String value = space < 0 ? "" : authorization.substring(space + 1).strip();
        Authenticator.Result result;
        if ("Basic".equalsIgnoreCase(scheme)) {
            String[] pair = basic(value);
            if (pair == null) {
                return Answers.unauthorized(response, "malformed HTTP Basic credentials");
            }
            result = authenticator.password(pair[0], pair[1], Authenticator.Channel.BASIC);
        } else if ("Bearer".equalsIgnoreCase(scheme) && oidc.isToken(value)) {
            return oidc.bearer(value, response, context);
        } else if ("Bearer".equalsIgnoreCase(scheme)) {
            result = authenticator.apiKey(value);
        } else {
            return Answers.unauthorized(response, "unsupported authorization scheme '" + FrontDoor.printable(scheme)
                    + "': use Basic or Bearer");
        }
        return result.ok() ? notify(context, result.identity()) : Answers.unauthorized(response, result.refusal());
    }

    private AuthenticationStatus formLogin(HttpServletRequest request, HttpServletResponse response,
                                           HttpMessageContext context) {
        // the container parses the form before any filter runs: its size is checked here (RequestLimits)
        int tooLarge = RequestLimits.refusal(request, settings.maxRequestBytes());
        if (tooLarge != 0) {
            response.setHeader("Connection", "close");
            return Answers.refuse(response, tooLarge, tooLarge == 411 ? "send forms with a Content-Length"
                    : RequestLimits.tooLarge(false, settings.maxRequestBytes()), false);
        }
        String next = LocalTarget.of(request.getParameter("next"));
        Authenticator.Result result = authenticator.password(request.getParameter("username"),
                request.getParameter("password"), Authenticator.Channel.FORM);
        if (!result.ok()) {
            return context.redirect(request.getContextPath() + PublicPaths.LOGIN_PAGE + "?error="
                    + (result.blocked() ? "blocked" : "credentials") + "&next="
                    + URLEncoder.encode(next, StandardCharsets.UTF_8));
        }
        HttpSession old = request.getSession(false);
        if (old != null) {
            old.invalidate(); // a new session for the new login: no fixation
        }
        HttpSession session = request.getSession(true);
        session.setMaxInactiveInterval(settings.sessionTimeoutMinutes() * 60);
        session.setAttribute(SessionLogin.ATTRIBUTE, new SessionLogin(result.identity().principal(), "form"));
        AuthenticationStatus status = notify(context, result.identity());
        try {
            response.sendRedirect(request.getContextPath() + next);
        } catch (IOException e) {
            return AuthenticationStatus.SEND_FAILURE;
        }
        return status == AuthenticationStatus.SUCCESS ? AuthenticationStatus.SEND_CONTINUE : status;
    }

    private AuthenticationStatus logout(HttpServletRequest request, HttpServletResponse response,
                                        HttpMessageContext context) {
        HttpSession session = request.getSession(false);
        String provider = oidc.providerLogout(request, session);
        if (session != null) {
            SessionLogin login = (SessionLogin) session.getAttribute(SessionLogin.ATTRIBUTE);
            if (login != null) {
                authenticator.loggedOut(login.login());
            }
            session.invalidate();
        }
        if (provider != null) {
            return Navigate.to(response, provider, "Logged out here; now at the identity provider.");
        }
        return context.redirect(request.getContextPath() + PublicPaths.LOGIN_PAGE + "?loggedout=1");
    }

    private static AuthenticationStatus notify(HttpMessageContext context, Identity identity) {
        if (RUN_AS_PRINCIPAL.equalsIgnoreCase(identity.principal())) {
            return Answers.unauthorized(context.getResponse(), "this login name is reserved");
        }
        return context.notifyContainerAboutLogin(identity.principal(), identity.groups());
    }

    private static String[] basic(String encoded) {
        try {
            String text = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = text.indexOf(':');
            return colon < 0 ? null : new String[] {text.substring(0, colon), text.substring(colon + 1)};
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }

    private FrontDoor frontDoor() {
        if (frontDoor == null) {
            frontDoor = new FrontDoor(settings.allowedHosts());
        }
        return frontDoor;
    }

    static String path(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        return uri.startsWith(context) ? uri.substring(context.length()) : uri;
    }

    private static String pathAndQuery(HttpServletRequest request) {
        String query = request.getQueryString();
        return path(request) + (query == null ? "" : "?" + query);
    }
}

package org.neuroarchive.web.security;

import java.util.List;

/**
 * What anyone may fetch without logging in: the login page and its style sheets, scripts and images,
 * and the health addresses.
 * Everything else needs an authenticated caller.
 */
public final class PublicPaths {

    public static final String LOGIN_PAGE = "/login";
    public static final String LOGIN_ACTION = "/auth/login";
    public static final String LOGOUT_ACTION = "/auth/logout";

    /** Readiness and liveness, for load balancers: they name checks and their status, nothing more. */
    public static final String HEALTH_READY = "/api/health/ready";
    public static final String HEALTH_LIVE = "/api/health/live";

    private static final List<String> EXACT = List.of(LOGIN_PAGE, "/login.xhtml", "/favicon.ico", ErrorAnswer.PATH,
            HEALTH_READY, HEALTH_LIVE);
    private static final List<String> PREFIXES = List.of("/jakarta.faces.resource/", "/resources/");

    private PublicPaths() {
    }

    /** {@code path}: the request path inside the application, e.g. {@code /login}. */
    public static boolean isPublic(String path) {
        return EXACT.contains(path) || PREFIXES.stream().anyMatch(path::startsWith) && !path.contains("..");
    }

    /** The JSON API and DICOMweb: answered with problem documents and 401, never with the login page. */
    public static boolean isApi(String path) {
        return path.equals("/api") || path.startsWith("/api/") || path.equals("/dicomweb") || path.startsWith("/dicomweb/");
    }
}

package org.neuroarchive.web.security;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The checks a request passes before anyone looks at its credentials:
 * <ul>
 * <li>its {@code Host} is one the server answers to (421 otherwise): a page on another site cannot reach
 * the API through DNS rebinding;</li>
 * <li>it does not come from a page of another site: a foreign {@code Origin} is refused (403), and a
 * state-changing request that relies on the browser's cookies must name our own origin in {@code Origin}
 * or {@code Referer}. There is no CORS.</li>
 * </ul>
 */
public final class FrontDoor {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    /** Why a request was turned away: the HTTP status and a sentence for the client. */
    public record Refusal(int status, String reason) {
    }

    private final List<String> allowedHosts;

    public FrontDoor(List<String> allowedHosts) {
        this.allowedHosts = allowedHosts;
    }

    /** The refusal of {@code request}, or {@code null} when it may go on. */
    public Refusal check(HttpServletRequest request) {
        String host = request.getHeader("Host");
        Authority own = Authority.ofHostHeader(host, request.getScheme());
        if (own == null || !hostAllowed(own.host())) {
            return new Refusal(421, "this server does not answer to the host name '" + printable(host)
                    + "' (neuroarchive.http.allowed-hosts)");
        }
        String origin = request.getHeader("Origin");
        if (origin != null && !"null".equals(origin)) {
            Authority from = Authority.ofUrl(origin);
            if (from == null || !from.sameAs(own)) {
                return new Refusal(403, "requests from pages of another site are refused (Origin " + printable(origin) + ")");
            }
            return null;
        }
        if (SAFE_METHODS.contains(request.getMethod().toUpperCase(Locale.ROOT)) || request.getHeader("Authorization") != null) {
            return null;
        }
        // a state-changing request carried by the browser's cookie: it must say it comes from our pages
        String referer = request.getHeader("Referer");
        Authority from = referer == null ? null : Authority.ofUrl(referer);
        if (from != null && from.sameAs(own)) {
            return null;
        }
        if ("null".equals(origin) || referer != null || hasSessionCookie(request)) {
            return new Refusal(403, "a state-changing request from a browser must come from this application's own pages");
        }
        return null;
    }

    boolean hostAllowed(String host) {
        return allowedHosts.contains("*") || allowedHosts.contains(host);
    }

    private static boolean hasSessionCookie(HttpServletRequest request) {
        return request.getRequestedSessionId() != null;
    }

    static String printable(String text) {
        if (text == null) {
            return "(none)";
        }
        String clean = text.replaceAll("[^\\x20-\\x7E]", "?");
        return clean.length() > 100 ? clean.substring(0, 100) + "…" : clean;
    }

    /** A host and port; {@code explicitPort} says whether the port was written out. */
    record Authority(String host, int port, boolean explicitPort) {

        static Authority ofHostHeader(String header, String scheme) {
            if (header == null || header.isBlank()) {
                return null;
            }
            try {
                URI uri = new URI(scheme + "://" + header.strip() + "/");
                return of(uri);
            } catch (Exception malformed) {
                return null;
            }
        }

        static Authority ofUrl(String url) {
            try {
                return of(new URI(url.strip()));
            } catch (Exception malformed) {
                return null;
            }
        }

        private static Authority of(URI uri) {
            if (uri.getHost() == null || uri.getScheme() == null) {
                return null;
            }
            boolean explicit = uri.getPort() != -1;
            int port = explicit ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
            return new Authority(uri.getHost().toLowerCase(Locale.ROOT), port, explicit);
        }

        /** Same host; same port when either side names one (a TLS proxy in front may hide the scheme). */
        boolean sameAs(Authority other) {
            if (!host.equals(other.host)) {
                return false;
            }
            return !explicitPort && !other.explicitPort || port == other.port;
        }
    }
}

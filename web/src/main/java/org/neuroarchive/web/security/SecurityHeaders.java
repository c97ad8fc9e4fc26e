package org.neuroarchive.web.security;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The headers every answer carries: no framing by other sites, no content-type guessing, no referrer
 * to other sites, and a content security policy that allows only our own scripts, styles and images.
 * PrimeFaces needs inline scripts and styles ({@code 'unsafe-inline'}); the policy still stops loading
 * anything from elsewhere, and forms posting elsewhere.
 */
public final class SecurityHeaders {

    static final String CSP = "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private SecurityHeaders() {
    }

    public static void apply(HttpServletResponse response, boolean https) {
        response.setHeader("Content-Security-Policy", CSP);
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
        response.setHeader("Cross-Origin-Resource-Policy", "same-origin");
        response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
        if (https) {
            response.setHeader("Strict-Transport-Security", "max-age=31536000");
        }
    }
}

package org.neuroarchive.web.security;

import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * A small page that sends the browser on with {@code <meta http-equiv="refresh">} instead of a redirect,
 * where a redirect would not do:
 * <ul>
 * <li>after the identity provider's redirect to our callback, a further redirect would still belong to
 * the navigation the provider's page started, and the browser would withhold our {@code SameSite=Strict}
 * session cookie on the next page; a navigation our own page starts carries it;</li>
 * <li>after the logout form, a redirect to the provider's logout endpoint would be blocked by our
 * content security policy ({@code form-action 'self'} also covers the redirects of a form's answer).</li>
 * </ul>
 */
final class Navigate {

    private Navigate() {
    }

    static AuthenticationStatus to(HttpServletResponse response, String url, String text) {
        String target = ErrorAnswer.escape(url);
        response.setStatus(200);
        response.setContentType("text/html");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        try {
            response.getWriter().write("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                    + "<meta http-equiv=\"refresh\" content=\"0;url=" + target + "\"><title>" + ErrorAnswer.escape(text)
                    + " · NeuroArchive</title></head><body><p>" + ErrorAnswer.escape(text) + " <a id=\"continue\" href=\""
                    + target + "\">Continue</a></p></body></html>");
        } catch (IOException | IllegalStateException gone) {
            return AuthenticationStatus.SEND_FAILURE;
        }
        return AuthenticationStatus.SEND_CONTINUE;
    }
}

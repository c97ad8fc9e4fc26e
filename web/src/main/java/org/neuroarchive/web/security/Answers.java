package org.neuroarchive.web.security;

import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** The answers of the authentication mechanism itself: problem documents for the API, plain text otherwise. */
final class Answers {

    static final String CHALLENGE = "Basic realm=\"NeuroArchive\", Bearer realm=\"NeuroArchive\"";

    private Answers() {
    }

    static AuthenticationStatus unauthorized(HttpServletResponse response, String detail) {
        response.setHeader("WWW-Authenticate", CHALLENGE);
        return write(response, 401, "Unauthorized", detail);
    }

    /** 503: a service we depend on (the identity provider) cannot be reached. */
    static AuthenticationStatus unavailable(HttpServletResponse response, String detail) {
        return write(response, 503, "Service Unavailable", detail);
    }

    static AuthenticationStatus refuse(HttpServletResponse response, int status, String detail, boolean api) {
        return write(response, status, status == 421 ? "Misdirected Request" : "Forbidden", detail);
    }

    /**
     * Sends the error through the container (the error page, {@link ErrorAnswer}, writes the body): Undertow
     * and Grizzly both want to finish a failed authentication with their own {@code sendError}.
     */
    private static AuthenticationStatus write(HttpServletResponse response, int status, String title, String detail) {
        try {
            response.sendError(status, detail);
        } catch (IOException | IllegalStateException gone) {
            // the client went away: nothing to tell it
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    static String quote(String text) {
        StringBuilder json = new StringBuilder("\"");
        for (char c : (text == null ? "" : text).toCharArray()) {
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"').toString();
    }
}

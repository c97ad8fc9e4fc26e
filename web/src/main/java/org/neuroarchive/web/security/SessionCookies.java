package org.neuroarchive.web.security;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import org.neuroarchive.config.SecuritySettings;

/**
 * The session cookie: HttpOnly, SameSite=Strict, and {@code Secure} when the server speaks HTTPS
 * ({@code neuroarchive.http.secure-cookies}); settings checked at start-up.
 */
@WebListener
public class SessionCookies implements ServletContextListener {

    @Inject
    SecuritySettings settings;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        jakarta.servlet.SessionCookieConfig cookie = event.getServletContext().getSessionCookieConfig();
        cookie.setSecure(settings.secureCookies());
        cookie.setHttpOnly(true);
        cookie.setAttribute("SameSite", "Strict"); // web.xml says so too, but not every server reads that part

        settings.allowedHosts(); // checked at start-up: a wrong value stops the deployment with its reason
        settings.sessionTimeoutMinutes();
        settings.maxRequestBytes();
    }
}

package org.neuroarchive.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.neuroarchive.config.OidcSettings;

/** What the login page offers: the password form, single sign-on, or both; and the sentence for an error. */
@Named
@ApplicationScoped
public class LoginOptions {

    @Inject
    OidcSettings settings;

    public boolean isSingleSignOn() {
        return settings.enabled();
    }

    public boolean isPasswordForm() {
        return settings.localLogin() != OidcSettings.LocalLogin.NONE;
    }

    /** Only the break-glass administrators use the password form. */
    public boolean isAdminsOnly() {
        return settings.enabled() && settings.localLogin() == OidcSettings.LocalLogin.ADMINS;
    }

    /** The link that starts single sign-on and comes back to {@code next}. */
    public String startUrl(String next) {
        return FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath() + OidcLogin.START + "?next="
                + URLEncoder.encode(LocalTarget.of(next), StandardCharsets.UTF_8);
    }

    public String errorText(String error) {
        if (error == null) {
            return null;
        }
        return switch (error) {
            case "blocked" -> "Too many failed logins: wait a few minutes, then try again.";
            case "sso" -> "Single sign-on did not succeed. Try again; if it keeps failing, tell an administrator the time.";
            case "sso-denied" -> "Single sign-on worked, but this archive does not accept the account (disabled, or its "
                    + "login name belongs to a local account). Ask an administrator.";
            case "sso-unavailable" -> "The single sign-on service cannot be reached at the moment. Try again later.";
            default -> settings.enabled()
                    ? "Wrong login name or password, the account is disabled, or it must use single sign-on."
                    : "Wrong login name or password, or the account is disabled.";
        };
    }
}

package org.neuroarchive.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class OidcSettingsTest {

    private static OidcSettings settings(String issuer) {
        OidcSettings s = new OidcSettings();
        s.issuer = Optional.ofNullable(issuer);
        s.clientId = Optional.of("neuroarchive");
        s.clientSecret = Optional.of("secret");
        s.scopes = "openid profile email";
        s.loginClaim = "preferred_username";
        s.mapping = "claims";
        s.rolesClaim = Optional.empty();
        s.grantsClaim = "neuroarchive_projects";
        s.localLogin = "all";
        s.redirectUri = Optional.empty();
        s.clockSkewSeconds = 60;
        return s;
    }

    private static String refusal(OidcSettings s) {
        return assertThrows(IllegalStateException.class, s::check).getMessage();
    }

    @Test
    void offUnlessTheIssuerIsSet() {
        OidcSettings s = settings(null);
        assertFalse(s.enabled());
        assertTrue(s.check().contains("off"));
        assertEquals(OidcSettings.LocalLogin.ALL, s.localLogin());
        s.localLogin = "some";
        assertTrue(refusal(s).startsWith("neuroarchive.oidc.local-login must be one of [all, admins, none]"));
    }

    @Test
    void aWorkingConfiguration() {
        OidcSettings s = settings("https://sso.example.org/realms/research");
        assertTrue(s.check().startsWith("single sign-on (OpenID Connect) with https://sso.example.org/realms/research"));
        assertEquals("resource_access.neuroarchive.roles", s.rolesClaim());
        assertEquals(OidcSettings.Mapping.CLAIMS, s.mapping());
        s.localLogin = "Admins";
        assertEquals(OidcSettings.LocalLogin.ADMINS, s.localLogin());
        assertEquals("http://localhost:8080/realms/x/", settings("http://localhost:8080/realms/x/").issuer(), "exactly as configured");
    }

    @Test
    void mistakesStopTheStartWithTheirReason() {
        assertTrue(refusal(settings("http://sso.example.org/realms/x")).contains("must use https"));
        assertTrue(refusal(settings("sso.example.org")).contains("must be an https URL"));
        OidcSettings s = settings("https://sso.example.org/realms/x");
        s.clientSecret = Optional.of(" ");
        assertTrue(refusal(s).startsWith("neuroarchive.oidc.client-secret is not set"));
        s = settings("https://sso.example.org/realms/x");
        s.mapping = "ldap";
        assertTrue(refusal(s).startsWith("neuroarchive.oidc.mapping must be one of [claims, local]"));
        s = settings("https://sso.example.org/realms/x");
        s.redirectUri = Optional.of("https://archive.example.org/neuroarchive/callback");
        assertTrue(refusal(s).contains("must end with /auth/oidc/callback"));
        s = settings("https://sso.example.org/realms/x");
        s.scopes = "profile";
        assertTrue(refusal(s).contains("must include openid"));
    }
}

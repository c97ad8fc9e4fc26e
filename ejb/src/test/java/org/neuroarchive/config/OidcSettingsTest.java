package org.neuroarchive.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OidcSettingsTest {

    /** A working confidential client of {@code issuer} (null: single sign-on off), with these values besides. */
    private static OidcSettings settings(String issuer, String... keyValues) {
        Map<String, String> values = new HashMap<>();
        if (issuer != null) {
            values.put("neuroarchive.oidc.issuer", issuer);
        }
        values.put("neuroarchive.oidc.client-id", "neuroarchive");
        values.put("neuroarchive.oidc.client-secret", "secret");
        for (int i = 0; i < keyValues.length; i += 2) {
            values.put("neuroarchive.oidc." + keyValues[i], keyValues[i + 1]);
        }
        return OidcSettings.from(SettingReader.of(values));
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
        assertEquals("neuroarchive.oidc.local-login=some (env NEUROARCHIVE_OIDC_LOCAL_LOGIN) is not one of all, admins, none",
                assertThrows(InvalidSettingException.class, () -> settings(null, "local-login", "some")).getMessage(),
                "a wrong value is a mistake even while single sign-on is off");
    }

    @Test
    void aWorkingConfiguration() {
        OidcSettings s = settings("https://sso.example.org/realms/research");
        assertTrue(s.check().startsWith("single sign-on (OpenID Connect) with https://sso.example.org/realms/research"));
        assertEquals("resource_access.neuroarchive.roles", s.rolesClaim());
        assertEquals(OidcSettings.Mapping.CLAIMS, s.mapping());
        assertEquals(OidcSettings.LocalLogin.ADMINS, settings("https://sso.example.org/realms/research", "local-login", "Admins")
                .localLogin());
        assertEquals("http://localhost:8080/realms/x/", settings("http://localhost:8080/realms/x/").issuer(), "exactly as configured");
    }

    @Test
    void mistakesStopTheStartWithTheirReason() {
        assertTrue(refusal(settings("http://sso.example.org/realms/x")).contains("must use https"));
        assertTrue(refusal(settings("sso.example.org")).contains("must be an https URL"));
        String issuer = "https://sso.example.org/realms/x";
        assertTrue(refusal(settings(issuer, "client-secret", " ")).startsWith("neuroarchive.oidc.client-secret is not set"));
        assertTrue(assertThrows(InvalidSettingException.class, () -> settings(issuer, "mapping", "ldap")).getMessage()
                .startsWith("neuroarchive.oidc.mapping=ldap (env NEUROARCHIVE_OIDC_MAPPING) is not one of claims, local"));
        assertTrue(refusal(settings(issuer, "redirect-uri", "https://archive.example.org/neuroarchive/callback"))
                .contains("must end with /auth/oidc/callback"));
        assertTrue(refusal(settings(issuer, "scopes", "profile")).contains("must include openid"));
        assertTrue(assertThrows(InvalidSettingException.class, () -> settings(issuer, "clock-skew-seconds", "601")).getMessage()
                .endsWith("is not a whole number between 0 and 600"));
    }
}

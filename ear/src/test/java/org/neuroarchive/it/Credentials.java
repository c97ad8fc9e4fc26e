package org.neuroarchive.it;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * How the tests log in: as {@code admin}, whose password every test server gets in
 * {@code NEUROARCHIVE_ADMIN_PASSWORD} (failsafe's environment, and {@link ServerProcess} for servers of
 * the tests' own). Tests of permissions create further accounts through the API.
 */
final class Credentials {

    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = System.getProperty("neuroarchive.it.admin-password", "it-admin-password-1");

    private Credentials() {
    }

    static String basic(String login, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((login + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** {@code request} with the administrator's HTTP Basic credentials. */
    static HttpRequest.Builder asAdmin(HttpRequest.Builder request) {
        return request.header("Authorization", basic(ADMIN, ADMIN_PASSWORD));
    }
}

package org.neuroarchive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Who may reach what, checked on every REST call and every screen the build contains ({@link Endpoints}
 * finds them): nobody anonymous gets past the door, requests made by other sites' pages are refused, and
 * every answer carries the security headers.
 */
@ExtendWith(ArquillianExtension.class)
class SecurityIT {

    private static final String BASE = ArchiveApi.arquillianBaseUrl();
    private static final URI BASE_URI = URI.create(BASE);
    private static final String OWN_ORIGIN = BASE_URI.getScheme() + "://" + BASE_URI.getAuthority();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Incoming.builtEar();
    }

    @Test
    void anonymousCallersGet401OnEveryApiCall() throws Exception {
        List<Endpoints.Call> calls = Endpoints.calls();
        assertTrue(calls.size() > 20, "only " + calls.size() + " calls found");
        List<String> wrong = new ArrayList<>();
        for (Endpoints.Call call : calls) {
            HttpResponse<String> answer = http.send(request(call, Map.of(), "1").build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 401 || !answer.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")
                    || answer.headers().firstValue("WWW-Authenticate").isEmpty()) {
                wrong.add(call + " → " + answer.statusCode() + " " + answer.headers().firstValue("Content-Type").orElse(""));
            }
        }
        assertEquals(List.of(), wrong, "calls that did not answer 401 problem+json with a challenge to an anonymous caller");
    }

    @Test
    void everyScreenSendsAnonymousVisitorsToTheLoginPage() throws Exception {
        List<String> pages = Endpoints.pages();
        assertTrue(pages.size() >= 10, "only " + pages.size() + " pages found: " + pages);
        List<String> wrong = new ArrayList<>();
        for (String page : pages) {
            if (page.equals("/login")) {
                continue;
            }
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(BASE + page)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            String location = answer.headers().firstValue("Location").orElse("");
            if (answer.statusCode() != 302 || !location.contains("/login?next=")) {
                wrong.add(page + " → " + answer.statusCode() + " " + location);
            }
            // the page source under its real name is not a way around the login either
            HttpResponse<String> source = http.send(HttpRequest.newBuilder(URI.create(BASE
                    + (page.equals("/") ? "/index" : page) + ".xhtml")).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (source.statusCode() != 302) {
                wrong.add(page + ".xhtml → " + source.statusCode());
            }
        }
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(BASE + "/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, login.statusCode());
        assertTrue(login.body().contains("id=\"username\""), "the login page has the form");
        assertEquals(List.of(), wrong, "pages that an anonymous visitor reached");
    }

    @Test
    void wrongCredentialsAndKeysAreRefused() throws Exception {
        for (String authorization : List.of(Credentials.basic(Credentials.ADMIN, "not-the-password"),
                Credentials.basic("nobody-here", Credentials.ADMIN_PASSWORD), "Bearer na_0123456789abcdef_" + "A".repeat(43),
                "Bearer not-a-key", "Basic %%%", "Digest username=admin")) {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(BASE + "/api/stats"))
                    .header("Authorization", authorization).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(401, answer.statusCode(), authorization + ": " + answer.body());
            assertFalse(answer.body().contains("Exception"), answer.body());
        }
    }

    @Test
    void stateChangingCallsTakeJsonOnly() throws Exception {
        for (String type : List.of("application/x-www-form-urlencoded", "text/plain", "multipart/form-data; boundary=x")) {
            HttpResponse<String> answer = http.send(Credentials.asAdmin(HttpRequest.newBuilder(URI.create(BASE + "/api/incoming/scan")))
                    .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofString("a=b")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(415, answer.statusCode(), type + ": " + answer.body());
        }
        HttpResponse<String> none = http.send(Credentials.asAdmin(HttpRequest.newBuilder(URI.create(BASE + "/api/incoming/scan")))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(415, none.statusCode(), "a POST without a content type: " + none.body());
        HttpResponse<String> json = http.send(Credentials.asAdmin(HttpRequest.newBuilder(URI.create(BASE + "/api/incoming/scan")))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(202, json.statusCode(), json.body());
        // the upload takes multipart only
        HttpResponse<String> upload = http.send(Credentials.asAdmin(HttpRequest.newBuilder(URI.create(BASE + "/api/imports")))
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("x")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(415, upload.statusCode(), upload.body());
    }

    @Test
    void requestsFromOtherSitesAreRefused() throws Exception {
        // a foreign Origin, whatever the credentials
        HttpResponse<String> foreign = http.send(Credentials.asAdmin(HttpRequest.newBuilder(URI.create(BASE + "/api/subjects")))
                .header("Origin", "https://evil.example").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, foreign.statusCode(), foreign.body());
        assertTrue(foreign.headers().firstValue("Access-Control-Allow-Origin").isEmpty(), "no CORS");
        HttpResponse<String> preflight = http.send(HttpRequest.newBuilder(URI.create(BASE + "/api/incoming/scan"))
                .header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(preflight.headers().firstValue("Access-Control-Allow-Origin").isEmpty(), "no CORS preflight: " + preflight.statusCode());

        // a browser session: the cookie alone never carries a state change
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(URI.create(BASE + "/auth/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", OWN_ORIGIN)
                .POST(HttpRequest.BodyPublishers.ofString("username=" + Credentials.ADMIN + "&password="
                        + URLEncoder.encode(Credentials.ADMIN_PASSWORD, StandardCharsets.UTF_8) + "&next=/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(302, login.statusCode(), login.body());
        assertFalse(login.headers().firstValue("Location").orElse("").contains("error"), "logged in");
        String cookie = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID")).findFirst().orElse("");
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.toLowerCase().contains("samesite=strict"), cookie);

        HttpResponse<String> ownPage = browser.send(HttpRequest.newBuilder(URI.create(BASE + "/api/incoming/scan"))
                .header("Content-Type", "application/json").header("Origin", OWN_ORIGIN)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(202, ownPage.statusCode(), "from our own page, with the session: " + ownPage.body());
        HttpResponse<String> otherSite = browser.send(HttpRequest.newBuilder(URI.create(BASE + "/api/incoming/scan"))
                .header("Content-Type", "application/json").header("Origin", "http://evil.example")
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, otherSite.statusCode(), otherSite.body());
        HttpResponse<String> noOrigin = browser.send(HttpRequest.newBuilder(URI.create(BASE + "/api/incoming/scan"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(403, noOrigin.statusCode(), "a cookie-borne POST that names no origin: " + noOrigin.body());
        HttpResponse<String> otherReferer = browser.send(HttpRequest.newBuilder(URI.create(BASE + "/api/incoming/scan"))
                .header("Content-Type", "application/json").header("Referer", "http://evil.example/page")
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, otherReferer.statusCode(), otherReferer.body());
        HttpResponse<String> formFromOwnPage = browser.send(HttpRequest.newBuilder(URI.create(BASE + "/api/incoming/scan"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", OWN_ORIGIN)
                .POST(HttpRequest.BodyPublishers.ofString("a=b")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(415, formFromOwnPage.statusCode(), formFromOwnPage.body());

        HttpResponse<String> logout = browser.send(HttpRequest.newBuilder(URI.create(BASE + "/auth/logout"))
                .header("Origin", OWN_ORIGIN).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(302, logout.statusCode());
        HttpResponse<String> after = browser.send(HttpRequest.newBuilder(URI.create(BASE + "/api/stats")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, after.statusCode(), "the session ended with the logout");
    }

    @Test
    void unknownHostNamesAreRefused() throws Exception {
        assertTrue(rawStatusLine("evil.example").contains(" 421 "), "DNS rebinding: a foreign Host header");
        assertTrue(rawStatusLine(BASE_URI.getAuthority()).contains(" 200 "), "our own host name");
    }

    @Test
    void answersCarryTheSecurityHeaders() throws Exception {
        for (String path : List.of("/login", "/api/stats")) {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(BASE + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            String csp = answer.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(csp.contains("frame-ancestors 'none'") && csp.contains("default-src 'self'"), path + ": " + csp);
            assertEquals("nosniff", answer.headers().firstValue("X-Content-Type-Options").orElse(""), path);
            assertEquals("DENY", answer.headers().firstValue("X-Frame-Options").orElse(""), path);
            assertFalse(answer.headers().firstValue("Server").orElse("").toLowerCase().contains("wildfly"), path);
        }
    }

    private String rawStatusLine(String host) throws IOException {
        try (Socket socket = new Socket(BASE_URI.getHost(), BASE_URI.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + BASE_URI.getPath() + "/api/stats HTTP/1.1\r\nHost: " + host + "\r\nAuthorization: "
                    + Credentials.basic(Credentials.ADMIN, Credentials.ADMIN_PASSWORD) + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
                line.append((char) c);
            }
            return line.toString();
        }
    }

    private static HttpRequest.Builder request(Endpoints.Call call, Map<String, String> values, String fallback) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(BASE + call.path(values, fallback)));
        if (call.changesState()) {
            builder.header("Content-Type", call.contentType());
            builder.method(call.httpMethod(), HttpRequest.BodyPublishers.ofString(call.multipart() ? "--x--\r\n" : "{}"));
        } else {
            builder.method(call.httpMethod(), HttpRequest.BodyPublishers.noBody());
        }
        return builder;
    }
}

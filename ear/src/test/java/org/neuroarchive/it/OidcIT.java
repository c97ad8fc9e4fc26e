package org.neuroarchive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Single sign-on against a real Keycloak ({@link KeycloakProcess}, realms of {@link OidcRealms}) and two
 * WildFlys of this test's own configured for it ({@code NEUROARCHIVE_OIDC_*}): one with roles and grants
 * from claims and password logins for local administrators only (Keycloak's access tokens on the API
 * with the roles and project grants of their claims, bad tokens refused, the screens' code flow in
 * chromium, the break-glass administrator), one with {@code mapping=local}. Ports follow
 * {@code it.port.offset} (the servers +35 and +45, Keycloak at 18080 + offset), so parallel checkouts
 * with their own offsets do not meet.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OidcIT {

    private static final int OFFSET = Integer.getInteger("it.port.offset", 100);
    private static final Path SHOTS = OwnServer.TARGET.resolve("screenshots");

    private static OwnServer own;
    private static OwnServer local;
    private static KeycloakProcess keycloak;
    private static ArchiveApi api;
    private static AdminCalls admin;

    @BeforeAll
    static void start() throws Exception {
        own = new OwnServer("oidc", OFFSET + 35);
        local = new OwnServer("oidc_local", OFFSET + 45);
        keycloak = new KeycloakProcess(18080 + OFFSET);
        keycloak.start(OidcRealms.realms(own.server.baseUrl())); // starts while the servers do
        for (OwnServer server : List.of(own, local)) {
            server.server.environment("NEUROARCHIVE_OIDC_ISSUER", keycloak.url() + "/realms/neuroarchive")
                    .environment("NEUROARCHIVE_OIDC_CLIENT_ID", "neuroarchive")
                    .environment("NEUROARCHIVE_OIDC_CLIENT_SECRET", OidcRealms.SECRET)
                    .environment("NEUROARCHIVE_OIDC_CLOCK_SKEW_SECONDS", "1");
        }
        own.server.environment("NEUROARCHIVE_OIDC_LOCAL_LOGIN", "admins").environment("NEUROARCHIVE_OIDC_LOGOUT_AT_PROVIDER", "true");
        local.server.environment("NEUROARCHIVE_OIDC_MAPPING", "local");
        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> {
            try {
                local.start(false);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        own.start(false);
        second.get();
        keycloak.awaitRealm("neuroarchive", Duration.ofSeconds(180));
        keycloak.awaitRealm("elsewhere", Duration.ofSeconds(30));
        api = new ArchiveApi(own.server.baseUrl());
        admin = new AdminCalls(api);
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            for (OwnServer server : new OwnServer[] {own, local}) {
                if (server != null) {
                    server.close();
                }
            }
        } finally {
            if (keycloak != null) {
                keycloak.close();
            }
        }
    }

    @Test
    void aKeycloakAccessTokenReachesTheApiWithTheRolesAndGrantsOfItsClaims() throws Exception {
        String token = accessToken(keycloak.url(), "neuroarchive", "neuroarchive", OidcRealms.SECRET, "alice", OidcRealms.ALICE_PASSWORD);
        ArchiveApi alice = api.as("Bearer " + token);
        ArchiveApi.Reply reply = alice.get("/api/me");
        assertEquals(200, reply.status(), reply.body());
        JsonObject me = reply.json().asJsonObject();
        assertEquals("alice", me.getString("login"));
        assertEquals("user:alice", me.getString("actor"));
        assertEquals("Alice Tester", me.getString("fullName"));
        assertEquals(List.of("importer", "viewer"), AdminCalls.strings(me.getJsonArray("roles")));
        assertEquals(Map.of("999999", List.of("view-data", "view-phi"), "888888", List.of("view-data")), projects(me),
                "the user's grants and its group's; 424242 is no project here");

        assertEquals(200, alice.get("/api/stats").status(), "a user's call");
        assertEquals(403, alice.get("/api/users").status(), "the container knows the roles: no admin");
        JsonObject account = api.get("/api/users/alice").json().asJsonObject();
        assertEquals("oidc", account.getString("origin"));
        assertTrue(admin.auditRow("action=account.create&actor=user:alice", "alice").isPresent(), "created at the first sign-on");
        JsonObject login = admin.audit("action=login.bearer&actor=user:alice&outcome=allowed").getJsonObject(0);
        assertTrue(login.getString("detail").startsWith("oidc access token"), login.toString());
        assertTrue(login.getString("detail").contains("no project 424242"), login.toString());
        assertTrue(admin.audit("action=grant.set&project=999999").stream().map(JsonValue::asJsonObject)
                .anyMatch(row -> "alice".equals(row.getString("objectId", null))), "grants from claims are audited");

        assertEquals(200, admin.put("/api/users/alice", "{\"roles\":[\"admin\"]}").status());
        assertEquals(List.of("importer", "viewer"), AdminCalls.strings(alice.get("/api/me").json().asJsonObject().getJsonArray("roles")),
                "with mapping=claims the token's roles come back at the next sign-on");
        assertTrue(admin.audit("action=account.update&actor=system").stream().map(JsonValue::asJsonObject)
                .anyMatch(row -> "alice".equals(row.getString("objectId", null))
                        && row.getString("detail").contains("[admin] → [importer,viewer]")), "and that is audited");

        String otherSystem = accessToken(keycloak.url(), "neuroarchive", "other-system", OidcRealms.OTHER_SECRET, "alice",
                OidcRealms.ALICE_PASSWORD);
        assertEquals(200, api.as("Bearer " + otherSystem).get("/api/me").status(), "another client's token with our audience");
    }

    @Test
    void withLocalMappingRolesAndGrantsAreTheAdministratorsNotTheTokens() throws Exception {
        ArchiveApi localApi = new ArchiveApi(local.server.baseUrl());
        AdminCalls localAdmin = new AdminCalls(localApi);
        ArchiveApi alice = localApi.as("Bearer " + accessToken(keycloak.url(), "neuroarchive", "neuroarchive", OidcRealms.SECRET,
                "alice", OidcRealms.ALICE_PASSWORD));
        JsonObject me = alice.get("/api/me").json().asJsonObject();
        assertEquals("alice", me.getString("login"));
        assertEquals(List.of(), AdminCalls.strings(me.getJsonArray("roles")), "no role until an administrator gives one");
        assertEquals(Map.of(), projects(me), "and no project");
        assertEquals(200, localAdmin.put("/api/users/alice", "{\"roles\":[\"reviewer\"]}").status());
        assertEquals(200, localAdmin.grant("888888", "alice", "view-data").status());
        me = alice.get("/api/me").json().asJsonObject();
        assertEquals(List.of("reviewer"), AdminCalls.strings(me.getJsonArray("roles")), "kept at the next sign-on");
        assertEquals(Map.of("888888", List.of("view-data")), projects(me));
        assertEquals("oidc", localApi.get("/api/users/alice").json().asJsonObject().getString("origin"));
        String viewer = AdminCalls.unique("local");
        localAdmin.createUser(viewer, "viewer");
        assertEquals(200, localApi.as(AdminCalls.basic(viewer)).get("/api/me").status(), "local-login=all (the default)");
    }

    @Test
    void anInstitutionalSystemUsesTheClientCredentialsOfItsOwnClient() throws Exception {
        HttpResponse<String> response = keycloak.clientCredentials("neuroarchive", "pacs-bridge", OidcRealms.OTHER_SECRET);
        assertEquals(200, response.statusCode(), response.body());
        String token = Json.createReader(new StringReader(response.body())).readObject().getString("access_token");
        ArchiveApi.Reply reply = api.as("Bearer " + token).get("/api/me");
        assertEquals(200, reply.status(), reply.body());
        JsonObject me = reply.json().asJsonObject();
        assertEquals("service-account-pacs-bridge", me.getString("login"));
        assertEquals(List.of("importer"), AdminCalls.strings(me.getJsonArray("roles")));
        assertEquals(Map.of("999999", List.of("view-data", "modify-data")), projects(me));
    }

    @Test
    void wrongExpiredForeignOrTamperedTokensAre401() throws Exception {
        String token = accessToken(keycloak.url(), "neuroarchive", "neuroarchive", OidcRealms.SECRET, "alice", OidcRealms.ALICE_PASSWORD);
        String[] parts = token.split("\\.");

        String tampered = parts[0] + "." + encode(decode(parts[1]).replace("\"alice\"", "\"admin\"")) + "." + parts[2];
        assertRefused(tampered, "bad signature");
        assertRefused(encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".", "unsigned token");
        assertRefused(accessToken(keycloak.url(), "elsewhere", "neuroarchive", OidcRealms.SECRET, "alice", OidcRealms.ALICE_PASSWORD),
                "unknown key");
        String otherIssuer = accessToken(keycloak.url().replace("localhost", "127.0.0.1"), "neuroarchive", "neuroarchive",
                OidcRealms.SECRET, "alice", OidcRealms.ALICE_PASSWORD);
        assertRefused(otherIssuer, "issued by another identity provider");
        assertRefused(idToken(keycloak.url(), "alice", OidcRealms.ALICE_PASSWORD), "not an access token");
        assertRefused(accessToken(keycloak.url(), "neuroarchive", "neuroarchive", OidcRealms.SECRET, "admin",
                OidcRealms.IDP_ADMIN_PASSWORD), "a local account has this login name");
        assertRefused("not.a.jwt", "not a signed JWT");

        // the short-lived token is asked for just before its first use: on a busy machine the checks above
        // may take longer than its lifespan
        long started = System.currentTimeMillis();
        String shortLived = accessToken(keycloak.url(), "neuroarchive", "other-system", OidcRealms.OTHER_SECRET, "carol",
                OidcRealms.CAROL_PASSWORD);
        assertEquals(200, api.as("Bearer " + shortLived).get("/api/me").status(), "fresh");
        long wait = started + (OidcRealms.SHORT_LIFESPAN + 3) * 1000L - System.currentTimeMillis();
        Thread.sleep(Math.max(0, wait));
        assertRefused(shortLived, "expired");

        JsonObject key = admin.createKey(AdminCalls.unique("oidc-it"), List.of("viewer"), null).json().asJsonObject();
        assertEquals(200, api.as("Bearer " + key.getString("key")).get("/api/stats").status(), "API keys keep working");
        assertTrue(admin.audit("action=login.bearer&outcome=refused").stream().map(JsonValue::asJsonObject)
                .anyMatch(row -> row.getString("detail").contains("expired")), "refusals are audited with their reason");
    }

    @Test
    void theBreakGlassAdministratorLogsInWithItsPasswordOtherLocalAccountsDoNot() throws Exception {
        assertEquals(200, api.get("/api/me").status(), "admin, HTTP Basic");
        String login = AdminCalls.unique("local");
        admin.createUser(login, "viewer");
        assertEquals(401, api.as(AdminCalls.basic(login)).get("/api/me").status(), "local-login=admins");
    }

    @Test
    void theScreensLogInThroughKeycloakAndOutAgain() throws Exception {
        Files.createDirectories(SHOTS);
        WebDriver browser = Browsers.chromium();
        try {
            String base = own.server.baseUrl();
            browser.get(base + "/imports");
            await(browser, d -> d.getCurrentUrl().contains("/login"));
            shot(browser, "oidc-login-page");
            browser.findElement(By.id("sso")).click();
            keycloakLogin(browser, "carol", OidcRealms.CAROL_PASSWORD);
            try {
                await(browser, d -> d.getCurrentUrl().startsWith(base + "/imports") && !d.findElements(By.id("current-user")).isEmpty());
            } finally {
                shot(browser, "oidc-after-sign-on");
            }
            assertEquals("carol", browser.findElement(By.id("current-user")).getText());
            shot(browser, "oidc-logged-in");
            JsonObject row = admin.audit("action=login&actor=user:carol&outcome=allowed").stream().map(JsonValue::asJsonObject)
                    .filter(r -> r.getString("action").equals("login")).findFirst().orElseThrow();
            assertEquals("oidc", row.getString("detail"), "the screen login's audit row");

            browser.findElement(By.id("logout")).click();
            await(browser, d -> d.getCurrentUrl().startsWith(base + "/login") && d.getCurrentUrl().contains("loggedout"));
            browser.get(base + "/");
            await(browser, d -> d.getCurrentUrl().contains("/login"));
            browser.findElement(By.id("sso")).click();
            await(browser, d -> d.getCurrentUrl().startsWith(keycloak.url()) && !d.findElements(By.id("username")).isEmpty());
            shot(browser, "oidc-keycloak-after-logout");

            keycloakLogin(browser, "admin", OidcRealms.IDP_ADMIN_PASSWORD);
            await(browser, d -> d.getCurrentUrl().startsWith(base + "/login") && d.getCurrentUrl().contains("error=sso-denied"));
            assertTrue(browser.findElement(By.id("login-error")).getText().contains("does not accept the account"));
            shot(browser, "oidc-denied");
        } finally {
            browser.quit();
        }
    }

    /** Last: Keycloak stops; the API goes on accepting its tokens (keys kept), the screens offer the password form. */
    @Test
    @Order(Integer.MAX_VALUE)
    void whileTheProviderIsDownItsTokensStillWorkUntilTheyExpire() throws Exception {
        String token = accessToken(keycloak.url(), "neuroarchive", "neuroarchive", OidcRealms.SECRET, "alice", OidcRealms.ALICE_PASSWORD);
        assertEquals(200, api.as("Bearer " + token).get("/api/me").status());
        keycloak.close();
        assertEquals(200, api.as("Bearer " + token).get("/api/me").status(), "the provider's keys are kept");
        assertEquals(200, api.get("/api/me").status(), "the break-glass administrator");
    }

    private static void keycloakLogin(WebDriver browser, String user, String password) {
        await(browser, d -> d.getCurrentUrl().startsWith(keycloak.url()) && !d.findElements(By.id("username")).isEmpty());
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("kc-login")).click();
    }

    private static void assertRefused(String token, String reason) throws Exception {
        ArchiveApi.Reply reply = api.as("Bearer " + token).get("/api/me");
        assertEquals(401, reply.status(), reply.body());
        assertTrue(reply.body().contains(reason), reason + " in " + reply.body());
    }

    private static String accessToken(String base, String realm, String client, String secret, String user, String password)
            throws Exception {
        return tokens(base, realm, client, secret, user, password).getString("access_token");
    }

    private static String idToken(String base, String user, String password) throws Exception {
        return tokens(base, "neuroarchive", "neuroarchive", OidcRealms.SECRET, user, password).getString("id_token");
    }

    private static JsonObject tokens(String base, String realm, String client, String secret, String user, String password)
            throws Exception {
        HttpResponse<String> response = keycloak.passwordGrant(base, realm, client, secret, user, password);
        assertEquals(200, response.statusCode(), response.body());
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    private static Map<String, List<String>> projects(JsonObject me) {
        return me.getJsonArray("projects").stream().map(JsonValue::asJsonObject).collect(Collectors.toMap(
                p -> p.getString("costcenter"), p -> AdminCalls.strings(p.getJsonArray("permissions"))));
    }

    private static String decode(String part) {
        return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
    }

    private static String encode(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static void await(WebDriver browser, java.util.function.Function<WebDriver, Boolean> condition) {
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(condition::apply);
    }

    private static void shot(WebDriver browser, String name) throws Exception {
        Files.write(SHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}

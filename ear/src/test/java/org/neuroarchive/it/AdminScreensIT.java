package org.neuroarchive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neuroarchive.it.AdminCalls.unique;

import jakarta.json.JsonObject;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The admin screens in a real browser (Debian's chromium, headless): an administrator creates an account
 * on {@code /admin/users}, a project and a grant on {@code /admin/projects}, an API key on
 * {@code /admin/api-keys} (shown once, and it works), and reads {@code /admin/audit}; the new account
 * then logs in, sees no admin links, and changes its password on {@code /account}.
 * Screenshots go to {@code target/screenshots/}.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdminScreensIT {

    private static final String BASE = ArchiveApi.arquillianBaseUrl();
    private static final Path SHOTS = Path.of(System.getProperty("neuroarchive.it.ear")).getParent().resolve("screenshots");
    private static final String LOGIN = unique("screen");
    private static final String PROJECT = unique("scr");

    private static WebDriver browser;
    private final ArchiveApi api = new ArchiveApi();

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Incoming.builtEar();
    }

    @BeforeAll
    static void openBrowser() throws Exception {
        Files.createDirectories(SHOTS);
        browser = Browsers.chromium();
        ScreensIT.logIn(browser, Credentials.ADMIN, Credentials.ADMIN_PASSWORD);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    @Order(1)
    void anAdministratorCreatesAUserGrantsAProjectAndMakesAKey() throws Exception {
        browser.get(BASE + "/admin/users");
        type("create:login", LOGIN);
        type("create:fullName", "Screen Sam");
        type("create:email", "sam@example.org");
        tick("create:roles", "viewer");
        type("create:password", AdminCalls.PASSWORD);
        browser.findElement(By.id("create:create")).click();
        await(d -> d.findElement(By.id("users:table")).getText().contains(LOGIN));
        assertTrue(browser.getPageSource().contains("Account " + LOGIN + " created."));
        shot("admin-users");

        browser.get(BASE + "/admin/projects");
        type("create:costcenter", PROJECT);
        type("create:name", "Screen study");
        browser.findElement(By.id("create:create")).click();
        await(d -> d.findElement(By.id("projects:table")).getText().contains(PROJECT));
        browser.findElement(By.xpath("//tr[td[normalize-space()='" + PROJECT + "']]//button[contains(@id,':grants')]")).click();
        await(d -> !d.findElements(By.id("projects:grantLogin")).isEmpty());
        type("projects:grantLogin", LOGIN);
        tick("projects:grantPermissions", "view-data");
        tick("projects:grantPermissions", "view-phi");
        browser.findElement(By.id("projects:grant")).click();
        await(d -> d.findElement(By.id("projects:grantTable")).getText().contains(LOGIN));
        shot("admin-projects");
        JsonObject grant = api.get("/api/projects/" + PROJECT + "/grants").json().asJsonArray().getJsonObject(0);
        assertEquals(LOGIN, grant.getString("login"));
        assertEquals(List.of("view-data", "view-phi"), AdminCalls.strings(grant.getJsonArray("permissions")));

        browser.get(BASE + "/admin/api-keys");
        type("keys:name", "screen key");
        tick("keys:roles", "viewer");
        tick("keys:projects", PROJECT);
        browser.findElement(By.id("keys:create")).click();
        await(d -> !d.findElements(By.id("new-key")).isEmpty());
        String key = browser.findElement(By.id("new-key")).getText().strip();
        assertTrue(key.startsWith("na_"), key);
        assertTrue(browser.getPageSource().contains("Copy this key now."));
        shot("admin-api-keys-created");
        JsonObject me = new AdminCalls(api.as("Bearer " + key)).me();
        assertEquals(PROJECT, me.getJsonArray("projects").getJsonObject(0).getString("costcenter"), me.toString());

        browser.navigate().refresh();
        await(d -> d.findElement(By.id("keys:table")).getText().contains("screen key"));
        assertTrue(browser.findElements(By.id("new-key")).isEmpty(), "the key is shown once");
        assertFalse(browser.getPageSource().contains(key.substring(20)), "no part of the secret on the page any more");
        shot("admin-api-keys");

        browser.get(BASE + "/admin/audit");
        await(d -> d.findElement(By.id("audit:rows")).getText().contains("apikey.create"));
        type("audit:action", "grant");
        type("audit:project", PROJECT);
        browser.findElement(By.id("audit:filter")).click();
        await(d -> {
            String rows = d.findElement(By.id("audit:rows")).getText();
            return rows.contains("grant.set") && !rows.contains("apikey.create");
        });
        assertTrue(browser.findElement(By.id("audit:rows")).getText().contains("user:admin"));
        shot("admin-audit");
        assertNoConsoleErrors();
    }

    @Test
    @Order(2)
    void everyAdminPageRendersForAnAdministrator() throws Exception {
        for (String page : List.of("admin/users", "admin/projects", "admin/api-keys", "admin/audit", "account")) {
            browser.get(BASE + "/" + page);
            assertTrue(browser.getTitle().endsWith("NeuroArchive"), page + ": " + browser.getTitle());
            assertEquals(1, browser.findElements(By.tagName("h1")).size(), page);
            assertTrue(browser.findElements(By.cssSelector(".na-error")).isEmpty(), page);
        }
        for (String link : List.of("Users", "Projects", "API keys", "Audit")) {
            assertEquals(1, browser.findElements(By.linkText(link)).size(), link);
        }
        assertNoConsoleErrors();
    }

    @Test
    @Order(3)
    void theNewAccountSeesItsProjectAndChangesItsPassword() throws Exception {
        browser.findElement(By.id("logout")).click();
        await(d -> d.getCurrentUrl().contains("/login"));
        ScreensIT.logIn(browser, LOGIN, AdminCalls.PASSWORD);
        browser.get(BASE + "/account");
        assertEquals(LOGIN, browser.findElement(By.id("login")).getText());
        assertTrue(browser.findElement(By.id("projects")).getText().contains(PROJECT));
        for (String link : List.of("Users", "API keys", "Audit")) {
            assertTrue(browser.findElements(By.linkText(link)).isEmpty(), link + " is not offered to a viewer");
        }
        type("password:current", AdminCalls.PASSWORD);
        type("password:new", "screen-new-password-1");
        type("password:repeat", "screen-new-password-1");
        browser.findElement(By.id("password:change")).click();
        await(d -> d.getPageSource().contains("Your password is changed."));
        shot("account");
        assertEquals(200, api.as(Credentials.basic(LOGIN, "screen-new-password-1")).get("/api/me").status());

        browser.get(BASE + "/admin/users");
        assertTrue(browser.findElement(By.cssSelector(".na-error")).getText().contains("Only administrators"));
        assertFalse(browser.getPageSource().contains(Credentials.ADMIN + "@"), "no account list");
        browser.get(BASE + "/admin/audit");
        assertTrue(browser.findElement(By.cssSelector(".na-error")).getText().contains("Only administrators"));
        assertNoConsoleErrors();
        browser.findElement(By.id("logout")).click();
        await(d -> d.getCurrentUrl().contains("/login"));
        ScreensIT.logIn(browser, Credentials.ADMIN, Credentials.ADMIN_PASSWORD);
    }

    private static void type(String id, String text) {
        var field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    /** Ticks the PrimeFaces checkbox with {@code value} in the check-box list {@code id}. */
    private static void tick(String id, String value) {
        browser.findElement(By.xpath("//input[@name='" + id + "' and @value='" + value + "']"
                + "/ancestor::div[contains(@class,'ui-chkbox')][1]//div[contains(@class,'ui-chkbox-box')]")).click();
    }

    private static void assertNoConsoleErrors() {
        List<LogEntry> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
        assertEquals(List.of(), errors.stream().map(LogEntry::getMessage).toList(), "no console errors");
    }

    private static void await(java.util.function.Function<WebDriver, Boolean> condition) {
        new WebDriverWait(browser, Duration.ofSeconds(30), Duration.ofMillis(250))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .ignoring(org.openqa.selenium.NoSuchElementException.class)
                .until(condition::apply);
    }

    private static void shot(String name) throws Exception {
        File png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(png.toPath(), SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}

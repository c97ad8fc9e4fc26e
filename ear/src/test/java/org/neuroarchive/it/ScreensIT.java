package org.neuroarchive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neuroarchive.it.Incoming.DATA;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.neuroarchive.testing.SyntheticSeries;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The screens in a real browser (Debian's chromium, headless): a server-path import created on
 * {@code /imports/new}, parsed, one series unticked, the rest archived from {@code /import?id=N}; the
 * dashboard and the import list show it. Screenshots of every page go to {@code target/screenshots/}.
 */
@ExtendWith(ArquillianExtension.class)
class ScreensIT {

    private static final String BASE = System.getProperty("neuroarchive.it.base-url", "http://127.0.0.1:8180/neuroarchive");
    private static final Path SHOTS = Path.of(System.getProperty("neuroarchive.it.ear")).getParent().resolve("screenshots");

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
        logIn(browser, Credentials.ADMIN, Credentials.ADMIN_PASSWORD);
    }

    /** Logs in through the login page, as a person would. */
    static void logIn(WebDriver browser, String login, String password) {
        browser.get(BASE + "/");
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().contains("/login"));
        browser.findElement(By.id("username")).sendKeys(login);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("login")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> !d.getCurrentUrl().contains("/login"));
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void createParseUntickOneSeriesAndArchiveTheRest() throws Exception {
        Path source = DATA.resolve("import/screens");
        SyntheticSeries study = SyntheticSeries.mr().patient("NA-UI-ONE", "Screen^Sally")
                .study(SyntheticSeries.newUid(), "20260601", "100000", "Research");
        study.series(1, "T1 MPRAGE").instances(3).writeTo(source.resolve("a"), "a");
        study.series(2, "BOLD rest").instances(3).writeTo(source.resolve("b"), "b");
        study.series(3, "DTI").instances(3).writeTo(source.resolve("c"), "c");

        browser.get(BASE + "/imports/new");
        shot("imports-new");
        browser.findElement(By.id("new:path")).sendKeys(source.toString());
        browser.findElement(By.id("new:create")).click();
        await(d -> d.getCurrentUrl().contains("/import") && d.getCurrentUrl().contains("id="));
        String url = browser.getCurrentUrl();
        await(d -> {
            d.navigate().refresh();
            return status().equals("parsingcomplete");
        });
        List<WebElement> boxes = browser.findElements(By.cssSelector(".na-series .ui-chkbox-box"));
        assertEquals(3, boxes.size(), "one checkbox per series");
        boxes.get(1).click(); // untick series 2
        shot("import-parsed");
        browser.findElement(By.id("import:archive")).click();
        await(d -> {
            d.navigate().refresh();
            return status().equals("archivecomplete");
        });
        shot("import-archived");
        assertTrue(url.contains("id="));

        String uid = api.subjectUid("NA-UI-ONE");
        assertNotNull(uid, "archived from the screen");
        assertEquals(java.util.Set.of("1/1", "1/3"), IndividualImportIT.seriesFolders(uid), "series 2 was unticked");

        browser.get(BASE + "/search?subject=NA-UI-ONE");
        await(d -> {
            d.navigate().refresh();
            List<WebElement> thumbs = d.findElements(By.cssSelector("img.na-thumb"));
            return thumbs.size() == 2 && thumbs.stream().allMatch(img -> Boolean.TRUE.equals(((org.openqa.selenium.JavascriptExecutor) d)
                    .executeScript("return arguments[0].complete && arguments[0].naturalWidth > 0", img)));
        });
        assertTrue(browser.getPageSource().contains("BOLD rest") == false, "series 2 was not archived");
        shot("search-results");

        browser.get(BASE + "/imports");
        assertTrue(browser.getPageSource().contains("archivecomplete"));
        shot("imports");
        browser.get(BASE + "/");
        assertTrue(Integer.parseInt(browser.findElement(By.id("instances")).getText()) >= 6);
        shot("dashboard");
        List<LogEntry> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
        assertEquals(List.of(), errors.stream().map(LogEntry::getMessage).toList(), "no console errors");
    }

    @Test
    void everyPageRendersWithoutConsoleErrors() throws Exception {
        for (String page : List.of("", "imports", "imports/new", "held", "failed", "problems", "logs", "receiver",
                "search", "status")) {
            browser.get(BASE + "/" + page);
            String title = browser.getTitle();
            assertTrue(title.endsWith("NeuroArchive"), page + ": " + title);
            assertTrue(browser.findElements(By.tagName("h1")).size() == 1, page);
            shot(page.isEmpty() ? "dashboard-empty" : page.replace('/', '-'));
        }
        assertEquals("listening", browser.getPageSource().contains("listening") ? "listening" : "?", "receiver state shown");
        browser.get(BASE + "/status");
        assertTrue(browser.findElement(By.id("version")).getText().startsWith("NeuroArchive "));
        await(d -> d.findElements(By.cssSelector("#charts canvas")).size() == 4); // the last hour's charts, drawn by Chart.js
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()",
                browser.findElement(By.id("charts")));
        shot("status-charts");
        List<LogEntry> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
        assertEquals(List.of(), errors.stream().map(LogEntry::getMessage).toList(), "no console errors");
    }

    @Test
    void filesUploadedOnTheFormAreParsed() throws Exception {
        List<Path> files = SyntheticSeries.mr().patient("NA-UI-UP", "Upload^Uma")
                .study(SyntheticSeries.newUid(), "20260602", "100000", "Research").series(7, "uploaded")
                .instances(2).writeTo(DATA.resolveSibling("screens-upload"), "u");
        browser.get(BASE + "/imports/new");
        WebElement input = browser.findElement(By.cssSelector("input[type=file]"));
        input.sendKeys(files.get(0) + "\n" + files.get(1));
        try {
            await(d -> d.findElement(By.id("new:uploaded")).getText().startsWith("2 files"));
        } finally {
            shot("imports-new-uploading");
        }
        shot("imports-new-uploaded");
        browser.findElement(By.id("new:parse")).click();
        await(d -> {
            d.navigate().refresh();
            return status().equals("parsingcomplete");
        });
        assertTrue(browser.getPageSource().contains("NA-UI-UP"));
        assertTrue(browser.getPageSource().contains("upload"), "the source is an upload");

        // reparse with a specific PatientID from the page
        browser.findElement(By.id("import:rpatient")).clear();
        browser.findElement(By.id("import:rpatient")).sendKeys("NA-UI-RETYPED");
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "PrimeFaces.getWidgetById('import:rsubject').selectValue('specificpatientid')");
        browser.findElement(By.id("import:reparse")).click();
        await(d -> {
            d.navigate().refresh();
            return status().equals("parsingcomplete") && d.getPageSource().contains("Subject NA-UI-RETYPED");
        });
        shot("import-reparsed");
    }

    @Test
    void aPathOutsideTheAllowedRootsIsRefusedOnTheForm() throws Exception {
        browser.get(BASE + "/imports/new");
        browser.findElement(By.id("new:path")).sendKeys("/etc");
        browser.findElement(By.id("new:create")).click();
        await(d -> d.getPageSource().contains("outside the allowed import roots"));
        shot("imports-new-refused");
    }

    private String status() {
        List<WebElement> status = browser.findElements(By.id("status"));
        return status.isEmpty() ? "" : status.get(0).getText();
    }

    private static void await(java.util.function.Function<WebDriver, Boolean> condition) {
        new WebDriverWait(browser, Duration.ofSeconds(60), Duration.ofMillis(500))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class) // parts of the page are re-rendered
                .until(condition::apply);
    }

    private static void shot(String name) throws Exception {
        File png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(png.toPath(), SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}

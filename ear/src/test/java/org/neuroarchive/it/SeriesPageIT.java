package org.neuroarchive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neuroarchive.it.Incoming.DATA;

import jakarta.json.JsonObject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import javax.imageio.ImageIO;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.neuroarchive.testing.PixelObjects;
import org.neuroarchive.testing.SyntheticSeries;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The series page and its slice browser: {@code GET /api/series/{id}/instances/{n}[/rendered]} over REST
 * (PNG at the image's size, 404 for another project's series, a missing slice or frame, 400 for frame 0),
 * JPEG-LS objects rendered through GDCM, and the page in a real browser reached from search, with the
 * missing slices named and the slider showing another slice. Screenshot: {@code target/screenshots/series-page.png}.
 */
@ExtendWith(ArquillianExtension.class)
class SeriesPageIT {

    private static final String BASE = System.getProperty("neuroarchive.it.base-url", "http://127.0.0.1:8180/neuroarchive");
    private static final Path SHOTS = Path.of(System.getProperty("neuroarchive.it.ear")).getParent().resolve("screenshots");

    private static ScopeFixture fixture;
    private static String subjectUid;
    private static long seriesId;
    private static WebDriver browser;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Incoming.builtEar();
    }

    /** A series of 4 instances in project A with InstanceNumbers 1, 2, 4, 7 (3, 5 and 6 missing). */
    @BeforeAll
    static void archiveASeriesWithGaps() throws Exception {
        fixture = new ScopeFixture(new ArchiveApi());
        String patientId = AdminCalls.unique("NA-SERIESPAGE-");
        List<Path> files = SyntheticSeries.mr().patient(patientId, "Slices^Sam")
                .study(SyntheticSeries.newUid(), "20260601", "100000", "Research (" + fixture.projectA + ")")
                .series(5, "T2 gaps").size(96, 128).instanceNumbers(1, 2, 4, 7).with("RepetitionTime", "4000")
                .writeTo(DATA.resolve("seriespage-source").resolve(AdminCalls.unique("gaps-")), "s");
        Incoming.drop(files, AdminCalls.unique("seriespage-"));
        assertEquals(202, fixture.api.post("/api/incoming/scan").status());
        subjectUid = fixture.api.awaitSubject(patientId, ScopeFixture.WITHIN);
        seriesId = fixture.seriesOf(subjectUid);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void slicesAreListedInInstanceNumberOrderAndRenderedAsPng() throws Exception {
        JsonObject third = fixture.api.get("/api/series/" + seriesId + "/instances/3").json().asJsonObject();
        assertEquals(4, third.getInt("instanceNumber"), "the third slice is InstanceNumber 4");
        assertEquals(4, third.getInt("count"));
        assertEquals(1, third.getInt("frames"));

        BufferedImage first = png(get("/api/series/" + seriesId + "/instances/1/rendered"));
        BufferedImage last = png(get("/api/series/" + seriesId + "/instances/4/rendered?frame=1"));
        assertEquals(128, first.getWidth(), "Columns");
        assertEquals(96, first.getHeight(), "Rows");
        assertNotEquals(pixels(first), pixels(last), "another instance, another image");

        assertProblem(404, get("/api/series/" + seriesId + "/instances/1/rendered?frame=2"), "no frame 2");
        assertProblem(400, get("/api/series/" + seriesId + "/instances/1/rendered?frame=0"), "frame");
        assertProblem(404, get("/api/series/" + seriesId + "/instances/5/rendered"), "no instance 5");
        assertProblem(404, get("/api/series/" + seriesId + "/instances/0"), "no instance 0");
    }

    @Test
    void thePatientNameOnlyWithTheRightToViewPhiAndItsReadIsAudited() throws Exception {
        String login = AdminCalls.unique("seriespage-a-");
        ArchiveApi dataOnly = fixture.user(login, List.of("viewer"), fixture.projectA, "view-data");

        String page = dataOnly.get("/series?id=" + seriesId).body();
        assertTrue(page.contains(subjectUid) && page.contains("slice-browser"), page);
        ScopeFixture.assertHidden(page, "Slices^Sam");
        assertEquals(0, ScopeFixture.rows(fixture.audit("actor=user:" + login), "series.read").size());

        assertTrue(fixture.api.get("/series?id=" + seriesId).body().contains("Slices^Sam"), "the administrator sees it");
        assertTrue(ScopeFixture.rows(fixture.audit("actor=user:admin&action=series.read"), "series.read").stream()
                .anyMatch(r -> String.valueOf(seriesId).equals(r.getString("objectId", ""))), "the PHI read is audited");
    }

    @Test
    void anotherProjectsSeriesIsNotFound() throws Exception {
        ArchiveApi outsider = fixture.user(AdminCalls.unique("seriespage-b-"), List.of("viewer"), fixture.projectB,
                "view-data", "view-phi");

        ArchiveApi.Reply rendered = outsider.get("/api/series/" + seriesId + "/instances/1/rendered");
        assertEquals(404, rendered.status(), rendered.body());
        assertEquals(404, outsider.get("/api/series/" + seriesId + "/instances/1").status());
        String page = outsider.get("/series?id=" + seriesId).body();
        assertTrue(page.contains("id=\"not-found\""), page);
        ScopeFixture.assertHidden(page, subjectUid, "Slices^Sam", "T2 gaps");
    }

    @Test
    void jpegLsObjectsAreRenderedThroughGdcm() throws Exception {
        String patientId = AdminCalls.unique("NA-SERIESPAGE-JLS-");
        Path source = DATA.resolve("seriespage-source").resolve(AdminCalls.unique("jls-"));
        List<Path> compressed = new ArrayList<>();
        for (Path raw : SyntheticSeries.mr().patient(patientId, "Jls^Jo")
                .study(SyntheticSeries.newUid(), "20260602", "100000", "Research (" + fixture.projectA + ")")
                .series(2, "JPEG-LS").size(40, 56).instances(2).writeTo(source.resolve("raw"), "r")) {
            compressed.add(PixelObjects.compressed(raw, "--jpegls", source.resolve("jls-" + raw.getFileName())));
        }
        Incoming.drop(compressed, AdminCalls.unique("seriespage-jls-"));
        assertEquals(202, fixture.api.post("/api/incoming/scan").status());
        long id = fixture.seriesOf(fixture.api.awaitSubject(patientId, ScopeFixture.WITHIN));

        BufferedImage slice = png(get("/api/series/" + id + "/instances/2/rendered"));
        assertEquals(56, slice.getWidth());
        assertEquals(40, slice.getHeight());
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (get("/api/series/" + id + "/thumbnail").statusCode() != 200) {
            assertTrue(System.nanoTime() < deadline, "no thumbnail for the JPEG-LS series");
            Thread.sleep(250);
        }
        assertNotNull(png(get("/api/series/" + id + "/thumbnail")));
    }

    @Test
    void theSeriesPageShowsParametersMissingSlicesAndAnotherSliceOnTheSlider() throws Exception {
        Files.createDirectories(SHOTS);
        browser = Browsers.chromium();
        ScreensIT.logIn(browser, Credentials.ADMIN, Credentials.ADMIN_PASSWORD);
        browser.get(BASE + "/search?subject=" + subjectUid);
        browser.findElement(By.cssSelector("a.na-series-link")).click();
        await(d -> d.getCurrentUrl().contains("/series?id=" + seriesId));

        assertEquals("t1_mprage_sag", browser.findElement(By.id("protocol")).getText());
        assertEquals("128 × 96", browser.findElement(By.id("dimensions")).getText());
        assertTrue(browser.findElement(By.id("parameters")).getText().contains("4000 ms"), "TR shown");
        String validity = browser.findElement(By.id("validity")).getText();
        assertTrue(validity.startsWith("Incomplete: 3 slices missing"), validity);
        assertEquals("3, 5-6", browser.findElement(By.id("missing")).getText());

        await(d -> loadedWidth() > 0 && browser.findElement(By.id("slice-label")).getText().contains("InstanceNumber"));
        String firstSrc = browser.findElement(By.id("slice-image")).getAttribute("src");
        String firstImage = imageData();
        assertTrue(browser.findElement(By.id("slice-label")).getText().startsWith("Slice 2 of 4"), "the middle slice first");
        browser.findElement(By.id("slice-next")).click();
        await(d -> !firstSrc.equals(browser.findElement(By.id("slice-image")).getAttribute("src")) && loadedWidth() > 0);
        await(d -> browser.findElement(By.id("slice-label")).getText().contains("InstanceNumber 4"));
        assertEquals(128, loadedWidth(), "naturalWidth of the rendered slice");
        String secondImage = imageData();
        assertNotEquals(firstImage, secondImage, "another slice shows another image");
        browser.findElement(By.id("slice")).sendKeys(org.openqa.selenium.Keys.END); // the slider, from the keyboard
        await(d -> browser.findElement(By.id("slice-label")).getText().contains("InstanceNumber 7") && loadedWidth() > 0
                && browser.findElement(By.id("slice-image")).getAttribute("src").contains("/instances/4/"));
        await(d -> !secondImage.equals(imageData()));
        Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), SHOTS.resolve("series-page.png"),
                StandardCopyOption.REPLACE_EXISTING);
        List<LogEntry> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
        assertEquals(List.of(), errors.stream().map(LogEntry::getMessage).toList(), "no console errors");
    }

    private static long loadedWidth() {
        Object width = ((JavascriptExecutor) browser).executeScript(
                "var i = document.getElementById('slice-image'); return i.complete ? i.naturalWidth : 0;");
        return ((Number) width).longValue();
    }

    /** The shown image's pixels, drawn into a canvas (same origin), as a data URL. */
    private static String imageData() {
        return (String) ((JavascriptExecutor) browser).executeScript("var i = document.getElementById('slice-image');"
                + "var c = document.createElement('canvas'); c.width = i.naturalWidth; c.height = i.naturalHeight;"
                + "c.getContext('2d').drawImage(i, 0, 0); return c.toDataURL();");
    }

    private static void await(java.util.function.Function<WebDriver, Boolean> condition) {
        new WebDriverWait(browser, Duration.ofSeconds(30), Duration.ofMillis(200)).until(condition::apply);
    }

    private static HttpResponse<byte[]> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(Credentials.asAdmin(HttpRequest.newBuilder(URI.create(BASE + path))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static BufferedImage png(HttpResponse<byte[]> response) throws Exception {
        assertEquals(200, response.statusCode(), new String(response.body()));
        assertEquals("image/png", response.headers().firstValue("Content-Type").orElse(""));
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(response.body()));
        assertNotNull(image, "ImageIO decodes the PNG");
        return image;
    }

    private static List<Integer> pixels(BufferedImage image) {
        List<Integer> values = new ArrayList<>();
        for (int x = 0; x < image.getWidth(); x += 7) {
            values.add(image.getRGB(x, image.getHeight() / 2));
        }
        return values;
    }

    private static void assertProblem(int status, HttpResponse<byte[]> response, String detail) {
        String body = new String(response.body());
        assertEquals(status, response.statusCode(), body);
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), body);
        assertTrue(body.contains(detail), body);
    }
}

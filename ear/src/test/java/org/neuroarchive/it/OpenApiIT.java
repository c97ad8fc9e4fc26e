package org.neuroarchive.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.neuroarchive.client.ApiClient;
import org.neuroarchive.client.ApiException;
import org.neuroarchive.client.api.DefaultApi;
import org.neuroarchive.client.model.Detail;
import org.neuroarchive.client.model.ImportCreated;
import org.neuroarchive.client.model.Series;
import org.neuroarchive.client.model.ServerPathImport;
import org.neuroarchive.client.model.Subject;
import org.neuroarchive.testing.SyntheticSeries;

/**
 * {@code /neuroarchive/api/openapi}: the document the build generated (the web module's classes jar holds
 * it, as the WAR does), served to any logged-in caller and to nobody else; and a Java client generated
 * from it at build time (ear/pom.xml, openapi-generator, library native) that creates an individual
 * import and reads its tree, with nothing but the document to go by.
 */
@ExtendWith(ArquillianExtension.class)
class OpenApiIT {

    private static final Duration WITHIN = Duration.ofSeconds(90);
    private static final Set<String> FINAL = Set.of("parsingerror", "archivecomplete", "archiveerror", "cancelled");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Incoming.builtEar();
    }

    @Test
    void servesTheBuiltDocumentToALoggedInCaller() throws Exception {
        HttpResponse<byte[]> json = get("/api/openapi", null, true);
        assertEquals(200, json.statusCode());
        assertTrue(json.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), json.headers().toString());
        assertArrayEquals(built("/openapi/openapi.json"), json.body(), "the same document as the build made");
        assertTrue(java.util.regex.Pattern.compile("\"openapi\"\\s*:\\s*\"3\\.1\\.").matcher(new String(json.body(), java.nio.charset.StandardCharsets.UTF_8)).find(),
                "an OpenAPI 3.1 document");

        HttpResponse<byte[]> vendor = get("/api/openapi", "application/vnd.oai.openapi+json", true);
        assertArrayEquals(built("/openapi/openapi.json"), vendor.body());

        for (HttpResponse<byte[]> yaml : List.of(get("/api/openapi?format=yaml", null, true),
                get("/api/openapi", "application/yaml", true))) {
            assertEquals(200, yaml.statusCode());
            assertTrue(yaml.headers().firstValue("Content-Type").orElse("").startsWith("application/yaml"));
            assertArrayEquals(built("/openapi/openapi.yaml"), yaml.body(), "the YAML the build made");
        }

        HttpResponse<byte[]> unknown = get("/api/openapi?format=xml", null, true);
        assertEquals(400, unknown.statusCode());
        assertTrue(unknown.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
    }

    @Test
    void refusesAnonymousCallers() throws Exception {
        HttpResponse<byte[]> anonymous = get("/api/openapi", null, false);
        assertEquals(401, anonymous.statusCode());
        assertTrue(anonymous.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
    }

    @Test
    void aGeneratedClientCreatesAnImportAndReadsItsTree() throws Exception {
        Path source = IndividualImportIT.ROOTS.resolve("openapi-client");
        SyntheticSeries study = SyntheticSeries.mr().patient("NA-OPENAPI-1", "Client^Carla")
                .study(SyntheticSeries.newUid(), "20260501", "093000", "Research");
        study.series(1, "T1").instances(3).writeTo(source.resolve("s1"), "a");
        study.series(2, "T2").instances(2).writeTo(source.resolve("s2"), "b");

        ApiClient client = new ApiClient();
        client.updateBaseUri(ArchiveApi.arquillianBaseUrl());
        client.setRequestInterceptor(request -> request.header("Authorization",
                Credentials.basic(Credentials.ADMIN, Credentials.ADMIN_PASSWORD)));
        DefaultApi api = new DefaultApi(client);

        ImportCreated created = api.createImport(new ServerPathImport().sourcePath(source.toString()).modality("MR"));
        assertNotNull(created.getId());
        Detail tree = awaitParse(api, created.getId());

        assertEquals(5, tree.getFileCount(), tree.toString());
        assertEquals(1, tree.getSubjects().size(), tree.toString());
        Subject subject = tree.getSubjects().get(0);
        assertEquals("NA-OPENAPI-1", subject.getPatientId());
        assertEquals(1, subject.getStudies().size());
        List<Series> series = subject.getStudies().get(0).getSeries();
        assertEquals(List.of(1, 2), series.stream().map(Series::getSeriesNumber).toList());
        assertEquals(List.of(3, 2), series.stream().map(Series::getFileCount).toList());
        assertTrue(series.stream().allMatch(s -> Boolean.TRUE.equals(s.getSelected())), "MR series are selected by default");
        assertNotNull(tree.getCreatedAt(), "local date and time, read as the document describes it");

        ApiException missing = org.junit.jupiter.api.Assertions.assertThrows(ApiException.class,
                () -> api.importResourceDetail(Long.MAX_VALUE));
        assertEquals(404, missing.getCode());
        assertTrue(missing.getResponseBody().contains("\"status\""), "a problem document: " + missing.getResponseBody());
    }

    private static Detail awaitParse(DefaultApi api, long id) throws ApiException, InterruptedException {
        long deadline = System.nanoTime() + WITHIN.toNanos();
        Detail last = api.importResourceDetail(id);
        while (!"parsingcomplete".equals(last.getStatus())) {
            if (FINAL.contains(last.getStatus()) || System.nanoTime() > deadline) {
                throw new AssertionError("import " + id + " was not parsed: " + last);
            }
            Thread.sleep(200);
            last = api.importResourceDetail(id);
        }
        return last;
    }

    private HttpResponse<byte[]> get(String path, String accept, boolean loggedIn) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(ArchiveApi.arquillianBaseUrl() + path))
                .timeout(Duration.ofSeconds(30)).GET();
        if (accept != null) {
            request.header("Accept", accept);
        }
        if (loggedIn) {
            Credentials.asAdmin(request);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** The document as the build generated it: the web module's classes jar is on the test class path. */
    private static byte[] built(String name) throws IOException {
        try (InputStream in = OpenApiIT.class.getResourceAsStream(name)) {
            assertNotNull(in, name + " is not on the test class path");
            return in.readAllBytes();
        }
    }
}

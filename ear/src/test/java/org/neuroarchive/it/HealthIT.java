package org.neuroarchive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Readiness and liveness for load balancers: answered without a login, 200 with every check up on a
 * running server, naming the checks and nothing else. (Their 503 during a broker or database outage
 * is checked by {@link OutageIT}.)
 */
@ExtendWith(ArquillianExtension.class)
class HealthIT {

    private static final String BASE = ArchiveApi.arquillianBaseUrl();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Incoming.builtEar();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(BASE + path)).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aRunningServerIsReadyWithEveryCheckUpWithoutALogin() throws Exception {
        HttpResponse<String> ready = get("/api/health/ready");
        assertEquals(200, ready.statusCode(), ready.body());
        assertTrue(ready.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertEquals("no-store", ready.headers().firstValue("Cache-Control").orElse(""));
        JsonObject report = Json.createReader(new StringReader(ready.body())).readObject();
        assertEquals("UP", report.getString("status"));
        List<String> names = report.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .map(check -> check.getString("name") + "=" + check.getString("status")).toList();
        assertEquals(List.of("startup=UP", "database=UP", "broker=UP", "incomingdir=UP", "archivedir=UP", "free-space=UP",
                "receiver=UP"), names);
        assertFalse(ready.body().contains("/"), "no path or address in the answer: " + ready.body());
    }

    @Test
    void aRunningServerIsAliveWithoutALogin() throws Exception {
        HttpResponse<String> live = get("/api/health/live");
        assertEquals(200, live.statusCode(), live.body());
        assertEquals("{\"status\":\"UP\",\"checks\":[{\"name\":\"deadlocks\",\"status\":\"UP\"}]}", live.body());
    }

    @Test
    void onlyTheTwoHealthAddressesAreOpen() throws Exception {
        assertEquals(401, get("/api/health").statusCode());
        assertEquals(401, get("/api/health/details").statusCode());
        HttpResponse<String> post = http.send(HttpRequest.newBuilder(URI.create(BASE + "/api/health/ready"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(post.statusCode() == 405 || post.statusCode() == 403, "a POST changes nothing: " + post.statusCode());
    }
}

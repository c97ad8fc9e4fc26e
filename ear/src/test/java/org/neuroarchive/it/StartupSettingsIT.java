package org.neuroarchive.it;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * Settings are read once, at start-up: a value that cannot work stops the deployment with a sentence
 * naming the key, its environment variable and the range, instead of being clamped or failing later;
 * a key under its old name still works and the log says its new name. A WildFly of its own at
 * {@code it.port.offset} + 55.
 */
class StartupSettingsIT {

    @AutoClose
    private final OwnServer own = new OwnServer("settings", Integer.getInteger("it.port.offset", 100) + 55);

    @Test
    void aValueThatCannotWorkStopsTheDeploymentWithItsKeyAndRange() throws Exception {
        own.server.environment("NEUROARCHIVE_IMPORT_MAX_ATTEMPTS", "0").environment("NEUROARCHIVE_IMPORT_MAX_FILES", "500");
        own.backends.attach(own.server, false);
        own.server.prepare(Path.of(System.getProperty("neuroarchive.it.ear")));
        own.wildfly().launch();

        String output = own.wildfly().awaitOutput("NeuroArchive does not start", Duration.ofSeconds(180));
        output = own.wildfly().awaitOutput("WFLYSRV0026", Duration.ofSeconds(120)); // booted, with the failed deployment
        assertTrue(output.contains("NeuroArchive does not start: neuroarchive.import.max-attempts=0 "
                + "(env NEUROARCHIVE_IMPORT_MAX_ATTEMPTS) is not a whole number between 1 and 100"), output);
        assertTrue(output.contains("neuroarchive.import.max-files (env NEUROARCHIVE_IMPORT_MAX_FILES) is deprecated: name it "
                + "neuroarchive.individual.max-files (env NEUROARCHIVE_INDIVIDUAL_MAX_FILES)"), output);
        assertNotEquals(200, status(own.server.baseUrl() + "/api/stats"), "the application is not deployed");
    }

    private static int status(String url) throws InterruptedException {
        try {
            return HttpClient.newHttpClient().send(Credentials.asAdmin(HttpRequest.newBuilder(URI.create(url))).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException refused) {
            return -1;
        }
    }
}

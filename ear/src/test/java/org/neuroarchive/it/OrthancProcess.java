package org.neuroarchive.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A private Orthanc (Debian's {@code orthanc} with its {@code orthanc-dicomweb} plugin) as the DICOMweb client
 * the project did not write: its own configuration, storage and log in {@code dir}, HTTP on 18000 + the port
 * offset, DICOM on 14000 + the offset, and one DICOMweb server {@code neuroarchive} (the archive under test, as
 * the administrator).
 */
final class OrthancProcess implements AutoCloseable {

    private static final String PLUGIN = "/usr/share/orthanc/plugins/libOrthancDicomWeb.so";

    private final Path dir;
    private final int httpPort;
    private final int dicomPort;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Process process;

    OrthancProcess(Path dir, int portOffset) {
        this.dir = dir;
        this.httpPort = 18000 + portOffset;
        this.dicomPort = 14000 + portOffset;
    }

    /** Starts Orthanc with the archive at {@code archiveDicomWebUrl} as its DICOMweb server {@code neuroarchive}. */
    void start(String archiveDicomWebUrl, String user, String password) throws IOException, InterruptedException {
        ServerProcess.deleteTree(dir);
        Files.createDirectories(dir.resolve("storage"));
        Path config = dir.resolve("orthanc.json");
        Files.writeString(config, """
                {
                  "Name": "NEUROARCHIVE-IT",
                  "StorageDirectory": "%1$s",
                  "IndexDirectory": "%1$s",
                  "HttpPort": %2$d,
                  "DicomPort": %3$d,
                  "DicomAet": "ORTHANC_IT",
                  "RemoteAccessAllowed": false,
                  "AuthenticationEnabled": false,
                  "HttpTimeout": 60,
                  "Plugins": ["%4$s"],
                  "DicomWeb": {
                    "Enable": true,
                    "Root": "/dicom-web/",
                    "Servers": {
                      "neuroarchive": {"Url": "%5$s", "Username": "%6$s", "Password": "%7$s"}
                    }
                  }
                }
                """.formatted(dir.resolve("storage"), httpPort, dicomPort, PLUGIN, archiveDicomWebUrl, user, password));
        ProcessBuilder builder = new ProcessBuilder("Orthanc", config.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("orthanc.log").toFile()));
        process = builder.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Orthanc exited while starting; see " + dir.resolve("orthanc.log"));
            }
            try {
                if (get("/system").statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("Orthanc did not answer on " + httpPort + " within 60 s; see " + dir.resolve("orthanc.log"));
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    byte[] bytes(String path) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new AssertionError("Orthanc GET " + path + " → " + response.statusCode());
        }
        return response.body();
    }

    HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(120))
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    Path log() {
        return dir.resolve("orthanc.log");
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
            process = null;
        }
    }
}

package org.neuroarchive.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Debian's Orthanc with its DICOMweb plugin, the DICOMweb client the project did not write, as a test's
 * own process: a private configuration (HTTP on 18000 + the IT port offset, DICOM on 14000 + the offset,
 * storage and index in a folder of the test, no authentication, loopback only) that lists NeuroArchive
 * as the DICOMweb server {@code neuroarchive}. Its REST API is called with java.net.http. Both packages
 * are prerequisites of the build ({@code .mvn/ensure-prerequisites.sh}): missing, the test fails.
 */
final class OrthancProcess implements AutoCloseable {

    static final Path BINARY = Path.of("/usr/sbin/Orthanc");
    static final Path DICOMWEB_PLUGIN = Path.of("/usr/share/orthanc/plugins/libOrthancDicomWeb.so");

    private final Path folder;
    private final int httpPort;
    private final int dicomPort;
    /** HTTP/1.1 without keep-alive on Orthanc's side: no stale connection is ever reused. */
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private Process process;

    /** One Orthanc per test class at a time: {@code folder} is its own, the ports follow {@code it.port.offset}. */
    OrthancProcess(Path folder) {
        this.folder = folder;
        int offset = Integer.getInteger("it.port.offset", 100);
        this.httpPort = 18000 + offset;
        this.dicomPort = 14000 + offset;
    }

    /**
     * Starts Orthanc with empty storage and NeuroArchive's DICOMweb root ({@code dicomwebUrl}, ending in
     * {@code /}) as the server {@code neuroarchive}, and waits until its REST API answers.
     */
    void start(String dicomwebUrl, String username, String password) throws IOException, InterruptedException {
        if (!Files.isExecutable(BINARY) || !Files.isReadable(DICOMWEB_PLUGIN)) {
            throw new IllegalStateException("Orthanc and its DICOMweb plugin are needed: apt-get install orthanc orthanc-dicomweb");
        }
        ServerProcess.deleteTree(folder);
        Files.createDirectories(folder.resolve("storage"));
        JsonObject config = Json.createObjectBuilder()
                .add("Name", "neuroarchive-it")
                .add("StorageDirectory", folder.resolve("storage").toString())
                .add("IndexDirectory", folder.resolve("storage").toString())
                .add("HttpPort", httpPort).add("DicomPort", dicomPort).add("DicomAet", "ORTHANC-IT")
                .add("RemoteAccessAllowed", false).add("AuthenticationEnabled", false).add("KeepAlive", false)
                .add("Plugins", Json.createArrayBuilder().add(DICOMWEB_PLUGIN.toString()))
                .add("DicomWeb", Json.createObjectBuilder().add("Enable", true).add("Root", "/dicom-web/")
                        .add("Servers", Json.createObjectBuilder().add("neuroarchive", Json.createObjectBuilder()
                                .add("Url", dicomwebUrl).add("Username", username).add("Password", password))))
                .build();
        Path file = folder.resolve("orthanc.json");
        Files.writeString(file, config.toString());
        ProcessBuilder builder = new ProcessBuilder(BINARY.toString(), file.toString());
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()));
        process = builder.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Orthanc exited while starting; see " + log());
            }
            try {
                if (get("/system").statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("Orthanc did not answer on " + httpPort + " within 60 s; see " + log());
    }

    /** Uploads one DICOM file ({@code POST /instances}); answers Orthanc's reply (ID, ParentStudy…). */
    JsonObject upload(Path dicom) throws IOException, InterruptedException {
        HttpResponse<String> reply = http.send(request("/instances").header("Content-Type", "application/dicom")
                .POST(HttpRequest.BodyPublishers.ofFile(dicom)).build(), HttpResponse.BodyHandlers.ofString());
        if (reply.statusCode() != 200) {
            throw new IllegalStateException("Orthanc refused " + dicom + ": " + reply.statusCode() + " " + reply.body());
        }
        return (JsonObject) json(reply.body());
    }

    /** POSTs {@code json} to {@code path} of Orthanc's REST API; answers status and body. */
    HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return http.send(request(path).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(120)).POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> delete(String path) throws IOException, InterruptedException {
        return http.send(request(path).DELETE().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** GETs {@code path} as bytes; anything but 200 fails the test. */
    byte[] bytes(String path) throws IOException, InterruptedException {
        HttpResponse<byte[]> reply = http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        if (reply.statusCode() != 200) {
            throw new AssertionError("Orthanc GET " + path + " answered " + reply.statusCode());
        }
        return reply.body();
    }

    static JsonStructure json(String text) {
        return Json.createReader(new StringReader(text)).read();
    }

    /** Stops Orthanc (SIGTERM) and waits for it. */
    @Override
    public void close() throws InterruptedException {
        if (process == null) {
            return;
        }
        ServerProcess.stopTree(process, false);
        process = null;
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path)).timeout(Duration.ofSeconds(60));
    }

    Path log() {
        return folder.resolveSibling(folder.getFileName() + ".log");
    }
}

package org.neuroarchive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neuroarchive.it.Incoming.DATA;

import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Request sizes: an ordinary request may carry at most {@code neuroarchive.http.max-request-bytes} (1 MiB),
 * an upload (REST multipart, and the upload of the new-import screen) at most
 * {@code neuroarchive.individual.max-upload-bytes}, which the test server sets (under the key's old name) to {@value #UPLOAD_LIMIT} bytes
 * (ear/pom.xml). A declared length above the limit is refused (413) before the body is sent; a body
 * without a length is cut at the limit, and nothing of it stays.
 */
@ExtendWith(ArquillianExtension.class)
class RequestLimitsIT {

    static final long UPLOAD_LIMIT = 16L << 20;
    private static final long MIB = 1L << 20;

    private final ArchiveApi api = new ArchiveApi();
    /** HTTP/1.1, so that "Expect: 100-continue" lets the server refuse before the body is sent. */
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Incoming.builtEar();
    }

    @Test
    void jsonOfTwoMebibytesIs413() throws Exception {
        byte[] json = jsonOf(2 * MIB);
        HttpResponse<String> reply = send(api.request("/api/imports").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json)));
        assertEquals(413, reply.statusCode(), reply.body());
        assertTrue(reply.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), reply.body());
        assertTrue(reply.body().contains("neuroarchive.http.max-request-bytes"), reply.body());
    }

    @Test
    void jsonDeclaredAboveTheLimitIsRefusedBeforeItIsSent() throws Exception {
        String reply = headOnly("/api/imports", "application/json", 2 * MIB);
        assertTrue(reply.startsWith("HTTP/1.1 413"), reply);
        assertTrue(reply.contains("neuroarchive.http.max-request-bytes"), reply);
    }

    @Test
    void jsonWithoutLengthIsCutAtTheLimit() throws Exception {
        int before = imports();
        HttpResponse<String> reply = send(api.request("/api/imports").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(jsonOf(2 * MIB)))));
        assertEquals(413, reply.statusCode(), reply.body());
        assertEquals(before, imports(), "no import created");
    }

    @Test
    void smallJsonStillWorks() throws Exception {
        // a path outside the allowed roots: refused for that reason, not for its size
        ArchiveApi.Reply reply = api.postJson("/api/imports", "{\"sourcePath\":\"/etc\"}");
        assertTrue(reply.status() == 400 || reply.status() == 403, reply.body());
    }

    @Test
    void formWithoutLengthIs411() throws Exception {
        HttpResponse<String> reply = send(api.request("/imports/new").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream("a=b".getBytes(StandardCharsets.US_ASCII)))));
        assertEquals(411, reply.statusCode(), reply.body());
    }

    @Test
    void uploadWithinTheUploadLimitButAboveTheRequestLimitIsAccepted() throws Exception {
        Multipart upload = new Multipart(3 * MIB);
        HttpResponse<String> reply = send(api.request("/api/imports").header("Content-Type", upload.type())
                .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(upload::stream), upload.length())));
        assertEquals(201, reply.statusCode(), reply.body());
    }

    @Test
    void uploadDeclaredAboveTheUploadLimitIsRefusedBeforeItIsSent() throws Exception {
        int before = imports();
        Multipart upload = new Multipart(UPLOAD_LIMIT + 2 * MIB);
        String reply = headOnly("/api/imports", upload.type(), upload.length());
        assertTrue(reply.startsWith("HTTP/1.1 413"), reply);
        assertTrue(reply.contains("neuroarchive.individual.max-upload-bytes"), reply);
        assertEquals(before, imports(), "no import created");
    }

    @Test
    void uploadWithoutLengthAboveTheUploadLimitIsRefusedAndLeavesNothing() throws Exception {
        Multipart upload = new Multipart(UPLOAD_LIMIT + 2 * MIB);
        HttpResponse<String> reply = send(api.request("/api/imports").header("Content-Type", upload.type())
                .POST(HttpRequest.BodyPublishers.ofInputStream(upload::stream)));
        assertTrue(reply.statusCode() == 400 || reply.statusCode() == 413, reply.statusCode() + " " + reply.body());
        assertTrue(reply.body().contains("max-upload-bytes"), reply.body());
        // the import the upload had started is marked failed, and its staging folder is gone
        JsonObject latest = api.get("/api/imports?limit=1").json().asJsonArray().getJsonObject(0);
        assertEquals("uploaderror", latest.getString("status"), latest.toString());
        assertFalse(java.nio.file.Files.exists(DATA.resolve("staging/import-" + latest.getJsonNumber("id").longValue())));
    }

    @Test
    void screenUploadDeclaredAboveTheUploadLimitIs413() throws Exception {
        Multipart upload = new Multipart(UPLOAD_LIMIT + 2 * MIB);
        String reply = headOnly("/imports/new", upload.type(), upload.length());
        assertTrue(reply.startsWith("HTTP/1.1 413"), reply);
    }

    @Test
    void loginFormAboveTheLimitIs413() throws Exception {
        HttpResponse<String> reply = send(HttpRequest.newBuilder(java.net.URI.create(ArchiveApi.arquillianBaseUrl() + "/auth/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofByteArray(("username=admin&password=" + "x".repeat((int) (2 * MIB)))
                        .getBytes(StandardCharsets.US_ASCII))));
        assertEquals(413, reply.statusCode(), reply.body());
    }

    /**
     * A POST of which only the head is sent, declaring {@code length} bytes and waiting for the server's
     * "100 Continue" (the JDK 17 client waits for ever when a final answer comes instead): the answer the
     * server gives without the body, head and body as text.
     */
    static String headOnly(String path, String contentType, long length) throws IOException {
        java.net.URI base = java.net.URI.create(ArchiveApi.arquillianBaseUrl());
        try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            String head = "POST " + base.getPath() + path + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                    + "\r\nAuthorization: " + Credentials.basic(Credentials.ADMIN, Credentials.ADMIN_PASSWORD)
                    + "\r\nContent-Type: " + contentType + "\r\nContent-Length: " + length
                    + "\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private int imports() throws IOException, InterruptedException {
        return api.get("/api/imports?limit=1000").json().asJsonArray().size();
    }

    /** A JSON document of about {@code size} bytes: an import request with long notes. */
    private static byte[] jsonOf(long size) {
        StringBuilder json = new StringBuilder("{\"sourcePath\":\"/nowhere\",\"notes\":\"");
        while (json.length() < size) {
            json.append("0123456789abcdef");
        }
        return json.append("\"}").toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** A multipart upload: the options, then one file of {@code size} pseudo-random bytes, streamed. */
    private static final class Multipart {

        private final String boundary = "----neuroarchive-limits-" + System.nanoTime();
        private final byte[] head;
        private final byte[] tail;
        private final long size;

        Multipart(long size) {
            this.size = size;
            this.head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"options\"\r\nContent-Type: application/json\r\n\r\n"
                    + "{\"notes\":\"request limits\"}\r\n--" + boundary
                    + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.bin\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII);
            this.tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        }

        String type() {
            return "multipart/form-data; boundary=" + boundary;
        }

        long length() {
            return head.length + size + tail.length;
        }

        InputStream stream() {
            Supplier<InputStream> noise = () -> new NoiseStream(size);
            return new SequenceInputStream(java.util.Collections.enumeration(List.of(new ByteArrayInputStream(head), noise.get(),
                    new ByteArrayInputStream(tail))));
        }
    }

    /** {@code size} bytes that never contain a multipart boundary (no dashes, no line breaks). */
    private static final class NoiseStream extends InputStream {

        private final Random random = new Random(12);
        private long left;

        NoiseStream(long size) {
            this.left = size;
        }

        @Override
        public int read() {
            if (left <= 0) {
                return -1;
            }
            left--;
            return 'A' + random.nextInt(26);
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (left <= 0) {
                return -1;
            }
            int n = (int) Math.min(length, left);
            for (int i = 0; i < n; i++) {
                buffer[offset + i] = (byte) ('A' + random.nextInt(26));
            }
            left -= n;
            return n;
        }
    }
}

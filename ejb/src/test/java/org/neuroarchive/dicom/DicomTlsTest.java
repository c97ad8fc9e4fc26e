package org.neuroarchive.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroarchive.testing.SyntheticSeries;

/**
 * DICOM TLS with dcmtk's {@code storescu +tls} (Debian builds it with OpenSSL) as the client: keys and
 * certificates made here with {@code keytool} (the server's PKCS#12 key store, and a trust store with the
 * scanner's certificate) and {@code openssl} (the scanner's key and certificate, PEM for dcmtk).
 */
class DicomTlsTest {

    private static final char[] PASSWORD = "changeit-test".toCharArray();

    @TempDir
    Path dir;

    private Path keystore;
    private Path serverCertificate;
    private Path truststore;
    private Path clientKey;
    private Path clientCertificate;
    private ListenerFixture rx;

    @BeforeEach
    void keys() throws Exception {
        keystore = dir.resolve("server.p12");
        serverCertificate = dir.resolve("server.pem");
        truststore = dir.resolve("trust.p12");
        clientKey = dir.resolve("scanner.key");
        clientCertificate = dir.resolve("scanner.pem");
        String password = new String(PASSWORD);
        tool("keytool", "-genkeypair", "-alias", "neuroarchive", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", password, "-keypass", password);
        tool("keytool", "-exportcert", "-rfc", "-alias", "neuroarchive", "-keystore", keystore.toString(), "-storepass",
                password, "-file", serverCertificate.toString());
        tool("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=scanner1",
                "-keyout", clientKey.toString(), "-out", clientCertificate.toString());
        tool("keytool", "-importcert", "-noprompt", "-alias", "scanner1", "-file", clientCertificate.toString(),
                "-storetype", "PKCS12", "-keystore", truststore.toString(), "-storepass", password);
    }

    @AfterEach
    void close() {
        if (rx != null) {
            rx.close();
        }
    }

    @Test
    void storesOverTlsWithATrustedClientCertificateOnly() throws Exception {
        rx = new ListenerFixture(dir).listen(ListenerSettings.loopback("NEUROARCHIVE", 0)
                .withTls(new TlsSettings(0, true, keystore, PASSWORD, truststore, PASSWORD)));
        assertEquals(-1, rx.listener.port(), "TLS required: no plain port");
        int port = rx.listener.tlsPort();
        List<Path> files = SyntheticSeries.mr().series(1, "tls").instances(3).writeTo(dir.resolve("src"), "t");

        ListenerFixture.Result trusted = ListenerFixture.run(storescu(port, files, "+tls", clientKey.toString(),
                clientCertificate.toString(), "+cf", serverCertificate.toString()));
        assertEquals(0, trusted.exitCode(), trusted.output());
        rx.awaitEnded(1);
        assertEquals(3, rx.received.size());
        assertTrue(rx.ended.get(0).association().tls());

        ListenerFixture.Result anonymous = ListenerFixture.run(storescu(port, files, "+tla", "+cf", serverCertificate.toString()));
        assertNotEquals(0, anonymous.exitCode(), "no client certificate: " + anonymous.output());
        ListenerFixture.Result plain = ListenerFixture.run(storescu(port, files));
        assertNotEquals(0, plain.exitCode(), "plain DICOM on the TLS port: " + plain.output());
        rx.awaitRefusals(2);
        assertTrue(rx.refusals.stream().allMatch(r -> r.reason() == Refusal.Reason.TLS), rx.refusals.toString());
        assertEquals(3, rx.received.size(), "nothing more was stored");
    }

    @Test
    void tlsBesideThePlainPortWithoutClientCertificates() throws Exception {
        rx = new ListenerFixture(dir).listen(ListenerSettings.loopback("NEUROARCHIVE", 0)
                .withTls(new TlsSettings(0, false, keystore, PASSWORD, null, null)));
        List<Path> files = SyntheticSeries.mr().series(2, "both").instances(2).writeTo(dir.resolve("src"), "b");
        ListenerFixture.Result secure = ListenerFixture.run(storescu(rx.listener.tlsPort(), files, "+tla", "+cf",
                serverCertificate.toString()));
        assertEquals(0, secure.exitCode(), secure.output());
        assertEquals(0, rx.storescu(List.of(), files).exitCode());
        rx.awaitEnded(2);
        assertEquals(4, rx.received.size());
        assertEquals(1, rx.ended.stream().filter(e -> e.association().tls()).count());
    }

    private static List<String> storescu(int port, List<Path> files, String... options) {
        List<String> command = new ArrayList<>(List.of("storescu", "-aet", "SCANNER1", "-aec", "NEUROARCHIVE", "-to", "20",
                "-ta", "20", "-td", "20"));
        command.addAll(List.of(options));
        command.add("127.0.0.1");
        command.add(Integer.toString(port));
        files.forEach(f -> command.add(f.toString()));
        return command;
    }

    private static void tool(String... command) throws Exception {
        ListenerFixture.Result result = ListenerFixture.run(List.of(command));
        assertEquals(0, result.exitCode(), String.join(" ", command) + ": " + result.output());
    }
}

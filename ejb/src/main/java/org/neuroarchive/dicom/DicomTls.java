package org.neuroarchive.dicom;

import java.io.IOException;
import java.net.ServerSocket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * The TLS server socket of the receiver: the key store's key and certificate, TLS 1.3 and 1.2 only
 * (as BCP 195, which DICOM's current secure transport profiles follow), and a client certificate
 * required when a trust store is configured.
 */
final class DicomTls {

    private static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

    private DicomTls() {
    }

    static ServerSocket serverSocket(TlsSettings tls) throws IOException {
        try {
            KeyStore keys = KeyStore.getInstance(tls.keystore().toFile(), tls.keystorePassword());
            KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(keys, tls.keystorePassword());
            TrustManager[] trust = null;
            if (tls.clientCertificates()) {
                KeyStore trusted = KeyStore.getInstance(tls.truststore().toFile(), tls.truststorePassword());
                TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                trustManagers.init(trusted);
                trust = trustManagers.getTrustManagers();
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers.getKeyManagers(), trust, null);
            SSLServerSocket server = (SSLServerSocket) context.getServerSocketFactory().createServerSocket();
            server.setEnabledProtocols(Arrays.stream(server.getSupportedProtocols()).filter(PROTOCOLS::contains)
                    .toArray(String[]::new));
            server.setNeedClientAuth(tls.clientCertificates());
            return server;
        } catch (GeneralSecurityException | IOException e) {
            throw new IOException("DICOM TLS cannot use key store " + tls.keystore()
                    + (tls.clientCertificates() ? " or trust store " + tls.truststore() : "") + ": " + e.getMessage(), e);
        }
    }
}

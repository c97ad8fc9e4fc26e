package org.neuroarchive.dicom;

import java.nio.file.Path;

/**
 * DICOM TLS (the secure transport connection profiles of PS3.15 appendix B) on a port of its own
 * (2762 is the registered one): the server's key store (PKCS#12 or JKS, one password for the store and
 * its key) and optionally a trust store, which makes a client certificate it trusts mandatory.
 * {@code required}: no plain listener besides it.
 */
public record TlsSettings(int port, boolean required, Path keystore, char[] keystorePassword, Path truststore,
                          char[] truststorePassword) {

    public TlsSettings {
        if (keystore == null) {
            throw new IllegalArgumentException("TLS needs a key store");
        }
        keystorePassword = keystorePassword == null ? new char[0] : keystorePassword.clone();
        truststorePassword = truststorePassword == null ? new char[0] : truststorePassword.clone();
    }

    public boolean clientCertificates() {
        return truststore != null;
    }

    @Override
    public String toString() {
        return "TLS on port " + port + " with " + keystore + (truststore == null ? "" : ", client certificates from " + truststore);
    }
}

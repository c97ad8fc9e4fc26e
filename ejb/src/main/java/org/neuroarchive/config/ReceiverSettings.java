package org.neuroarchive.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The DICOM receiver (C-STORE SCP), env {@code NEUROARCHIVE_DICOM_*}: port (11112 by default; 104 is
 * the standard port in production), AE title, the address it listens on (loopback by default), the
 * peers allowed to store, its limits, and optional DICOM TLS. The values are checked when the receiver
 * starts ({@code org.neuroarchive.receiver.control.ReceiverConfiguration}).
 */
@ApplicationScoped
public class ReceiverSettings {

    private static final String PREFIX = "neuroarchive.dicom.";

    @Inject
    @ConfigProperty(name = "neuroarchive.dicom.enabled", defaultValue = "true")
    boolean enabled = true;

    @Inject
    @ConfigProperty(name = "neuroarchive.dicom.port", defaultValue = "11112")
    int port = 11112;

    @Inject
    @ConfigProperty(name = "neuroarchive.dicom.aet", defaultValue = "NEUROARCHIVE")
    String aet = "NEUROARCHIVE";

    @Inject
    @ConfigProperty(name = "neuroarchive.dicom.bind-address", defaultValue = "127.0.0.1")
    String bindAddress = "127.0.0.1";

    /** Comma-separated {@code AE@address[/prefix][=costcenter]}; unset: loopback peers on a loopback address, else nobody. */
    @Inject
    @ConfigProperty(name = "neuroarchive.dicom.peers")
    Optional<String> peers = Optional.empty();

    /** No longer read: when set, the receiver does not start and says to list the peers instead. */
    @Inject
    @ConfigProperty(name = "neuroarchive.dicom.allowed-calling-aets")
    Optional<String> allowedCallingAets = Optional.empty();

    @Inject
    @ConfigProperty(name = "neuroarchive.dicom.max-associations", defaultValue = "20")
    int maxAssociations = 20;

    @Inject
    @ConfigProperty(name = "neuroarchive.dicom.max-associations-per-address", defaultValue = "10")
    int maxAssociationsPerAddress = 10;

    @Inject
    @ConfigProperty(name = "neuroarchive.dicom.read-timeout-seconds", defaultValue = "60")
    int readTimeoutSeconds = 60;

    @Inject
    @ConfigProperty(name = "neuroarchive.dicom.max-pdu-length", defaultValue = "65536")
    int maxPduLength = 65536;

    @Inject
    @ConfigProperty(name = "neuroarchive.dicom.max-object-bytes", defaultValue = "2147483648")
    long maxObjectBytes = 2147483648L;

    @Inject
    @ConfigProperty(name = "neuroarchive.dicom.min-free-bytes", defaultValue = "1073741824")
    long minFreeBytes = 1073741824L;

    @Inject
    @ConfigProperty(name = "neuroarchive.dicom.tls.keystore")
    Optional<String> tlsKeystore = Optional.empty();

    @Inject
    @ConfigProperty(name = "neuroarchive.dicom.tls.keystore-password")
    Optional<String> tlsKeystorePassword = Optional.empty();

    @Inject
    @ConfigProperty(name = "neuroarchive.dicom.tls.truststore")
    Optional<String> tlsTruststore = Optional.empty();

    @Inject
    @ConfigProperty(name = "neuroarchive.dicom.tls.truststore-password")
    Optional<String> tlsTruststorePassword = Optional.empty();

    @Inject
    @ConfigProperty(name = "neuroarchive.dicom.tls.port", defaultValue = "2762")
    int tlsPort = 2762;

    @Inject
    @ConfigProperty(name = "neuroarchive.dicom.tls.required", defaultValue = "false")
    boolean tlsRequired;

    /** For CDI: the values come from the configuration. */
    public ReceiverSettings() {
    }

    /**
     * The defaults with these values by configuration key (tests and tools), e.g.
     * {@code Map.of("neuroarchive.dicom.port", "0")}; an unknown key is refused.
     */
    public static ReceiverSettings of(Map<String, String> values) {
        ReceiverSettings settings = new ReceiverSettings();
        values.forEach(settings::set);
        return settings;
    }

    private void set(String key, String value) {
        switch (key.substring(key.startsWith(PREFIX) ? PREFIX.length() : 0)) {
            case "enabled" -> enabled = Boolean.parseBoolean(value);
            case "port" -> port = Integer.parseInt(value);
            case "aet" -> aet = value;
            case "bind-address" -> bindAddress = value;
            case "peers" -> peers = Optional.of(value);
            case "allowed-calling-aets" -> allowedCallingAets = Optional.of(value);
            case "max-associations" -> maxAssociations = Integer.parseInt(value);
            case "max-associations-per-address" -> maxAssociationsPerAddress = Integer.parseInt(value);
            case "read-timeout-seconds" -> readTimeoutSeconds = Integer.parseInt(value);
            case "max-pdu-length" -> maxPduLength = Integer.parseInt(value);
            case "max-object-bytes" -> maxObjectBytes = Long.parseLong(value);
            case "min-free-bytes" -> minFreeBytes = Long.parseLong(value);
            case "tls.keystore" -> tlsKeystore = Optional.of(value);
            case "tls.keystore-password" -> tlsKeystorePassword = Optional.of(value);
            case "tls.truststore" -> tlsTruststore = Optional.of(value);
            case "tls.truststore-password" -> tlsTruststorePassword = Optional.of(value);
            case "tls.port" -> tlsPort = Integer.parseInt(value);
            case "tls.required" -> tlsRequired = Boolean.parseBoolean(value);
            default -> throw new IllegalArgumentException("no receiver setting " + key);
        }
    }

    public boolean enabled() {
        return enabled;
    }

    public int port() {
        return port;
    }

    public String aet() {
        return aet.strip();
    }

    public String bindAddress() {
        return bindAddress.strip();
    }

    public Optional<String> peers() {
        return peers.filter(p -> !p.isBlank());
    }

    /** The value of the retired key, when someone still sets it. */
    public Optional<String> allowedCallingAets() {
        return allowedCallingAets.filter(a -> !a.isBlank());
    }

    public int maxAssociations() {
        return maxAssociations;
    }

    public int maxAssociationsPerAddress() {
        return maxAssociationsPerAddress;
    }

    public int readTimeoutSeconds() {
        return readTimeoutSeconds;
    }

    public int maxPduLength() {
        return maxPduLength;
    }

    public long maxObjectBytes() {
        return maxObjectBytes;
    }

    public long minFreeBytes() {
        return minFreeBytes;
    }

    public Optional<String> tlsKeystore() {
        return tlsKeystore.filter(k -> !k.isBlank());
    }

    public Optional<String> tlsKeystorePassword() {
        return tlsKeystorePassword;
    }

    public Optional<String> tlsTruststore() {
        return tlsTruststore.filter(t -> !t.isBlank());
    }

    public Optional<String> tlsTruststorePassword() {
        return tlsTruststorePassword;
    }

    public int tlsPort() {
        return tlsPort;
    }

    public boolean tlsRequired() {
        return tlsRequired;
    }
}

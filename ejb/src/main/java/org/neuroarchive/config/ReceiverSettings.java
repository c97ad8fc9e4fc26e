package org.neuroarchive.config;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.neuroarchive.dicom.ReceiverLimits;

/**
 * The DICOM receiver (C-STORE SCP), env {@code NEUROARCHIVE_DICOM_*}: port (11112 by default; 104 is
 * the standard port in production), AE title, the address it listens on (loopback by default), the
 * peers allowed to store, its limits, optional DICOM TLS, and how received objects are batched for the
 * import. Each value is read once, at start-up, by
 * the rule of {@link SettingReader}; what depends on the machine or the DICOM syntax (the peers list,
 * the AE title, readable key stores, a free port) is checked when the receiver starts
 * ({@code org.neuroarchive.receiver.control.ReceiverConfiguration}), and stops only the receiver.
 */
@ApplicationScoped
public class ReceiverSettings {

    @Inject
    Config config;

    boolean enabled = true;

    int port = 11112;

    String aet = "NEUROARCHIVE";

    String bindAddress = "127.0.0.1";

    /** Comma-separated {@code AE@address[/prefix][=costcenter]}; unset: loopback peers on a loopback address, else nobody. */
    Optional<String> peers = Optional.empty();

    /** No longer read: when set, the receiver does not start and says to list the peers instead. */
    Optional<String> allowedCallingAets = Optional.empty();

    int maxAssociations = 20;

    int maxAssociationsPerAddress = 10;

    int readTimeoutSeconds = 60;

    int maxPduLength = 65536;

    long maxObjectBytes = 2147483648L;

    long minFreeBytes = 1073741824L;

    Optional<String> tlsKeystore = Optional.empty();

    Optional<String> tlsKeystorePassword = Optional.empty();

    Optional<String> tlsTruststore = Optional.empty();

    Optional<String> tlsTruststorePassword = Optional.empty();

    int tlsPort = 2762;

    boolean tlsRequired;

    /** Received objects handed to the import together at most (a batch of one association). */
    int batchObjects = 1000;

    /** A batch is handed to the import at the latest this long after its first object. */
    int batchSeconds = 2;

    /** For CDI; the defaults (tests). */
    public ReceiverSettings() {
    }

    /**
     * The defaults with these values by configuration key (tests and tools), e.g.
     * {@code Map.of("neuroarchive.dicom.port", "0")}, checked as at start-up.
     */
    public static ReceiverSettings of(Map<String, String> values) {
        return from(SettingReader.of(values));
    }

    /** Settings from these values (tests and tools). */
    public static ReceiverSettings from(SettingReader settings) {
        ReceiverSettings read = new ReceiverSettings();
        read.read(settings);
        return read;
    }

    @PostConstruct
    void load() {
        read(SettingReader.of(config));
    }

    private void read(SettingReader settings) {
        String dicom = "neuroarchive.dicom.";
        enabled = settings.flag(dicom + "enabled", true);
        port = settings.wholeNumber(dicom + "port", 11112, 0, 65535);
        aet = settings.text(dicom + "aet", "NEUROARCHIVE");
        bindAddress = settings.text(dicom + "bind-address", "127.0.0.1");
        peers = settings.text(dicom + "peers");
        allowedCallingAets = settings.text(dicom + "allowed-calling-aets");
        maxAssociations = settings.wholeNumber(dicom + "max-associations", 20, 1, 1000);
        maxAssociationsPerAddress = settings.wholeNumber(dicom + "max-associations-per-address", 10, 1, maxAssociations);
        readTimeoutSeconds = settings.wholeNumber(dicom + "read-timeout-seconds", 60, 1, 3600);
        maxPduLength = settings.wholeNumber(dicom + "max-pdu-length", 65536, ReceiverLimits.MIN_PDU_LENGTH,
                ReceiverLimits.MAX_PDU_LENGTH);
        maxObjectBytes = settings.wholeNumber(dicom + "max-object-bytes", 2147483648L, 1, Long.MAX_VALUE);
        minFreeBytes = settings.wholeNumber(dicom + "min-free-bytes", 1073741824L, 0, Long.MAX_VALUE);
        tlsKeystore = settings.text(dicom + "tls.keystore");
        tlsKeystorePassword = settings.exact(dicom + "tls.keystore-password");
        tlsTruststore = settings.text(dicom + "tls.truststore");
        tlsTruststorePassword = settings.exact(dicom + "tls.truststore-password");
        tlsPort = settings.wholeNumber(dicom + "tls.port", 2762, 0, 65535);
        tlsRequired = settings.flag(dicom + "tls.required", false);
        batchObjects = settings.wholeNumber(dicom + "batch-objects", 1000, 1, 100_000);
        batchSeconds = settings.wholeNumber(dicom + "batch-seconds", 2, 1, 3600);
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

    /** How many objects of one association the import gets in one batch at most. */
    public int batchObjects() {
        return batchObjects;
    }

    /** How long after its first object a batch is handed to the import at the latest. */
    public int batchSeconds() {
        return batchSeconds;
    }
}

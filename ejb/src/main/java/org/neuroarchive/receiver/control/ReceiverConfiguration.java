package org.neuroarchive.receiver.control;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.neuroarchive.config.ReceiverSettings;
import org.neuroarchive.dicom.DicomPeers;
import org.neuroarchive.dicom.ListenerSettings;
import org.neuroarchive.dicom.ReceiverLimits;
import org.neuroarchive.dicom.TlsSettings;

/**
 * The receiver's configuration, checked when it starts: what the listener gets, and what the
 * administrator should read in the log. The values themselves were read and range-checked at start-up
 * ({@link ReceiverSettings}); what depends on the machine or on DICOM's syntax (the peers list, the AE
 * title, readable key stores, the TLS port beside the plain one) and cannot work stops the receiver
 * (not the application) with a message naming the key and its environment variable.
 */
public record ReceiverConfiguration(ListenerSettings listener, List<String> warnings) {

    public ReceiverConfiguration {
        warnings = List.copyOf(warnings);
    }

    /** The settings as the listener takes them; {@link IllegalArgumentException} says what is wrong. */
    public static ReceiverConfiguration of(ReceiverSettings settings) {
        if (settings.allowedCallingAets().isPresent()) {
            throw new IllegalArgumentException("neuroarchive.dicom.allowed-calling-aets (NEUROARCHIVE_DICOM_ALLOWED_CALLING_AETS) is"
                    + " no longer read: list the peers that may store in neuroarchive.dicom.peers (NEUROARCHIVE_DICOM_PEERS) as"
                    + " AE@address[/prefix][=costcenter], e.g. CT1@10.0.0.5,MR3@10.0.4.0/24, and remove the old key");
        }
        List<String> warnings = new ArrayList<>();
        DicomPeers peers = peers(settings, warnings);
        ReceiverLimits limits = limits(settings);
        TlsSettings tls = tls(settings);
        try {
            return new ReceiverConfiguration(new ListenerSettings(settings.aet(), settings.bindAddress(), settings.port(), peers,
                    limits, tls), warnings);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("neuroarchive.dicom.aet (NEUROARCHIVE_DICOM_AET): " + e.getMessage());
        }
    }

    private static DicomPeers peers(ReceiverSettings settings, List<String> warnings) {
        if (settings.peers().isPresent()) {
            try {
                DicomPeers peers = DicomPeers.parse(settings.peers().get());
                warnings.addAll(peers.warnings());
                return peers;
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("neuroarchive.dicom.peers (NEUROARCHIVE_DICOM_PEERS): " + e.getMessage());
            }
        }
        if (loopback(settings.bindAddress())) {
            return DicomPeers.loopback();
        }
        warnings.add("no DICOM peers are listed and the receiver listens on " + settings.bindAddress() + ": every association"
                + " is refused. List the senders in neuroarchive.dicom.peers (NEUROARCHIVE_DICOM_PEERS) as"
                + " AE@address[/prefix][=costcenter], e.g. NEUROARCHIVE_DICOM_PEERS=CT1@10.0.0.5,MR3@10.0.4.0/24=123456");
        return DicomPeers.none();
    }

    private static boolean loopback(String bindAddress) {
        try {
            return InetAddress.getByName(bindAddress).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false; // binding fails later with its own message
        }
    }

    /** The numbers were checked against their ranges at start-up ({@link ReceiverSettings}). */
    private static ReceiverLimits limits(ReceiverSettings s) {
        return new ReceiverLimits(s.maxAssociations(), s.maxAssociationsPerAddress(), s.readTimeoutSeconds() * 1000,
                s.maxPduLength(), s.maxObjectBytes(), s.minFreeBytes());
    }

    private static TlsSettings tls(ReceiverSettings s) {
        if (s.tlsKeystore().isEmpty()) {
            if (s.tlsRequired() || s.tlsTruststore().isPresent()) {
                throw new IllegalArgumentException("neuroarchive.dicom.tls.required and neuroarchive.dicom.tls.truststore need"
                        + " a key store: set neuroarchive.dicom.tls.keystore (NEUROARCHIVE_DICOM_TLS_KEYSTORE)");
            }
            return null;
        }
        if (!s.tlsRequired() && s.tlsPort() == s.port() && s.port() != 0) {
            throw new IllegalArgumentException("neuroarchive.dicom.tls.port (NEUROARCHIVE_DICOM_TLS_PORT) must differ from"
                    + " neuroarchive.dicom.port, or set neuroarchive.dicom.tls.required=true to offer TLS only");
        }
        Path keystore = readable("neuroarchive.dicom.tls.keystore", s.tlsKeystore().get());
        Path truststore = s.tlsTruststore().map(t -> readable("neuroarchive.dicom.tls.truststore", t)).orElse(null);
        return new TlsSettings(s.tlsPort(), s.tlsRequired(), keystore, s.tlsKeystorePassword().orElse("").toCharArray(),
                truststore, s.tlsTruststorePassword().orElse("").toCharArray());
    }

    private static Path readable(String key, String file) {
        Path path = Path.of(file);
        if (!Files.isReadable(path)) {
            throw new IllegalArgumentException(key + " (" + environment(key) + "): cannot read " + path);
        }
        return path;
    }

    static String environment(String key) {
        return key.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_');
    }
}

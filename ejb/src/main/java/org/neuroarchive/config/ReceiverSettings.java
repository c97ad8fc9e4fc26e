package org.neuroarchive.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The DICOM receiver (C-STORE SCP), env {@code NEUROARCHIVE_DICOM_*}: port (11112 by default; 104 is
 * the standard port in production), AE title, the address it listens on (loopback by default) and an
 * optional allow-list of calling AE titles.
 */
@ApplicationScoped
public class ReceiverSettings {

    @Inject
    @ConfigProperty(name = "neuroarchive.dicom.enabled", defaultValue = "true")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "neuroarchive.dicom.port", defaultValue = "11112")
    int port;

    @Inject
    @ConfigProperty(name = "neuroarchive.dicom.aet", defaultValue = "NEUROARCHIVE")
    String aet;

    @Inject
    @ConfigProperty(name = "neuroarchive.dicom.bind-address", defaultValue = "127.0.0.1")
    String bindAddress;

    /** Comma-separated calling AE titles; empty: every caller may store. */
    @Inject
    @ConfigProperty(name = "neuroarchive.dicom.allowed-calling-aets")
    Optional<String> allowedCallingAets;

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

    /** The calling AE titles allowed to store; empty means all. */
    public Set<String> allowedCallingAets() {
        return allowedCallingAets.map(s -> Arrays.stream(s.split(",")).map(String::strip).filter(a -> !a.isEmpty())
                .collect(Collectors.toUnmodifiableSet())).orElse(Set.of());
    }
}

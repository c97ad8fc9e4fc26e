package org.neuroarchive.dicom;

/**
 * Where and for whom a {@link StorageListener} listens: its AE title, address and plain port, the peers
 * it accepts, its limits, and optionally TLS ({@code null}: plain only).
 */
public record ListenerSettings(String aet, String bindAddress, int port, DicomPeers peers, ReceiverLimits limits,
                               TlsSettings tls) {

    public ListenerSettings {
        if (aet == null || aet.isBlank() || aet.strip().length() > 16) {
            throw new IllegalArgumentException("the AE title must have 1 to 16 characters");
        }
        aet = aet.strip();
        if (peers == null || limits == null) {
            throw new IllegalArgumentException("peers and limits are required");
        }
    }

    /** Loopback peers, default limits, no TLS: for tests and the embedded default. */
    public static ListenerSettings loopback(String aet, int port) {
        return new ListenerSettings(aet, "127.0.0.1", port, DicomPeers.loopback(), ReceiverLimits.DEFAULTS, null);
    }

    public ListenerSettings withPeers(DicomPeers peers) {
        return new ListenerSettings(aet, bindAddress, port, peers, limits, tls);
    }

    public ListenerSettings withLimits(ReceiverLimits limits) {
        return new ListenerSettings(aet, bindAddress, port, peers, limits, tls);
    }

    public ListenerSettings withTls(TlsSettings tls) {
        return new ListenerSettings(aet, bindAddress, port, peers, limits, tls);
    }

    /** Whether the plain (not TLS) port is opened. */
    public boolean plain() {
        return tls == null || !tls.required();
    }
}

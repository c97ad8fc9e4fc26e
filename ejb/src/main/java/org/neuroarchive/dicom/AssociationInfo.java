package org.neuroarchive.dicom;

/**
 * An accepted association: its number (which also names its folder), the peer's address, the AE titles
 * (cleaned, {@link PeerText}), the configured peer entry it matched, and whether it came over TLS.
 */
public record AssociationInfo(long number, String remoteAddress, String callingAet, String calledAet, DicomPeer peer,
                              boolean tls) {
}

package org.neuroarchive.dicom;

/**
 * What one DICOM listener grants its peers: associations at once (in all, and from one address), how
 * long a connection may stay silent, the longest P-DATA-TF PDU it accepts (and announces), the largest
 * object, and the free space it leaves on the file system it writes to.
 */
public record ReceiverLimits(int maxAssociations, int maxAssociationsPerAddress, int readTimeoutMillis,
                             int maxPduLength, long maxObjectBytes, long minFreeBytes) {

    /** 20 associations, 10 per address, 60 s idle, 64 KiB PDUs, 2 GiB objects, 1 GiB kept free. */
    public static final ReceiverLimits DEFAULTS = new ReceiverLimits(20, 10, 60_000, 65_536, 2L << 30, 1L << 30);

    /** The smallest maximum PDU length the standard lets an acceptor announce sensibly. */
    public static final int MIN_PDU_LENGTH = 4096;
    /** 16 MiB: beyond that, a PDU buffers more than any transfer gains. */
    public static final int MAX_PDU_LENGTH = 16 << 20;

    public ReceiverLimits {
        if (maxAssociations < 1 || maxAssociationsPerAddress < 1 || maxAssociationsPerAddress > maxAssociations) {
            throw new IllegalArgumentException("associations: at least 1 in all, and per address between 1 and the total");
        }
        if (readTimeoutMillis < 1) {
            throw new IllegalArgumentException("the read timeout must be positive");
        }
        if (maxPduLength < MIN_PDU_LENGTH || maxPduLength > MAX_PDU_LENGTH) {
            throw new IllegalArgumentException("the maximum PDU length must be between " + MIN_PDU_LENGTH + " and " + MAX_PDU_LENGTH);
        }
        if (maxObjectBytes < 1 || minFreeBytes < 0) {
            throw new IllegalArgumentException("the maximum object size must be positive and the free-space floor not negative");
        }
    }

    public ReceiverLimits withAssociations(int total, int perAddress) {
        return new ReceiverLimits(total, perAddress, readTimeoutMillis, maxPduLength, maxObjectBytes, minFreeBytes);
    }

    public ReceiverLimits withReadTimeoutMillis(int millis) {
        return new ReceiverLimits(maxAssociations, maxAssociationsPerAddress, millis, maxPduLength, maxObjectBytes, minFreeBytes);
    }

    public ReceiverLimits withMaxPduLength(int length) {
        return new ReceiverLimits(maxAssociations, maxAssociationsPerAddress, readTimeoutMillis, length, maxObjectBytes, minFreeBytes);
    }

    public ReceiverLimits withMaxObjectBytes(long bytes) {
        return new ReceiverLimits(maxAssociations, maxAssociationsPerAddress, readTimeoutMillis, maxPduLength, bytes, minFreeBytes);
    }

    public ReceiverLimits withMinFreeBytes(long bytes) {
        return new ReceiverLimits(maxAssociations, maxAssociationsPerAddress, readTimeoutMillis, maxPduLength, maxObjectBytes, bytes);
    }
}

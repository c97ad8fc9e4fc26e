package org.neuroarchive.dicom;

import java.net.InetAddress;
import java.util.Arrays;

/** An address or a network (CIDR): the addresses whose first {@code prefix} bits equal those of {@code network}. */
final class AddressRange {

    private final byte[] network;
    private final int prefix;

    AddressRange(InetAddress address, int prefix) {
        this.network = address.getAddress();
        int bits = network.length * 8;
        if (prefix < 0 || prefix > bits) {
            throw new IllegalArgumentException("prefix /" + prefix + " does not fit an address of " + bits + " bits");
        }
        this.prefix = prefix;
    }

    /** The single address. */
    static AddressRange of(InetAddress address) {
        return new AddressRange(address, address.getAddress().length * 8);
    }

    boolean contains(InetAddress address) {
        byte[] candidate = address.getAddress();
        if (candidate.length != network.length) {
            return false;
        }
        int full = prefix / 8;
        if (!Arrays.equals(candidate, 0, full, network, 0, full)) {
            return false;
        }
        int rest = prefix % 8;
        if (rest == 0) {
            return true;
        }
        int mask = 0xff << (8 - rest) & 0xff;
        return (candidate[full] & mask) == (network[full] & mask);
    }
}

package org.neuroarchive.dicom;

import java.net.InetAddress;
import java.util.HashMap;
import java.util.Map;

/** Counts open associations, in all and per peer address, against the limits; counted when accepted, before any thread. */
final class AssociationSlots {

    private final int max;
    private final int maxPerAddress;
    private final Map<InetAddress, Integer> perAddress = new HashMap<>();
    private int total;

    AssociationSlots(int max, int maxPerAddress) {
        this.max = max;
        this.maxPerAddress = maxPerAddress;
    }

    /** Takes a slot for {@code address}; {@code null} when granted, otherwise the limit that says no. */
    synchronized Refusal.Reason acquire(InetAddress address) {
        if (total >= max) {
            return Refusal.Reason.TOO_MANY_ASSOCIATIONS;
        }
        int fromAddress = perAddress.getOrDefault(address, 0);
        if (fromAddress >= maxPerAddress) {
            return Refusal.Reason.TOO_MANY_FROM_ADDRESS;
        }
        total++;
        perAddress.put(address, fromAddress + 1);
        return null;
    }

    synchronized void release(InetAddress address) {
        total--;
        perAddress.computeIfPresent(address, (a, n) -> n <= 1 ? null : n - 1);
    }

    synchronized int active() {
        return total;
    }
}

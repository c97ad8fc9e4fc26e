package org.neuroarchive.dicom;

import java.net.InetAddress;
import java.util.List;

/**
 * A DICOM peer allowed to store: its AE title ({@code null}: any AE title, written {@code *}), the
 * addresses it must connect from, and optionally the cost center of the project its objects are
 * filed into. {@link #text()} is the entry as configured ({@code CT1@10.0.0.5}, {@code *@10.1.0.0/16=123456}).
 */
public final class DicomPeer {

    private final String aet;
    private final String text;
    private final List<AddressRange> ranges;
    private final String costcenter;

    DicomPeer(String aet, String text, List<AddressRange> ranges, String costcenter) {
        this.aet = aet;
        this.text = text;
        this.ranges = List.copyOf(ranges);
        this.costcenter = costcenter;
    }

    /** The AE title, or {@code null} for any. */
    public String aet() {
        return aet;
    }

    /** The entry as configured. */
    public String text() {
        return text;
    }

    /** The project's cost center, or {@code null}: the import's rules choose the project. */
    public String costcenter() {
        return costcenter;
    }

    /** Whether any AE title may call from this peer's addresses. */
    public boolean anyAet() {
        return aet == null;
    }

    /** Whether {@code address} is one this peer may connect from. */
    public boolean admits(InetAddress address) {
        return ranges.stream().anyMatch(range -> range.contains(address));
    }

    /** Whether the entry stands for no address at all (a host name that did not resolve). */
    public boolean inactive() {
        return ranges.isEmpty();
    }

    /** Whether this peer's AE title is {@code callingAet} (always for {@code *}). */
    boolean calls(String callingAet) {
        return aet == null || aet.equals(callingAet);
    }

    @Override
    public String toString() {
        return text;
    }
}

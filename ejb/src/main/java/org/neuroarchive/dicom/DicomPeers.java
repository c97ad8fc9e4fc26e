package org.neuroarchive.dicom;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The DICOM peers allowed to store, from a comma-separated list of {@code AE@address[/prefix][=costcenter]}:
 * the calling AE title ({@code *}: any), the host, address or network (CIDR) it must connect from, and
 * optionally the cost center of the project its objects go to. An association is accepted only when
 * an entry names both its calling AE title and its address; entries with an AE title are tried before
 * {@code *} entries, each in the order listed. Host names are resolved once, when the list is read; a
 * name that does not resolve stands for no address (a warning says so) and the other entries keep working.
 */
public final class DicomPeers {

    /** Resolves a host name to its addresses. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*");
    private static final Pattern COSTCENTER = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final List<DicomPeer> peers;
    private final List<String> warnings;

    private DicomPeers(List<DicomPeer> peers, List<String> warnings) {
        this.peers = List.copyOf(peers);
        this.warnings = List.copyOf(warnings);
    }

    /** Reads the list, resolving host names with the system resolver; {@link IllegalArgumentException} says what is wrong. */
    public static DicomPeers parse(String list) {
        return parse(list, InetAddress::getAllByName);
    }

    public static DicomPeers parse(String list, Resolver resolver) {
        List<DicomPeer> peers = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (String entry : list.split(",")) {
            if (!entry.isBlank()) {
                peers.add(entry(entry.strip(), resolver, warnings));
            }
        }
        if (peers.isEmpty()) {
            throw new IllegalArgumentException("no peer listed in '" + list.strip() + "'");
        }
        return new DicomPeers(peers, warnings);
    }

    /** Any AE title from the loopback addresses: the embedded default. */
    public static DicomPeers loopback() {
        return parse("*@127.0.0.0/8,*@::1");
    }

    /** Nobody: every association is refused. */
    public static DicomPeers none() {
        return new DicomPeers(List.of(), List.of());
    }

    private static DicomPeer entry(String entry, Resolver resolver, List<String> warnings) {
        int at = entry.lastIndexOf('@'); // an AE title may contain '@', an address cannot
        if (at <= 0 || at == entry.length() - 1) {
            throw invalid(entry, "write it as AE@address[/prefix][=costcenter], e.g. CT1@10.0.0.5");
        }
        String aet = entry.substring(0, at).strip();
        String where = entry.substring(at + 1).strip();
        String costcenter = null;
        int equals = where.indexOf('=');
        if (equals >= 0) {
            costcenter = where.substring(equals + 1).strip();
            where = where.substring(0, equals).strip();
            if (!COSTCENTER.matcher(costcenter).matches()) {
                throw invalid(entry, "the project cost center must be 1 to 64 letters, digits, '-' or '_'");
            }
        }
        String prefix = null;
        int slash = where.indexOf('/');
        if (slash >= 0) {
            prefix = where.substring(slash + 1).strip();
            where = where.substring(0, slash).strip();
        }
        if (where.startsWith("[") && where.endsWith("]")) {
            where = where.substring(1, where.length() - 1);
        }
        List<AddressRange> ranges = ranges(entry, where, prefix, resolver, warnings);
        return new DicomPeer("*".equals(aet) ? null : checkedAet(entry, aet), entry, ranges, costcenter);
    }

    private static String checkedAet(String entry, String aet) {
        if (aet.isEmpty() || aet.length() > 16) {
            throw invalid(entry, "an AE title has 1 to 16 characters (or is * for any)");
        }
        for (char c : aet.toCharArray()) {
            if (c < 0x20 || c >= 0x7f || c == '\\') {
                throw invalid(entry, "an AE title has printable ASCII characters other than '\\'");
            }
        }
        return aet;
    }

    private static List<AddressRange> ranges(String entry, String where, String prefix, Resolver resolver,
                                             List<String> warnings) {
        boolean ipv4 = IPV4.matcher(where).matches();
        if (ipv4 || where.contains(":")) {
            if (ipv4 && java.util.Arrays.stream(where.split("\\.")).anyMatch(octet -> Integer.parseInt(octet) > 255)) {
                throw invalid(entry, "'" + where + "' is not an IP address");
            }
            InetAddress address;
            try {
                address = InetAddress.getByName(where); // a literal: no name service involved
            } catch (UnknownHostException e) {
                throw invalid(entry, "'" + where + "' is not an IP address");
            }
            if (prefix == null) {
                return List.of(AddressRange.of(address));
            }
            try {
                return List.of(new AddressRange(address, Integer.parseInt(prefix)));
            } catch (IllegalArgumentException e) { // NumberFormatException included
                throw invalid(entry, "'/" + prefix + "' is not a prefix length for " + where);
            }
        }
        if (!HOST.matcher(where).matches()) {
            throw invalid(entry, "'" + where + "' is neither an IP address nor a host name");
        }
        if (prefix != null) {
            throw invalid(entry, "a prefix length goes with an IP address, not with a host name");
        }
        try {
            List<AddressRange> ranges = new ArrayList<>();
            for (InetAddress address : resolver.resolve(where)) {
                ranges.add(AddressRange.of(address));
            }
            return ranges;
        } catch (UnknownHostException e) {
            warnings.add("peer " + entry + ": host " + where + " does not resolve; it is refused until the receiver restarts");
            return List.of();
        }
    }

    private static IllegalArgumentException invalid(String entry, String why) {
        return new IllegalArgumentException("peer entry '" + entry + "': " + why);
    }

    public boolean isEmpty() {
        return peers.isEmpty();
    }

    public List<DicomPeer> list() {
        return peers;
    }

    /** Host names that did not resolve, and similar things the administrator should know. */
    public List<String> warnings() {
        return warnings;
    }

    /** Whether any entry admits {@code address} (with some AE title). */
    public boolean admitsAddress(InetAddress address) {
        return peers.stream().anyMatch(peer -> peer.admits(address));
    }

    /** The peer that {@code callingAet} calling from {@code address} is: named AE titles first, then {@code *}. */
    public Optional<DicomPeer> match(String callingAet, InetAddress address) {
        Optional<DicomPeer> named = peers.stream()
                .filter(peer -> !peer.anyAet() && peer.calls(callingAet) && peer.admits(address)).findFirst();
        return named.isPresent() ? named
                : peers.stream().filter(peer -> peer.anyAet() && peer.admits(address)).findFirst();
    }

    @Override
    public String toString() {
        return peers.isEmpty() ? "(none)" : peers.stream().map(DicomPeer::text).collect(Collectors.joining(","));
    }
}

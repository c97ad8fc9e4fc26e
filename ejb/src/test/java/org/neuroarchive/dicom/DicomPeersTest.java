package org.neuroarchive.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

/** The peer list: its syntax, addresses and networks, host names, and which entry an association matches. */
class DicomPeersTest {

    private static InetAddress ip(String literal) throws UnknownHostException {
        return InetAddress.getByName(literal);
    }

    private static final DicomPeers.Resolver HOSTS = host -> switch (host) {
        case "ct.example.org" -> new InetAddress[] {InetAddress.getByAddress(host, new byte[] {10, 0, 0, 7})};
        default -> throw new UnknownHostException(host);
    };

    @Test
    void entriesWithAnAddressANetworkAHostAndAProject() throws Exception {
        DicomPeers peers = DicomPeers.parse("CT1@10.0.0.5, MR3@10.0.4.0/24=123456,CT2@ct.example.org,*@192.168.1.0/30,"
                + "V6@[2001:db8::]/32=P-7", HOSTS);
        assertEquals(5, peers.list().size());
        assertEquals("CT1@10.0.0.5", peers.match("CT1", ip("10.0.0.5")).orElseThrow().text());
        assertTrue(peers.match("CT1", ip("10.0.0.6")).isEmpty(), "right AE, wrong address");
        assertTrue(peers.match("MR3", ip("10.0.0.5")).isEmpty(), "right address, wrong AE");
        assertEquals("123456", peers.match("MR3", ip("10.0.4.254")).orElseThrow().costcenter());
        assertTrue(peers.match("MR3", ip("10.0.5.1")).isEmpty());
        assertNull(peers.match("CT2", ip("10.0.0.7")).orElseThrow().costcenter());
        assertEquals("*@192.168.1.0/30", peers.match("ANYONE", ip("192.168.1.3")).orElseThrow().text());
        assertTrue(peers.match("ANYONE", ip("192.168.1.4")).isEmpty());
        assertEquals("P-7", peers.match("V6", ip("2001:db8:1::9")).orElseThrow().costcenter());
        assertTrue(peers.admitsAddress(ip("192.168.1.1")));
        assertTrue(!peers.admitsAddress(ip("172.16.0.1")));
    }

    @Test
    void aNamedAeTitleComesBeforeTheWildcardWhateverTheOrder() throws Exception {
        DicomPeers peers = DicomPeers.parse("*@127.0.0.1,PROJECT1@127.0.0.1=888888");
        assertEquals("888888", peers.match("PROJECT1", ip("127.0.0.1")).orElseThrow().costcenter());
        assertNull(peers.match("OTHER", ip("127.0.0.1")).orElseThrow().costcenter());
    }

    @Test
    void aHostThatDoesNotResolveIsRefusedWithAWarningWhileTheOthersWork() throws Exception {
        DicomPeers peers = DicomPeers.parse("CT9@gone.example.org,CT1@10.0.0.5", HOSTS);
        assertTrue(peers.warnings().get(0).contains("gone.example.org does not resolve"), peers.warnings().toString());
        assertTrue(peers.match("CT9", ip("10.0.0.9")).isEmpty());
        assertTrue(peers.match("CT1", ip("10.0.0.5")).isPresent());
    }

    @Test
    void wrongEntriesSayWhatIsWrong() {
        for (String[] wrong : new String[][] {
                {"CT1", "write it as AE@address"}, {"@10.0.0.1", "write it as AE@address"},
                {"ABCDEFGHIJKLMNOPQ@10.0.0.1", "1 to 16 characters"}, {"A\\B@10.0.0.1", "other than '\\'"},
                {"CT1@10.0.0.256", "not an IP address"}, {"CT1@10.0.0.0/33", "not a prefix length"},
                {"CT1@host.example.org/24", "goes with an IP address"}, {"CT1@10.0.0.1=../x", "cost center"},
                {"CT1@bad_host!", "neither an IP address nor a host name"}, {" , ", "no peer listed"}}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DicomPeers.parse(wrong[0], HOSTS),
                    wrong[0]);
            assertTrue(e.getMessage().contains(wrong[1]), wrong[0] + ": " + e.getMessage());
        }
    }

    @Test
    void loopbackAndNone() throws Exception {
        assertTrue(DicomPeers.loopback().match("X", ip("127.1.2.3")).isPresent());
        assertTrue(DicomPeers.loopback().match("X", ip("::1")).isPresent());
        assertTrue(DicomPeers.none().match("X", ip("127.0.0.1")).isEmpty());
    }
}

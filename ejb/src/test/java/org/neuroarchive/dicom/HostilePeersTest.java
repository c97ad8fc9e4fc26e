package org.neuroarchive.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pixelmed.dicom.TransferSyntax;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroarchive.testing.SyntheticSeries;

/**
 * The listener against peers that mean harm or are simply not invited, with dcmtk where a real tool
 * can do it and a {@link RawPeer} where none would: a traversal UID, unknown peers, associations over
 * the limits, a huge announced PDU, a silent socket, an object too large, a full disk.
 */
class HostilePeersTest {

    @TempDir
    Path dir;

    private ListenerFixture rx;

    private ListenerFixture listen(ListenerSettings settings) throws Exception {
        rx = new ListenerFixture(dir).listen(settings);
        return rx;
    }

    private static ListenerSettings loopback() {
        return ListenerSettings.loopback("NEUROARCHIVE", 0);
    }

    @AfterEach
    void close() {
        if (rx != null) {
            rx.close();
        }
    }

    @Test
    void aTraversalUidNamesNoPathAndLeavesEveryFileOutsideTheAssociationFolderAlone() throws Exception {
        listen(loopback());
        // the association folder is receiving/association-1: "../../x" would be dir/x, "../x" receiving/x
        Path outside = Files.writeString(dir.resolve("victim.txt"), "precious");
        Path beside = Files.writeString(Files.createDirectories(rx.work).resolve("victim.txt"), "precious too");
        List<Path> evil = new ArrayList<>();
        for (String uid : List.of("../../victim.txt", "../victim.txt", "/tmp/absolute-victim.txt")) {
            Path file = dir.resolve("src").resolve("evil-" + evil.size() + ".dcm");
            Files.createDirectories(file.getParent());
            SyntheticSeries.mr().series(1, "x").build(evil.size() + 1, uid)
                    .write(file.toFile(), TransferSyntax.ExplicitVRLittleEndian, true, true);
            evil.add(file);
        }
        ListenerFixture.Result result = rx.storescu(List.of(), evil);
        assertEquals(0, result.exitCode(), result.output());
        rx.awaitEnded(1);
        assertEquals("precious", Files.readString(outside));
        assertEquals("precious too", Files.readString(beside));
        assertFalse(Files.exists(Path.of("/tmp/absolute-victim.txt")));
        assertEquals(3, rx.sources.size());
        Path folder = rx.work.resolve("association-1");
        for (Path source : rx.sources) {
            assertEquals(folder, source.getParent(), "a name of ours in the association folder: " + source);
            assertTrue(source.getFileName().toString().matches("object-\\d+\\.dcm"), source.toString());
        }
        assertEquals(List.of(beside), rx.leftovers(), "nothing else in the receiving folder");
    }

    @Test
    void anUnlistedAeTitleIsRejectedAtAssociationTimeAndStoresNothing() throws Exception {
        listen(loopback().withPeers(DicomPeers.parse("SCANNER1@127.0.0.1")));
        List<Path> files = SyntheticSeries.mr().series(2, "x").instances(2).writeTo(dir.resolve("src"), "s");
        ListenerFixture.Result refused = rx.storescu(List.of("-aet", "LAPTOP"), files);
        assertNotEquals(0, refused.exitCode());
        assertTrue(refused.output().contains("Calling AE Title Not Recognized"), refused.output());
        rx.awaitRefusals(1);
        Refusal refusal = rx.refusals.get(0);
        assertEquals(Refusal.Reason.UNKNOWN_PEER, refusal.reason());
        assertEquals("LAPTOP", refusal.callingAet());
        assertEquals("127.0.0.1", refusal.remoteAddress());
        assertEquals(List.of(), rx.opened, "no association was opened");
        assertFalse(Files.exists(rx.work.resolve("association-1")), "not even a folder was made for it");
        assertEquals(List.of(), rx.received);

        assertEquals(0, rx.storescu(List.of("-aet", "SCANNER1"), files).exitCode());
        rx.awaitEnded(1);
        assertEquals(2, rx.received.size());
    }

    @Test
    void anUnlistedAddressIsRejectedBeforeItsRequestIsRead() throws Exception {
        listen(loopback().withPeers(DicomPeers.parse("*@127.0.0.2")));
        try (RawPeer peer = RawPeer.connect(rx.port(), "127.0.0.1")) {
            assertEquals(List.of(3, 1, 1, 3), RawPeer.rejection(peer.associate("SCANNER1", "NEUROARCHIVE")));
        }
        rx.awaitRefusals(1);
        assertEquals(Refusal.Reason.UNKNOWN_PEER, rx.refusals.get(0).reason());
        assertEquals(null, rx.refusals.get(0).callingAet(), "refused before its request was read");
        try (RawPeer peer = RawPeer.connect(rx.port(), "127.0.0.2")) {
            assertEquals(2, peer.associate("SCANNER1", "NEUROARCHIVE")[0], "the listed address is accepted");
        }
    }

    @Test
    void aWrongCalledAeTitleIsRejected() throws Exception {
        listen(loopback());
        ListenerFixture.Result result = rx.echoscu("SCANNER1", "SOMEONE_ELSE");
        assertNotEquals(0, result.exitCode());
        assertTrue(result.output().contains("Called AE Title Not Recognized"), result.output());
        rx.awaitRefusals(1);
        assertEquals(Refusal.Reason.UNKNOWN_CALLED_AE, rx.refusals.get(0).reason());
    }

    @Test
    void associationsOverTheLimitsAreRejectedWithoutAThreadEach() throws Exception {
        AtomicInteger threads = new AtomicInteger();
        ThreadFactory counting = runnable -> {
            threads.incrementAndGet();
            return new Thread(runnable);
        };
        rx = new ListenerFixture(dir).listen(loopback().withLimits(ReceiverLimits.DEFAULTS.withAssociations(2, 1)), counting);
        try (RawPeer first = RawPeer.connect(rx.port(), "127.0.0.1")) {
            assertEquals(2, first.associate("SCANNER1", "NEUROARCHIVE")[0]);
            // a second one from the same address: over the limit per address (transient, local limit exceeded)
            ListenerFixture.Result sameAddress = rx.echoscu("SCANNER1", "NEUROARCHIVE");
            assertNotEquals(0, sameAddress.exitCode());
            assertTrue(sameAddress.output().contains("Local Limit Exceeded"), sameAddress.output());
            try (RawPeer second = RawPeer.connect(rx.port(), "127.0.0.2")) {
                assertEquals(2, second.associate("SCANNER2", "NEUROARCHIVE")[0], "another address still may");
                List<RawPeer> excess = new ArrayList<>();
                try {
                    for (int i = 0; i < 40; i++) {
                        RawPeer peer = RawPeer.connect(rx.port(), "127.0.0.3");
                        excess.add(peer);
                        peer.send(RawPeer.associateRequest("SCANNER3", "NEUROARCHIVE"));
                    }
                    RawPeer last = excess.get(excess.size() - 1);
                    assertTrue(last.closedWithin(Duration.ofSeconds(10)), "the excess connection is closed");
                } finally {
                    for (RawPeer peer : excess) {
                        peer.close();
                    }
                }
            }
        }
        assertTrue(threads.get() <= 4, threads.get() + " threads: accept loop, refuser and 2 associations at most");
        assertEquals(Refusal.Reason.TOO_MANY_FROM_ADDRESS, rx.refusals.get(0).reason());
        ListenerFixture.await(() -> rx.refusals.size() >= 41, 10);
        assertTrue(rx.refusals.stream().skip(1).allMatch(r -> r.reason() == Refusal.Reason.TOO_MANY_ASSOCIATIONS), rx.refusals.toString());
        rx.awaitEnded(2);
        assertEquals(0, rx.listener.active(), "every slot is given back");
        assertEquals(0, rx.echoscu("SCANNER1", "NEUROARCHIVE").exitCode(), "and may be used again");
    }

    @Test
    void aHugeAnnouncedPduIsRefusedWithoutAllocatingItAndTheConnectionClosed() throws Exception {
        listen(loopback());
        long before = usedHeap();
        List<RawPeer> peers = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                RawPeer peer = RawPeer.connect(rx.port());
                peers.add(peer);
                assertEquals(2, peer.associate("SCANNER1", "NEUROARCHIVE")[0]);
                peer.send(RawPeer.pduHeader(Pdus.P_DATA, 60L << 20)); // 60 MiB announced, never sent
            }
            RawPeer request = RawPeer.connect(rx.port()); // and a request PDU of 60 MiB
            peers.add(request);
            request.send(RawPeer.pduHeader(Pdus.ASSOCIATE_RQ, 60L << 20));
            for (RawPeer peer : peers) {
                assertTrue(peer.closedWithin(Duration.ofSeconds(5)), "closed long before the read timeout");
            }
            rx.awaitRefusals(4);
            long grown = usedHeap() - before;
            assertTrue(grown < 32L << 20, "the heap grew by " + (grown >> 20) + " MiB while 4 peers announced 240 MiB");
        } finally {
            for (RawPeer peer : peers) {
                peer.close();
            }
        }
        assertTrue(rx.refusals.stream().allMatch(r -> r.reason() == Refusal.Reason.PDU_TOO_LARGE), rx.refusals.toString());
        rx.awaitEnded(3);
        assertTrue(rx.ended.stream().noneMatch(ListenerFixture.Ended::released));
    }

    @Test
    void aSilentSocketIsClosedAfterTheReadTimeout() throws Exception {
        listen(loopback().withLimits(ReceiverLimits.DEFAULTS.withReadTimeoutMillis(1000)));
        long start = System.nanoTime();
        try (RawPeer silent = RawPeer.connect(rx.port()); RawPeer quietAfterAccept = RawPeer.connect(rx.port())) {
            assertEquals(2, quietAfterAccept.associate("SCANNER1", "NEUROARCHIVE")[0]);
            assertTrue(silent.closedWithin(Duration.ofSeconds(5)), "silent before its request");
            assertTrue(quietAfterAccept.closedWithin(Duration.ofSeconds(5)), "silent after its association was accepted");
        }
        assertTrue(System.nanoTime() - start >= 900_000_000L, "not before the timeout");
        rx.awaitEnded(1);
        assertTrue(rx.ended.get(0).problem().contains("silent for 1.0 s"), rx.ended.get(0).toString());
        // the connection threads count themselves out just after they close: wait for it, do not race it
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (rx.listener.active() != 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(0, rx.listener.active());
    }

    @Test
    void anObjectOverTheSizeLimitIsRefusedWithOutOfResourcesAndTheNextOneStored() throws Exception {
        listen(loopback().withLimits(ReceiverLimits.DEFAULTS.withMaxObjectBytes(100_000)));
        Path big = SyntheticSeries.mr().size(512, 512).series(1, "big").instances(1).writeTo(dir.resolve("big"), "b").get(0);
        Path small = SyntheticSeries.mr().size(64, 64).series(2, "small").instances(1).writeTo(dir.resolve("small"), "s").get(0);
        ListenerFixture.Result result = rx.storescu(List.of("-v", "--no-halt"), List.of(big, small));
        assertTrue(result.output().contains("Received Store Response (Refused: OutOfResources)"), result.output());
        assertTrue(result.output().contains("Received Store Response (Success)"), result.output());
        rx.awaitEnded(1);
        assertTrue(rx.ended.get(0).released(), "the association went on and was released");
        assertEquals(1, rx.received.size());
        assertEquals(List.of(), rx.leftovers(), "nothing of the big object stays");
        assertEquals(Refusal.Reason.OBJECT_TOO_LARGE, rx.refusals.get(0).reason());
    }

    @Test
    void theFreeSpaceFloorRefusesCleanly() throws Exception {
        Files.createDirectories(dir.resolve("receiving"));
        long free = Files.getFileStore(dir).getUsableSpace();
        listen(loopback().withLimits(ReceiverLimits.DEFAULTS.withMinFreeBytes(free + (1L << 40))));
        List<Path> files = SyntheticSeries.mr().series(1, "x").instances(2).writeTo(dir.resolve("src"), "s");
        ListenerFixture.Result result = rx.storescu(List.of("-v", "--no-halt"), files);
        assertTrue(result.output().contains("Received Store Response (Refused: OutOfResources)"), result.output());
        rx.awaitEnded(1);
        assertTrue(rx.ended.get(0).released(), rx.ended.toString());
        assertEquals(List.of(), rx.received);
        assertEquals(List.of(), rx.leftovers());
        assertEquals(2, rx.refusals.size());
        assertEquals(Refusal.Reason.FREE_SPACE, rx.refusals.get(0).reason());
    }

    @Test
    void somethingThatIsNotDicomIsClosed() throws Exception {
        listen(loopback());
        try (RawPeer http = RawPeer.connect(rx.port())) {
            http.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            assertTrue(http.closedWithin(Duration.ofSeconds(5)));
        }
        rx.awaitRefusals(1);
        assertEquals(Refusal.Reason.PROTOCOL, rx.refusals.get(0).reason());
    }

    private static long usedHeap() throws InterruptedException {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}

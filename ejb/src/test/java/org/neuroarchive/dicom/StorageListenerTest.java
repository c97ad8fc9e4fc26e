package org.neuroarchive.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroarchive.testing.CuttingProxy;
import org.neuroarchive.testing.SyntheticSeries;

/**
 * The C-STORE listener with Debian's dcmtk as the real sending client ({@code storescu},
 * {@code echoscu}): objects arrive complete, in every common transfer syntax, from parallel
 * associations; an object the sink cannot take gets a failure status; a sender that breaks off leaves
 * nothing. Hostile peers: HostilePeersTest; TLS: DicomTlsTest.
 */
class StorageListenerTest {

    private static final Path CORPUS = Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files");

    @TempDir
    Path dir;

    private ListenerFixture rx;

    @BeforeEach
    void listen() throws IOException {
        rx = new ListenerFixture(dir).listen(ListenerSettings.loopback("NEUROARCHIVE", 0));
    }

    @AfterEach
    void close() {
        rx.close();
    }

    @Test
    void answersEcho() throws Exception {
        assertEquals(0, rx.echoscu("TESTER", "NEUROARCHIVE").exitCode());
        rx.awaitEnded(1);
        assertTrue(rx.ended.get(0).released());
    }

    @Test
    void storesASeriesCompletelyWithTheCallingAeTitle() throws Exception {
        List<Path> files = SyntheticSeries.mr().series(3, "T1").instances(5).writeTo(dir.resolve("src"), "s");
        ListenerFixture.Result result = rx.storescu(List.of("-aet", "SCANNER1"), files);
        assertEquals(0, result.exitCode(), result.output());
        rx.awaitEnded(1);
        assertEquals(5, rx.received.size());
        assertTrue(rx.received.stream().allMatch(r -> r.startsWith("SCANNER1 1.2.840.10008.1.2.1 ")), rx.received.toString());
        assertEquals(uids(files), uids(rx.kept()));
        for (Path file : rx.kept()) {
            new DicomReader().inspect(file); // complete, pixels included
        }
        assertEquals(List.of(), rx.leftovers(), "nothing left in the receiving folder");
        ListenerFixture.Ended ended = rx.ended.get(0);
        assertTrue(ended.released(), ended.toString());
        assertEquals(5, ended.objects());
        assertEquals("127.0.0.1", ended.association().remoteAddress());
        assertEquals("*@127.0.0.0/8", ended.association().peer().text());
    }

    @Test
    void acceptsImplicitLittleEndianAndCompressedTransferSyntaxes() throws Exception {
        List<Path> implicit = SyntheticSeries.mr().series(4, "T2").instances(2).writeTo(dir.resolve("implicit"), "i");
        ListenerFixture.Result result = rx.storescu(List.of("--propose-implicit"), implicit);
        assertEquals(0, result.exitCode(), result.output());
        // dcmtk proposes a compressed transfer syntax only when told which one: one association per file
        Map<String, String> proposals = Map.of("MR_small_jp2klossless.dcm", "-xv", "693_J2KI.dcm", "-xw",
                "MR_small_RLE.dcm", "-xr", "MR_small_jpeg_ls_lossless.dcm", "-xt", "SC_rgb_jpeg_dcmtk.dcm", "-xy",
                "JPEG-lossy.dcm", "-xx", "image_dfl.dcm", "-xd");
        for (Map.Entry<String, String> file : proposals.entrySet()) {
            result = rx.storescu(List.of(file.getValue()), List.of(CORPUS.resolve(file.getKey())));
            assertEquals(0, result.exitCode(), file.getKey() + ": " + result.output());
        }
        rx.awaitEnded(1 + proposals.size());
        Set<String> syntaxes = rx.received.stream().map(r -> r.split(" ")[1]).collect(Collectors.toSet());
        assertEquals(Set.of("1.2.840.10008.1.2", "1.2.840.10008.1.2.4.90", "1.2.840.10008.1.2.4.91", "1.2.840.10008.1.2.5",
                "1.2.840.10008.1.2.4.80",
                "1.2.840.10008.1.2.4.50", "1.2.840.10008.1.2.4.51", "1.2.840.10008.1.2.1.99"), syntaxes);
        assertEquals(9, rx.received.size(), rx.received.toString());
        for (Path file : rx.kept()) {
            new DicomReader().readHeader(file); // the meta header we wrote and the data set as it came
        }
    }

    @Test
    void twoAssociationsAtOnce() throws Exception {
        List<Path> a = SyntheticSeries.mr().series(1, "a").instances(20).writeTo(dir.resolve("a"), "a");
        List<Path> b = SyntheticSeries.mr().series(2, "b").instances(20).writeTo(dir.resolve("b"), "b");
        Process first = ListenerFixture.start(ListenerFixture.storescuCommand(List.of("-aet", "FIRST"), a, rx.port()),
                dir.resolve("first.log"));
        Process second = ListenerFixture.start(ListenerFixture.storescuCommand(List.of("-aet", "SECOND"), b, rx.port()),
                dir.resolve("second.log"));
        assertEquals(0, first.waitFor(), Files.readString(dir.resolve("first.log")));
        assertEquals(0, second.waitFor(), Files.readString(dir.resolve("second.log")));
        rx.awaitEnded(2);
        assertEquals(40, rx.received.size());
        assertEquals(20, rx.received.stream().filter(r -> r.startsWith("FIRST ")).count());
    }

    @Test
    void anObjectTheSinkCannotTakeIsAnsweredWithAFailureStatus() throws Exception {
        rx.refuse = true;
        List<Path> files = SyntheticSeries.mr().series(5, "x").instances(1).writeTo(dir.resolve("refused"), "r");
        ListenerFixture.Result result = rx.storescu(List.of("-v"), files);
        assertNotEquals(0, result.exitCode(), "storescu must not report success: " + result.output());
        assertTrue(result.output().contains("Store Response (Unknown Status: 0x110)"), result.output()); // processing failure
        rx.awaitEnded(1);
        assertEquals(List.of(), rx.received);
        assertEquals(List.of(), rx.leftovers());
    }

    @Test
    void aSenderThatBreaksOffMidObjectLeavesNothing() throws Exception {
        List<Path> big = SyntheticSeries.mr().size(512, 512).series(6, "big").instances(1).writeTo(dir.resolve("big"), "b");
        try (CuttingProxy proxy = new CuttingProxy(rx.port(), 200_000)) {
            ListenerFixture.Result result = ListenerFixture.run(ListenerFixture.storescuCommand(List.of(), big, proxy.port()));
            assertNotEquals(0, result.exitCode(), result.output());
        }
        rx.awaitEnded(1);
        assertEquals(List.of(), rx.received);
        assertEquals(List.of(), rx.leftovers(), "the partial object is deleted");
        assertFalse(rx.ended.get(0).released());
    }

    @Test
    void aTakenPortIsReportedAsSuch() {
        assertThrows(BindException.class, () -> StorageListener.open(ListenerSettings.loopback("OTHER", rx.port()),
                dir.resolve("other"), rx.sink, Thread::new));
    }

    private static Set<String> uids(List<Path> files) throws Exception {
        Set<String> uids = new java.util.HashSet<>();
        for (Path f : files) {
            uids.add(new DicomReader().readHeader(f).sopInstanceUid());
        }
        return uids;
    }
}

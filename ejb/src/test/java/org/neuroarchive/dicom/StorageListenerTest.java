package org.neuroarchive.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroarchive.testing.CuttingProxy;
import org.neuroarchive.testing.SyntheticSeries;

/**
 * The C-STORE listener with Debian's dcmtk as the real sending client ({@code storescu},
 * {@code echoscu}): objects arrive complete, in every common transfer syntax, from parallel
 * associations; a refused object is never acknowledged; a sender that breaks off leaves nothing.
 */
class StorageListenerTest {

    private static final Path CORPUS = Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files");

    @TempDir
    Path dir;

    private final List<String> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger ended = new AtomicInteger();
    private final AtomicInteger names = new AtomicInteger();
    private volatile boolean refuse;
    private StorageListener listener;
    private Path work;
    private Path kept;

    /** Keeps what arrives in {@code kept/}, as the application's sink moves it into incomingdir. */
    private final StorageListener.Sink sink = new StorageListener.Sink() {
        @Override
        public void received(Path file, String callingAet, String transferSyntaxUid) throws IOException {
            if (refuse) {
                throw new IOException("refused by the test");
            }
            Path target = kept.resolve(names.incrementAndGet() + ".dcm");
            Files.move(file, target);
            received.add(callingAet + " " + transferSyntaxUid + " " + target.getFileName());
        }

        @Override
        public void associationOpened(String remote) {
        }

        @Override
        public void associationEnded(String remote, boolean released) {
            ended.incrementAndGet();
        }
    };

    @BeforeEach
    void listen() throws IOException {
        work = dir.resolve("receiving");
        kept = Files.createDirectories(dir.resolve("kept"));
        listener = StorageListener.open("127.0.0.1", 0, "NEUROARCHIVE", work, sink, Thread::new);
    }

    @AfterEach
    void close() {
        listener.close();
    }

    @Test
    void answersEcho() throws Exception {
        assertEquals(0, run(List.of("echoscu", "-aet", "TESTER", "-aec", "NEUROARCHIVE", "127.0.0.1",
                Integer.toString(listener.port()))).exitCode());
    }

    @Test
    void storesASeriesCompletelyWithTheCallingAeTitle() throws Exception {
        List<Path> files = SyntheticSeries.mr().series(3, "T1").instances(5).writeTo(dir.resolve("src"), "s");
        Result result = storescu(List.of("-aet", "SCANNER1"), files);
        assertEquals(0, result.exitCode(), result.output());
        awaitEnded(1);
        assertEquals(5, received.size());
        assertTrue(received.stream().allMatch(r -> r.startsWith("SCANNER1 1.2.840.10008.1.2.1 ")), received.toString());
        assertEquals(uids(files), uids(kept()));
        for (Path file : kept()) {
            new DicomReader().inspect(file); // complete, pixels included
        }
        assertEquals(List.of(), leftovers(), "nothing left in the receiving folder");
    }

    @Test
    void acceptsImplicitLittleEndianAndCompressedTransferSyntaxes() throws Exception {
        List<Path> implicit = SyntheticSeries.mr().series(4, "T2").instances(2).writeTo(dir.resolve("implicit"), "i");
        Result result = storescu(List.of("--propose-implicit"), implicit);
        assertEquals(0, result.exitCode(), result.output());
        // dcmtk proposes a compressed transfer syntax only when told which one: one association per file
        Map<String, String> proposals = Map.of("MR_small_jp2klossless.dcm", "-xv", "693_J2KI.dcm", "-xw",
                "MR_small_RLE.dcm", "-xr", "MR_small_jpeg_ls_lossless.dcm", "-xt", "SC_rgb_jpeg_dcmtk.dcm", "-xy",
                "JPEG-lossy.dcm", "-xx", "image_dfl.dcm", "-xd");
        for (Map.Entry<String, String> file : proposals.entrySet()) {
            result = storescu(List.of(file.getValue()), List.of(CORPUS.resolve(file.getKey())));
            assertEquals(0, result.exitCode(), file.getKey() + ": " + result.output());
        }
        awaitEnded(1 + proposals.size());
        Set<String> syntaxes = received.stream().map(r -> r.split(" ")[1]).collect(Collectors.toSet());
        assertEquals(Set.of("1.2.840.10008.1.2", "1.2.840.10008.1.2.4.90", "1.2.840.10008.1.2.4.91", "1.2.840.10008.1.2.5",
                "1.2.840.10008.1.2.4.80",
                "1.2.840.10008.1.2.4.50", "1.2.840.10008.1.2.4.51", "1.2.840.10008.1.2.1.99"), syntaxes);
        assertEquals(9, received.size(), received.toString());
    }

    @Test
    void twoAssociationsAtOnce() throws Exception {
        List<Path> a = SyntheticSeries.mr().series(1, "a").instances(20).writeTo(dir.resolve("a"), "a");
        List<Path> b = SyntheticSeries.mr().series(2, "b").instances(20).writeTo(dir.resolve("b"), "b");
        Process first = start(storescuCommand(List.of("-aet", "FIRST"), a), dir.resolve("first.log"));
        Process second = start(storescuCommand(List.of("-aet", "SECOND"), b), dir.resolve("second.log"));
        assertEquals(0, first.waitFor(), Files.readString(dir.resolve("first.log")));
        assertEquals(0, second.waitFor(), Files.readString(dir.resolve("second.log")));
        awaitEnded(2);
        assertEquals(40, received.size());
        assertEquals(20, received.stream().filter(r -> r.startsWith("FIRST ")).count());
    }

    @Test
    void aRefusedObjectIsNeverAcknowledged() throws Exception {
        refuse = true;
        List<Path> files = SyntheticSeries.mr().series(5, "x").instances(1).writeTo(dir.resolve("refused"), "r");
        Result result = storescu(List.of(), files);
        assertNotEquals(0, result.exitCode(), "storescu must not report success: " + result.output());
        awaitEnded(1);
        assertEquals(List.of(), received);
        assertEquals(List.of(), leftovers());
    }

    @Test
    void aSenderThatBreaksOffMidObjectLeavesNothing() throws Exception {
        List<Path> big = SyntheticSeries.mr().size(512, 512).series(6, "big").instances(1).writeTo(dir.resolve("big"), "b");
        try (CuttingProxy proxy = new CuttingProxy(listener.port(), 200_000)) {
            Result result = run(storescuCommand(List.of(), big, proxy.port()));
            assertNotEquals(0, result.exitCode(), result.output());
        }
        awaitEnded(1);
        assertEquals(List.of(), received);
        assertEquals(List.of(), leftovers(), "the partial object is deleted");
    }

    @Test
    void aTakenPortIsReportedAsSuch() throws Exception {
        assertThrows(BindException.class, () -> StorageListener.open("127.0.0.1", listener.port(), "OTHER",
                dir.resolve("other"), sink, Thread::new));
    }

    private List<Path> kept() throws IOException {
        try (Stream<Path> list = Files.list(kept)) {
            return list.sorted().toList();
        }
    }

    private List<Path> leftovers() throws IOException {
        try (Stream<Path> walk = Files.walk(work)) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }

    private static Set<String> uids(List<Path> files) throws Exception {
        Set<String> uids = new java.util.HashSet<>();
        for (Path f : files) {
            uids.add(new DicomReader().readHeader(f).sopInstanceUid());
        }
        return uids;
    }

    private void awaitEnded(int associations) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (ended.get() < associations && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(associations, ended.get(), "associations ended");
    }

    private record Result(int exitCode, String output) {
    }

    private Result storescu(List<String> options, List<Path> files) throws Exception {
        return run(storescuCommand(options, files));
    }

    private List<String> storescuCommand(List<String> options, List<Path> files) {
        return storescuCommand(options, files, listener.port());
    }

    private static List<String> storescuCommand(List<String> options, List<Path> files, int port) {
        List<String> command = new ArrayList<>(List.of("storescu", "-aec", "NEUROARCHIVE", "-to", "20", "-ta", "20", "-td", "20"));
        command.addAll(options);
        command.add("127.0.0.1");
        command.add(Integer.toString(port));
        files.forEach(f -> command.add(f.toString()));
        return command;
    }

    private static Process start(List<String> command, Path log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("TCP_NODELAY", "1");
        return builder.start();
    }

    private static Result run(List<String> command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("TCP_NODELAY", "1");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        return new Result(process.exitValue(), output);
    }
}

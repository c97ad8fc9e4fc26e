package org.neuroarchive.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A {@link StorageListener} under test with a sink that keeps what arrives in {@code kept/} (as the
 * application moves it into incomingdir) and records associations and refusals; and Debian's dcmtk
 * ({@code storescu}, {@code echoscu}) to talk to it.
 */
final class ListenerFixture implements AutoCloseable {

    /** What the sink saw of one association's end. */
    record Ended(AssociationInfo association, boolean released, int objects, String problem) {
    }

    /** A finished dcmtk run. */
    record Result(int exitCode, String output) {
    }

    final Path dir;
    final Path work;
    final Path kept;
    final List<String> received = new CopyOnWriteArrayList<>();
    /** The files the listener handed to the sink, where they were. */
    final List<Path> sources = new CopyOnWriteArrayList<>();
    final List<Ended> ended = new CopyOnWriteArrayList<>();
    final List<Refusal> refusals = new CopyOnWriteArrayList<>();
    final List<AssociationInfo> opened = new CopyOnWriteArrayList<>();
    private final AtomicInteger names = new AtomicInteger();
    volatile boolean refuse;
    StorageListener listener;

    final StorageListener.Sink sink = new StorageListener.Sink() {
        @Override
        public void received(Path file, AssociationInfo association, String transferSyntaxUid) throws IOException {
            if (refuse) {
                throw new IOException("refused by the test");
            }
            sources.add(file);
            Path target = kept.resolve(names.incrementAndGet() + ".dcm");
            Files.move(file, target);
            received.add(association.callingAet() + " " + transferSyntaxUid + " " + target.getFileName());
        }

        @Override
        public void associationOpened(AssociationInfo association) {
            opened.add(association);
        }

        @Override
        public void associationEnded(AssociationInfo association, boolean released, int objects, String problem) {
            ended.add(new Ended(association, released, objects, problem));
        }

        @Override
        public void refused(Refusal refusal) {
            refusals.add(refusal);
        }
    };

    ListenerFixture(Path dir) throws IOException {
        this.dir = dir;
        this.work = dir.resolve("receiving");
        this.kept = Files.createDirectories(dir.resolve("kept"));
    }

    ListenerFixture listen(ListenerSettings settings) throws IOException {
        return listen(settings, Thread::new);
    }

    ListenerFixture listen(ListenerSettings settings, java.util.concurrent.ThreadFactory threads) throws IOException {
        listener = StorageListener.open(settings, work, sink, threads);
        return this;
    }

    int port() {
        return listener.port();
    }

    @Override
    public void close() {
        if (listener != null) {
            listener.close();
        }
    }

    List<Path> kept() throws IOException {
        try (Stream<Path> list = Files.list(kept)) {
            return list.sorted().toList();
        }
    }

    /** Files anywhere below the receiving folder. */
    List<Path> leftovers() throws IOException {
        if (!Files.exists(work)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(work)) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }

    void awaitEnded(int associations) throws InterruptedException {
        await(() -> ended.size() >= associations, 20);
        assertEquals(associations, ended.size(), "associations ended: " + ended);
    }

    void awaitRefusals(int count) throws InterruptedException {
        await(() -> refusals.size() >= count, 20);
        assertEquals(count, refusals.size(), "refusals: " + refusals);
    }

    static void await(java.util.function.BooleanSupplier condition, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    Result storescu(List<String> options, List<Path> files) throws Exception {
        return run(storescuCommand(options, files, port()));
    }

    Result echoscu(String callingAet, String calledAet) throws Exception {
        return run(List.of("echoscu", "-aet", callingAet, "-aec", calledAet, "-to", "20", "-ta", "20", "127.0.0.1",
                Integer.toString(port())));
    }

    static List<String> storescuCommand(List<String> options, List<Path> files, int port) {
        List<String> command = new ArrayList<>(List.of("storescu", "-aec", "NEUROARCHIVE", "-to", "20", "-ta", "20", "-td", "20"));
        command.addAll(options);
        command.add("127.0.0.1");
        command.add(Integer.toString(port));
        files.forEach(f -> command.add(f.toString()));
        return command;
    }

    static Process start(List<String> command, Path log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("TCP_NODELAY", "1");
        return builder.start();
    }

    static Result run(List<String> command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("TCP_NODELAY", "1"); // dcmtk 3.6.7 waits ~90 ms per object without it
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        return new Result(process.exitValue(), output);
    }
}

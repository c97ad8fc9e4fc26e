package org.neuroarchive.receiver.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroarchive.importing.control.IncomingFiles;

/**
 * The batches of received objects: hidden until released, released in one rename when full, old enough
 * (with an object or by the periodic check) or when their association ends; left-overs released at
 * start-up; names of our own only; safe with several associations and the periodic check at once.
 */
class ReceivedBatchesTest {

    private static final String ID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @TempDir
    Path dir;

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private int arrivals;

    private ReceivedBatches batches(int maxObjects, int maxSeconds) {
        return new ReceivedBatches("node-1", maxObjects, Duration.ofSeconds(maxSeconds), nanos::get);
    }

    private Path peer() {
        return dir.resolve("incoming/received/CT1");
    }

    /** A complete object in the receiving folder. */
    private Path arrived(String content) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("incoming.receiving/association-1"));
        return Files.writeString(folder.resolve("object-" + ++arrivals + ".dcm"), content);
    }

    /** Relative paths of the regular files below the peer folder, ids replaced by ID. */
    private List<String> below(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).map(f -> folder.relativize(f).toString().replaceAll(ID, "ID"))
                    .sorted().toList();
        }
    }

    /** What a scan of incomingdir would take now. */
    private List<Path> visibleToTheScan() throws IOException {
        Path incoming = dir.resolve("incoming");
        return IncomingFiles.find(incoming, incoming.resolve("received"), Instant.now(), 1000, new HashMap<>()).ready();
    }

    @Test
    void objectsStayHiddenUntilTheAssociationEndsThenAppearInOneBatch() throws Exception {
        ReceivedBatches batches = batches(1000, 2);
        assertFalse(batches.add(1, peer(), arrived("a")));
        assertFalse(batches.add(1, peer(), arrived("b")));
        assertEquals(List.of(".batch-node-1+ID/ID.dcm", ".batch-node-1+ID/ID.dcm"), below(peer()));
        assertEquals(List.of(), visibleToTheScan(), "the scan does not see an open batch");

        assertTrue(batches.end(1), "released");
        assertEquals(List.of("batch-node-1+ID/ID.dcm", "batch-node-1+ID/ID.dcm"), below(peer()));
        assertEquals(2, visibleToTheScan().size(), "taken without settle time");
        assertEquals(0, batches.openBatches());
        assertFalse(batches.end(1), "nothing left to release");
    }

    @Test
    void aBatchIsReleasedWhenItHoldsTheMaximumNumberOfObjects() throws Exception {
        ReceivedBatches batches = batches(3, 3600);
        assertFalse(batches.add(1, peer(), arrived("1")));
        assertFalse(batches.add(1, peer(), arrived("2")));
        assertTrue(batches.add(1, peer(), arrived("3")), "the third fills it");
        assertEquals(3, visibleToTheScan().size());
        assertFalse(batches.add(1, peer(), arrived("4")), "a new batch");
        assertEquals(List.of(".batch-node-1+ID/ID.dcm", "batch-node-1+ID/ID.dcm", "batch-node-1+ID/ID.dcm", "batch-node-1+ID/ID.dcm"), below(peer()));
        assertTrue(batches.end(1));
        assertEquals(4, visibleToTheScan().size());
        try (Stream<Path> folders = Files.list(peer())) {
            assertEquals(2, folders.count(), "two batches");
        }
    }

    @Test
    void aBatchIsReleasedWhenItsFirstObjectIsOldEnoughWithTheNextObjectOrByThePeriodicCheck() throws Exception {
        ReceivedBatches batches = batches(1000, 2);
        batches.add(1, peer(), arrived("a"));
        nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(1999));
        assertEquals(0, batches.releaseDue(), "not yet");
        assertFalse(batches.add(1, peer(), arrived("b")));
        nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(1));
        assertTrue(batches.add(1, peer(), arrived("c")), "two seconds after the first object");
        assertEquals(3, visibleToTheScan().size());

        batches.add(1, peer(), arrived("d"));
        batches.add(2, dir.resolve("incoming/received/MR3"), arrived("e"));
        nanos.addAndGet(TimeUnit.SECONDS.toNanos(2));
        assertEquals(2, batches.releaseDue(), "an idle association keeps nothing back");
        assertEquals(5, visibleToTheScan().size());
        assertEquals(0, batches.openBatches());
        assertEquals(0, batches.releaseDue());
    }

    @Test
    void onlyOurOwnNamesAreUsedAndTheFileIsMovedNotCopied() throws Exception {
        ReceivedBatches batches = batches(1000, 2);
        Path folder = Files.createDirectories(dir.resolve("incoming.receiving/association-1"));
        Path file = Files.writeString(folder.resolve("1.2.840.99999.1.dcm"), "named after a peer's SOP instance UID");
        batches.add(1, peer(), file);
        assertFalse(Files.exists(file));
        try (Stream<Path> walk = Files.walk(dir.resolve("incoming"))) {
            List<String> names = walk.map(p -> dir.resolve("incoming").relativize(p).toString()).sorted().toList();
            assertEquals(5, names.size(), names.toString());
            assertTrue(names.get(4).matches("received/CT1/\\.batch-node-1\\+" + ID + "/" + ID + "\\.dcm"), names.toString());
        }
    }

    @Test
    void anObjectIsTakenEvenWhenTheScanRemovedThePeerFolderJustNow() throws Exception {
        ReceivedBatches batches = batches(2, 3600);
        assertFalse(batches.add(1, peer(), arrived("1")));
        assertTrue(batches.add(1, peer(), arrived("2")));
        // the scan took both files and removed the emptied folders
        try (Stream<Path> walk = Files.walk(peer())) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
        assertFalse(batches.add(1, peer(), arrived("3")));
        assertTrue(batches.end(1));
        assertEquals(List.of("batch-node-1+ID/ID.dcm"), below(peer()));
    }

    @Test
    void theScanNeverRemovesAnOpenBatchFolder() throws Exception {
        ReceivedBatches batches = batches(1000, 3600);
        batches.add(1, peer(), arrived("a"));
        Path incoming = dir.resolve("incoming");
        IncomingFiles.removeEmptyDirectories(incoming, Instant.now().plusSeconds(60));
        assertEquals(List.of(".batch-node-1+ID/ID.dcm"), below(peer()));
        assertTrue(batches.end(1));
        assertEquals(List.of("batch-node-1+ID/ID.dcm"), below(peer()));
    }

    @Test
    void hiddenBatchesLeftByACrashAreReleasedAndEmptyOnesRemoved() throws Exception {
        Path full = Files.createDirectories(peer().resolve(".batch-3f1c0c4e-0000-4000-8000-000000000001"));
        Files.writeString(full.resolve("d0c1a7e2-0000-4000-8000-000000000002.dcm"), "acknowledged");
        Path empty = Files.createDirectories(dir.resolve("incoming/received/MR3=123456/.batch-3f1c0c4e-0000-4000-8000-000000000003"));
        Path unrelated = Files.writeString(peer().resolve(".notes"), "not a batch");
        Path released = Files.createDirectories(peer().resolve("batch-3f1c0c4e-0000-4000-8000-000000000004"));

        assertEquals(1, ReceivedBatches.recover(dir.resolve("incoming/received"), "node-1"));
        assertFalse(Files.exists(full));
        assertEquals("acknowledged", Files.readString(peer().resolve(
                "batch-3f1c0c4e-0000-4000-8000-000000000001/d0c1a7e2-0000-4000-8000-000000000002.dcm")));
        assertFalse(Files.exists(empty));
        assertTrue(Files.exists(unrelated), "other hidden names are left alone");
        assertTrue(Files.isDirectory(released));
        assertEquals(0, ReceivedBatches.recover(dir.resolve("incoming/received"), "node-1"));
        assertEquals(0, ReceivedBatches.recover(dir.resolve("nothing-received-yet"), "node-1"));
    }

    @Test
    void recoveryReleasesOnlyTheBatchesOfTheNodeItRecoversAndThoseOfNoNode() throws Exception {
        Path mine = Files.createDirectories(peer().resolve(".batch-node-1+3f1c0c4e-0000-4000-8000-000000000011"));
        Path other = Files.createDirectories(peer().resolve(".batch-node-12+3f1c0c4e-0000-4000-8000-000000000012"));
        Path unnamed = Files.createDirectories(peer().resolve(".batch-3f1c0c4e-0000-4000-8000-000000000013"));
        for (Path batch : List.of(mine, other, unnamed)) {
            Files.writeString(batch.resolve("d0c1a7e2-0000-4000-8000-000000000002.dcm"), "acknowledged");
        }

        assertEquals(2, ReceivedBatches.recover(dir.resolve("incoming/received"), "node-1"));
        assertTrue(Files.isDirectory(other), "node-12 is filling its batch: left alone");
        assertTrue(Files.isDirectory(peer().resolve("batch-node-1+3f1c0c4e-0000-4000-8000-000000000011")));
        assertTrue(Files.isDirectory(peer().resolve("batch-3f1c0c4e-0000-4000-8000-000000000013")));

        assertEquals(1, ReceivedBatches.recover(dir.resolve("incoming/received"), "node-12"), "taken over when node-12 is lost");
        assertFalse(Files.exists(other));
    }

    @Test
    void manyAssociationsAndThePeriodicCheckAtOnceLoseNoObject() throws Exception {
        ReceivedBatches batches = new ReceivedBatches("node-1", 7, Duration.ofMillis(5));
        int associations = 4;
        int each = 200;
        ExecutorService pool = Executors.newFixedThreadPool(associations + 1);
        AtomicInteger checks = new AtomicInteger();
        try {
            List<Future<?>> senders = new ArrayList<>();
            for (int a = 0; a < associations; a++) {
                long number = a;
                Path folder = Files.createDirectories(dir.resolve("incoming.receiving/association-" + a));
                senders.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        batches.add(number, peer(), Files.writeString(folder.resolve("object-" + i + ".dcm"), "x"));
                    }
                    batches.end(number);
                    return null;
                }));
            }
            Future<?> checker = pool.submit(() -> {
                while (senders.stream().anyMatch(f -> !f.isDone())) {
                    checks.addAndGet(batches.releaseDue());
                }
            });
            for (Future<?> sender : senders) {
                sender.get(60, TimeUnit.SECONDS);
            }
            checker.get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(associations * each, visibleToTheScan().size(), "every object handed over");
        assertTrue(below(peer()).stream().noneMatch(f -> f.startsWith(".")), "no batch left hidden");
        assertEquals(0, batches.openBatches());
    }
}

package org.neuroarchive.individual.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroarchive.dicom.DicomReader;
import org.neuroarchive.testing.SyntheticSeries;

class ReadAheadTest {

    @TempDir
    Path dir;

    private final DicomReader reader = new DicomReader();

    private List<Path> series(int instances) throws IOException {
        return SyntheticSeries.mr().instances(instances).writeTo(dir, "mr");
    }

    /**
     * Offers every file, waits until the task has called the reader {@code reads} times, closes, and
     * answers what the parse then takes (null: left for the parse).
     */
    private List<ParallelInspection.Outcome> readAhead(ParallelInspection.Reader with, int capacity, List<Path> files,
            int reads) throws InterruptedException {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        CountDownLatch called = new CountDownLatch(reads);
        try {
            ReadAhead ahead = new ReadAhead(file -> {
                called.countDown();
                return with.inspect(file);
            }, capacity).start(pool);
            files.forEach(ahead::written);
            assertTrue(called.await(30, TimeUnit.SECONDS), "the task reads");
            ahead.close(); // waits for the file being read
            List<ParallelInspection.Outcome> taken = new ArrayList<>();
            for (Path file : files) {
                taken.add(ahead.take(file));
            }
            return taken;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theParseGetsWhatTheTaskReadAndReadsTheRestItself() throws Exception {
        List<Path> files = series(30);
        Set<Path> readTwice = ConcurrentHashMap.newKeySet();
        Set<Path> readOnce = ConcurrentHashMap.newKeySet();
        ParallelInspection.Reader counting = file -> {
            if (!readOnce.add(file)) {
                readTwice.add(file);
            }
            return reader.inspect(file);
        };
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            ReadAhead ahead = new ReadAhead(counting, 100).start(pool);
            files.forEach(ahead::written);
            ahead.close();
            List<ParallelInspection.Outcome> outcomes = new ParallelInspection(counting, pool, 2).inspect(files, ahead::take);
            for (int i = 0; i < files.size(); i++) {
                assertEquals(reader.inspect(files.get(i)).sha256(), outcomes.get(i).instance().sha256());
            }
            assertEquals(Set.copyOf(files), readOnce, "every file read");
            assertEquals(Set.of(), readTwice, "no file read twice");
            assertNull(ahead.take(files.get(0)), "an outcome is handed over once");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void atMostCapacityOutcomesAreKept() throws Exception {
        List<ParallelInspection.Outcome> taken = readAhead(reader::inspect, 5, series(12), 5);
        assertEquals(5, taken.stream().filter(o -> o != null).count());
        for (int i = 0; i < 5; i++) {
            assertNotNull(taken.get(i), "the first files written are the ones kept");
        }
    }

    @Test
    void aFileThatCannotBeReadIsLeftForTheParseAndAFormatProblemIsKept() throws Exception {
        List<Path> files = new ArrayList<>(series(4));
        files.add(Files.writeString(dir.resolve("notes.txt"), "not DICOM"));
        Path failing = files.get(1);
        List<ParallelInspection.Outcome> taken = readAhead(file -> {
            if (file.equals(failing)) {
                throw new IOException("Input/output error");
            }
            return reader.inspect(file);
        }, 100, files, files.size());
        assertNull(taken.get(1), "an I/O failure is met again by the parse");
        assertNotNull(taken.get(0).instance());
        assertNull(taken.get(4).instance());
        assertNotNull(taken.get(4).unreadableReason(), "not DICOM: its reason is kept");
    }

    @Test
    void closeDoesNotWaitForATaskTheExecutorNeverBegan() throws Exception {
        List<Path> files = series(3);
        AtomicInteger reads = new AtomicInteger();
        List<Runnable> queued = new ArrayList<>();
        ReadAhead ahead = new ReadAhead(file -> {
            reads.incrementAndGet();
            return reader.inspect(file);
        }, 100).start(queued::add);
        files.forEach(ahead::written);
        ahead.close(); // returns: the task never began
        assertEquals(1, queued.size());
        queued.get(0).run(); // begun late: ends at once
        assertEquals(0, reads.get());
        assertNull(ahead.take(files.get(0)));
    }

    @Test
    void nothingIsReadAheadWhenTheExecutorRefusesAndCloseNeverWaitsForIt() throws Exception {
        List<Path> files = series(3);
        AtomicInteger reads = new AtomicInteger();
        ReadAhead refused = new ReadAhead(file -> {
            reads.incrementAndGet();
            return reader.inspect(file);
        }, 100).start(task -> {
            throw new RejectedExecutionException("busy");
        });
        files.forEach(refused::written);
        refused.close();
        refused.close();
        assertNull(refused.take(files.get(0)));
        assertEquals(0, reads.get());
    }
}

package org.neuroarchive.individual.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroarchive.dicom.DicomFormatException;
import org.neuroarchive.dicom.DicomReader;
import org.neuroarchive.dicom.InspectedInstance;
import org.neuroarchive.testing.SyntheticSeries;

class ParallelInspectionTest {

    @TempDir
    Path dir;

    private final DicomReader reader = new DicomReader();

    /** 40 instances with a text file, an empty file and a truncated instance among them. */
    private List<Path> files() throws IOException {
        List<Path> files = new ArrayList<>(SyntheticSeries.mr().instances(40).writeTo(dir, "mr"));
        Path text = Files.writeString(dir.resolve("notes.txt"), "not DICOM");
        Path empty = Files.createFile(dir.resolve("empty.dcm"));
        byte[] whole = Files.readAllBytes(files.get(0));
        Path truncated = Files.write(dir.resolve("truncated.dcm"), java.util.Arrays.copyOf(whole, whole.length - 100));
        files.add(7, text);
        files.add(20, empty);
        files.add(33, truncated);
        return files;
    }

    /** What one reader finds in {@code file}, to compare with. */
    private String alone(Path file) throws IOException {
        try {
            InspectedInstance instance = reader.inspect(file);
            return instance.sha256() + " " + instance.size() + " " + instance.header().sopInstanceUid();
        } catch (DicomFormatException bad) {
            return "unreadable " + Files.size(file) + ": " + bad.reason();
        }
    }

    private static String text(ParallelInspection.Outcome outcome) {
        return outcome.instance() == null ? "unreadable " + outcome.size() + ": " + outcome.unreadableReason()
                : outcome.instance().sha256() + " " + outcome.size() + " " + outcome.instance().header().sopInstanceUid();
    }

    @Test
    void manyThreadsFindWhatOneReaderFindsInTheSameOrder() throws Exception {
        List<Path> files = files();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<ParallelInspection.Outcome> outcomes = new ParallelInspection(reader::inspect, pool, 4).inspect(files);
            assertEquals(files.size(), outcomes.size());
            for (int i = 0; i < files.size(); i++) {
                assertEquals(alone(files.get(i)), text(outcomes.get(i)), files.get(i).getFileName().toString());
            }
            assertNull(outcomes.get(7).instance());
            assertNotNull(outcomes.get(8).instance());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theCallerReadsEverythingWhenTheExecutorRefusesOrNeverRunsItsTasks() throws Exception {
        List<Path> files = files();
        List<Runnable> neverRun = new ArrayList<>();
        List<ParallelInspection.Outcome> queued = new ParallelInspection(reader::inspect, neverRun::add, 2).inspect(files);
        List<ParallelInspection.Outcome> refused = new ParallelInspection(reader::inspect, task -> {
            throw new RejectedExecutionException("busy");
        }, 2).inspect(files);
        assertEquals(1, neverRun.size());
        for (int i = 0; i < files.size(); i++) {
            assertEquals(alone(files.get(i)), text(queued.get(i)));
            assertEquals(alone(files.get(i)), text(refused.get(i)));
        }
        neverRun.get(0).run(); // started late: finds nothing left to read
    }

    @Test
    void aFileThatVanishedIsUnreadableAndAFailingReadIsThrown() throws Exception {
        List<Path> files = files();
        Files.delete(files.get(3));
        ParallelInspection.Outcome gone = new ParallelInspection(reader::inspect, Runnable::run, 2).inspect(files).get(3);
        assertNull(gone.instance());
        assertTrue(gone.unreadableReason().contains("disappeared"), gone.unreadableReason());

        Path failing = files.get(5);
        ParallelInspection.Reader diskError = file -> {
            if (file.equals(failing)) {
                throw new IOException("Input/output error");
            }
            return reader.inspect(file);
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            IOException thrown = assertThrows(IOException.class,
                    () -> new ParallelInspection(diskError, pool, 3).inspect(files.subList(4, 30)));
            assertEquals("Input/output error", thrown.getMessage());
        } finally {
            pool.shutdownNow();
        }
    }
}

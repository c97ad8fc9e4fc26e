package org.neuroarchive.individual.control;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.neuroarchive.dicom.DicomFormatException;
import org.neuroarchive.dicom.DicomReader;
import org.neuroarchive.dicom.InspectedInstance;

/**
 * Reads the staged files of a parse completely (digest, completeness, header), several at a time: the
 * calling thread reads, and up to {@code threads - 1} tasks of the server's executor read beside it,
 * each taking the next file not yet taken. Results come back in the order of the files, so the parse
 * groups them as a single reader would. Nothing waits for a task that never started: the files are
 * shared out as threads arrive, and the call returns when every file is read.
 */
final class ParallelInspection {

    /** What reading one file gave: the instance, or why the file is unusable. */
    record Outcome(InspectedInstance instance, long size, String unreadableReason) {
    }

    /** Reads one file completely ({@link DicomReader#inspect}). */
    @FunctionalInterface
    interface Reader {
        InspectedInstance inspect(Path file) throws IOException, DicomFormatException;
    }

    private final Reader reader;
    private final Executor executor;
    private final int threads;

    ParallelInspection(Reader reader, Executor executor, int threads) {
        this.reader = reader;
        this.executor = executor;
        this.threads = Math.max(1, threads);
    }

    /** The outcome of every file of {@code files}, in order; an I/O failure other than a vanished file is thrown. */
    List<Outcome> inspect(List<Path> files) throws IOException {
        return inspect(files, file -> null);
    }

    /** As {@link #inspect(List)}, reading only the files for which {@code known} has no outcome yet. */
    List<Outcome> inspect(List<Path> files, Function<Path, Outcome> known) throws IOException {
        Batch batch = new Batch(files, known);
        for (int t = 1; t < Math.min(threads, files.size()); t++) {
            try {
                executor.execute(batch::work);
            } catch (RejectedExecutionException busy) {
                break; // the calling thread reads the rest
            }
        }
        batch.work();
        batch.awaitAll();
        return batch.outcomes();
    }

    /** Reads {@code file} with {@code reader}: its instance, or why it is unusable. */
    static Outcome outcome(Reader reader, Path file) throws IOException {
        try {
            InspectedInstance instance = reader.inspect(file);
            return new Outcome(instance, instance.size(), null);
        } catch (DicomFormatException bad) {
            return new Outcome(null, Files.size(file), bad.reason());
        } catch (NoSuchFileException gone) {
            return new Outcome(null, 0, "the file disappeared from staging");
        }
    }

    /** The files of one call, taken one at a time by whichever thread is free. */
    private final class Batch {
        private final List<Path> files;
        private final Function<Path, Outcome> known;
        private final Outcome[] outcomes;
        private final AtomicInteger next = new AtomicInteger();
        private int finished;
        private Throwable failure;

        Batch(List<Path> files, Function<Path, Outcome> known) {
            this.files = files;
            this.known = known;
            this.outcomes = new Outcome[files.size()];
        }

        void work() {
            for (int i = next.getAndIncrement(); i < files.size(); i = next.getAndIncrement()) {
                Outcome outcome = null;
                Throwable failed = null;
                try {
                    outcome = known.apply(files.get(i));
                    if (outcome == null) {
                        outcome = outcome(reader, files.get(i));
                    }
                } catch (IOException | RuntimeException | Error e) {
                    failed = e;
                }
                done(i, outcome, failed);
            }
        }

        private synchronized void done(int i, Outcome outcome, Throwable failed) {
            outcomes[i] = outcome;
            if (failed != null && failure == null) {
                failure = failed;
            }
            finished++;
            if (finished == files.size()) {
                notifyAll();
            }
        }

        synchronized void awaitAll() throws IOException {
            boolean interrupted = false;
            while (finished < files.size()) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    interrupted = true; // the files being read are finished first: their results are needed
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            if (failure instanceof IOException io) {
                throw io;
            }
            if (failure instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (failure instanceof Error error) {
                throw error;
            }
        }

        synchronized List<Outcome> outcomes() {
            return new ArrayList<>(Arrays.asList(outcomes));
        }
    }
}

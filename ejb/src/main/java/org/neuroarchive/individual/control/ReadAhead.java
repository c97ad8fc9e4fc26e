package org.neuroarchive.individual.control;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Reads staged files while the unpack is still writing the next ones: the unpack (kernel time,
 * copying) and the reading (CPU time, digest and header) then share the machine instead of taking
 * turns. One task of the server's executor takes the files in the order they were written; what it
 * read is kept until the parse asks for it ({@link #take}), at most {@code capacity} outcomes (each
 * holds a header of a few KiB), after which further files are left for the parse to read itself.
 * A file it could not read for any reason but a format problem is left for the parse too, which then
 * meets the same failure as without a read-ahead.
 */
final class ReadAhead implements AutoCloseable {

    private static final Path END = Path.of("");

    private final ParallelInspection.Reader reader;
    private final int capacity;
    private final LinkedBlockingQueue<Path> written = new LinkedBlockingQueue<>();
    private final Map<Path, ParallelInspection.Outcome> read = new ConcurrentHashMap<>();
    private volatile boolean stopped;
    private boolean reading; // guarded by this: the task has begun and not yet ended

    ReadAhead(ParallelInspection.Reader reader, int capacity) {
        this.reader = reader;
        this.capacity = capacity;
    }

    /** Starts the reading task on {@code executor}; when the executor refuses, nothing is read ahead. */
    ReadAhead start(Executor executor) {
        try {
            executor.execute(this::work);
        } catch (RejectedExecutionException busy) {
            stopped = true;
        }
        return this;
    }

    /** A file of staging is complete: read it when the task gets to it. */
    void written(Path file) {
        if (!stopped && file != null) {
            written.add(file.toAbsolutePath().normalize());
        }
    }

    /** What reading {@code file} gave, if the task read it (once: the outcome is handed over). */
    ParallelInspection.Outcome take(Path file) {
        return read.remove(file.toAbsolutePath().normalize());
    }

    /**
     * Stops taking files and waits until the file being read is done, so that no file is read twice
     * at the same time; what was read stays available to {@link #take}. A task that has not begun yet
     * (the executor queued it) is not waited for: when it begins, it ends at once.
     */
    @Override
    public void close() {
        stopped = true;
        written.clear();
        written.add(END);
        synchronized (this) {
            boolean interrupted = false;
            while (reading) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void work() {
        synchronized (this) {
            if (stopped) {
                return; // begun after close: nothing to do
            }
            reading = true;
        }
        try {
            while (!stopped) {
                Path file = written.poll(1, TimeUnit.SECONDS);
                if (file == null || file == END) {
                    continue;
                }
                if (read.size() >= capacity) {
                    stopped = true; // the parse reads the rest itself
                    break;
                }
                readOne(file);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            synchronized (this) {
                reading = false;
                notifyAll();
            }
        }
    }

    private void readOne(Path file) {
        try {
            read.put(file, ParallelInspection.outcome(reader, file));
        } catch (Exception unread) {
            // left for the parse, which reads the file again and reports what it meets
        }
    }
}

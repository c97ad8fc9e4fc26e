package org.neuroarchive.individual.control;

import org.neuroarchive.common.control.Roles;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedExecutors;
import jakarta.enterprise.concurrent.ManagedTask;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.neuroarchive.dicom.DicomReader;

/**
 * Parses an individual import: unpacks (and anonymizes) its files into staging once, reads every file
 * once (several at a time, most of them while the unpack still writes the next ones: {@link ReadAhead}),
 * groups the readable ones into subject → study → series by the import's criteria and records them
 * with what they match; unreadable files are listed with their reasons. Runs outside a
 * transaction (a parse may take long); progress and results are written in short transactions.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@RolesAllowed({Roles.SYSTEM, Roles.USER})
public class ImportParser {

    private static final Logger LOG = Logger.getLogger("org.neuroarchive.import");
    private static final int CHECK_EVERY = 50;
    private static final int SERIES_PER_TRANSACTION = 20;
    private static final int UNREADABLE_PER_TRANSACTION = 500;
    /** Files read while the unpack goes on, kept for the parse: at most this many headers (a few KiB each). */
    private static final int READ_AHEAD_FILES = 8_192;

    @Inject
    ParseProgress progress;

    @Inject
    ImportUnpacking unpacking;

    @Inject
    StagedSeriesWriter writer;

    @Inject
    StagingArea staging;

    /** Threads that read files beside the parse's own ({@link ParallelInspection}). */
    @Resource
    ManagedExecutorService executor;

    private final DicomReader reader = new DicomReader();

    public void parse(long importId, int generation) {
        Optional<ParseJob> started = progress.start(importId, generation);
        if (started.isEmpty()) {
            LOG.fine(() -> "parse message for import " + importId + " (generation " + generation + ") ignored: not waiting for it");
            return;
        }
        ParseJob job = started.get();
        try (ReadAhead readAhead = new ReadAhead(reader::inspect, READ_AHEAD_FILES)) {
            if (!job.unpacked()) {
                String summary = unpacking.unpack(job, readAhead.start(this::runLong)::written);
                progress.unpacked(importId, summary);
            }
            readAhead.close(); // what it read is kept; the rest is read below
            if (!progress.current(importId, generation)) {
                return; // cancelled while unpacking
            }
            read(job, readAhead);
        } catch (UnpackException refused) {
            staging.remove(staging.root(importId));
            progress.failed(importId, generation, refused.getMessage() + "; nothing was kept");
        } catch (IOException e) {
            progress.failed(importId, generation, "the staging folder could not be read or written: " + e.getMessage());
        } catch (PathRefusedException refused) {
            progress.failed(importId, generation, refused.getMessage());
        } finally {
            if (progress.cancelled(importId)) {
                staging.remove(staging.root(importId)); // cancelled while this parse was writing to staging
            }
        }
    }

    /** Runs {@code task} on the executor as a long-running task: it lasts as long as the unpack. */
    private void runLong(Runnable task) {
        executor.execute(ManagedExecutors.managedTask(task, Map.of(ManagedTask.LONGRUNNING_HINT, "true"), null));
    }

    private void read(ParseJob job, ReadAhead readAhead) throws IOException {
        Path files = staging.files(job.importId());
        List<Path> all;
        if (Files.isDirectory(files)) {
            try (Stream<Path> walk = Files.walk(files)) {
                all = walk.filter(Files::isRegularFile).sorted().toList();
            }
        } else {
            all = List.of();
        }
        SeriesBuckets buckets = new SeriesBuckets(job.criteria(), job.patientId(), job.modality());
        List<StagedSeriesWriter.Unreadable> unreadable = new ArrayList<>();
        long bytes = 0;
        ParallelInspection inspection = new ParallelInspection(reader::inspect, executor, Runtime.getRuntime().availableProcessors());
        for (int from = 0; from < all.size(); from += CHECK_EVERY) {
            if (!progress.progress(job.importId(), job.generation(), 100 * from / all.size(),
                    "reading file " + (from + 1) + " of " + all.size())) {
                return; // cancelled or parsed anew
            }
            List<Path> chunk = all.subList(from, Math.min(all.size(), from + CHECK_EVERY));
            List<ParallelInspection.Outcome> outcomes = inspection.inspect(chunk, readAhead::take);
            for (int i = 0; i < chunk.size(); i++) {
                String name = StagingArea.relativeName(files, chunk.get(i));
                ParallelInspection.Outcome read = outcomes.get(i);
                if (read.instance() == null) {
                    unreadable.add(new StagedSeriesWriter.Unreadable(name, read.size(), read.unreadableReason()));
                } else {
                    buckets.add(name, read.size(), read.instance().sha256(), read.instance().header());
                    bytes += read.size();
                }
            }
        }
        List<SeriesBuckets.Bucket> found = new ArrayList<>(buckets.buckets());
        for (int from = 0; from < found.size(); from += SERIES_PER_TRANSACTION) {
            writer.series(job.importId(), found.subList(from, Math.min(found.size(), from + SERIES_PER_TRANSACTION)),
                    job.project(), job.criteria());
        }
        for (int from = 0; from < unreadable.size(); from += UNREADABLE_PER_TRANSACTION) {
            writer.unreadable(job.importId(), unreadable.subList(from, Math.min(unreadable.size(), from + UNREADABLE_PER_TRANSACTION)));
        }
        progress.completed(job.importId(), job.generation(), all.size(), unreadable.size(),
                summary(found, all.size(), unreadable.size(), bytes));
    }

    private static String summary(List<SeriesBuckets.Bucket> found, int files, int unreadable, long bytes) {
        long subjects = found.stream().filter(b -> !b.key().nonmatch()).map(b -> b.key().subject()).distinct().count();
        long studies = found.stream().filter(b -> !b.key().nonmatch())
                .map(b -> b.key().subject() + "\n" + b.key().study()).distinct().count();
        long series = found.stream().filter(b -> !b.key().nonmatch()).count();
        long nonmatch = found.stream().filter(b -> b.key().nonmatch()).count();
        return files + " files (" + bytes + " bytes readable): " + subjects + " subjects, " + studies + " studies, "
                + series + " series" + (nonmatch > 0 ? ", " + nonmatch + " series of another modality (nonmatch)" : "")
                + (unreadable > 0 ? ", " + unreadable + " unreadable files" : "");
    }
}

package org.neuroarchive.importing.control;

import org.neuroarchive.common.control.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import org.neuroarchive.archive.control.ProblemStore;
import org.neuroarchive.config.ImportSettings;
import org.neuroarchive.config.StorageLocations;
import org.neuroarchive.dicom.DicomFormatException;
import org.neuroarchive.dicom.GroupingKeys;
import org.neuroarchive.dicom.DicomReader;

/**
 * The global import's folder scan: reads the headers of settled files in incomingdir, quarantines
 * what is not usable DICOM, groups the rest into series, claims each series by atomic renames into
 * its claim folder and queues one archive message per series. One scan at a time; a scan asked for
 * while another runs is not started but makes the running one look once more when it is done (files
 * may have arrived after its walk, e.g. from the DICOM receiver).
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@RolesAllowed({Roles.SYSTEM, Roles.USER})
public class IncomingScanner {

    private static final Logger LOG = Logger.getLogger("org.neuroarchive.import");

    private static final long SECOND_LOOK_MILLIS = 1000;
    /** Scans in a row at most (a backlog of 100,000 files is 20 chunks of 5,000). */
    private static final int MAX_ROUNDS = 40;
    /**
     * No further round once a scan call has run this long: a backlog is taken a chunk or two per call
     * and the next call follows within a second ({@link #nextSettledMillis} says files are ready), so a
     * call returns within about 10 s however many files wait (a round of 5,000 takes 2 to 7 s here).
     */
    private static final long NO_ROUND_AFTER_MILLIS = 2_500;

    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean askedAgain = new AtomicBoolean();
    private final DicomReader reader = new DicomReader();
    /** Sizes of the files seen in incomingdir, for the settle rule (only touched by the running scan). */
    private final Map<Path, Long> sizesSeen = new HashMap<>();
    private volatile int waiting;
    /** When the first file the last scan found too recent will be settled (epoch millis; MAX_VALUE: none). */
    private volatile long nextSettled = Long.MAX_VALUE;

    @Inject
    StorageLocations locations;

    @Inject
    ImportSettings settings;

    @Inject
    ProblemStore problems;

    @Inject
    ClaimQueue claims;

    @Inject
    ScanLog scanLog;

    /** Files seen in incomingdir at the last scan that are not settled yet. */
    public int waitingFiles() {
        return waiting;
    }

    /**
     * When the first file that the last scan left as too recent will have been unchanged for the settle
     * time (epoch millis), so that a scan then takes it without waiting for the next scan interval;
     * {@link Long#MAX_VALUE} when no file waits for that.
     */
    public long nextSettledMillis() {
        return nextSettled;
    }

    public ScanSummary scan() {
        if (!running.compareAndSet(false, true)) {
            askedAgain.set(true);
            return ScanSummary.skipped();
        }
        try {
            askedAgain.set(false);
            long started = System.currentTimeMillis();
            completeScanSummaries();
            ScanSummary summary = scanOnce();
            int rounds = 1;
            boolean moreWaiting = false;
            for (; rounds < MAX_ROUNDS; rounds++) {
                boolean more = summary.filesRead() >= settings.chunkSize();
                if (more && System.currentTimeMillis() - started >= NO_ROUND_AFTER_MILLIS) {
                    nextSettled = System.currentTimeMillis(); // files are ready: the timer starts the next call
                    moreWaiting = true;
                    break;
                }
                if (more || askedAgain.getAndSet(false)) {
                    summary = scanOnce(); // a full chunk (more files are waiting), or asked for meanwhile
                } else if (summary.filesRead() == 0 && summary.firstSeen() > 0) {
                    // old files seen for the first time need a second look at their size: one
                    // second later, rather than a whole scan interval
                    Thread.sleep(SECOND_LOOK_MILLIS);
                    summary = scanOnce();
                } else {
                    break;
                }
            }
            logCall(rounds, System.currentTimeMillis() - started, moreWaiting);
            return summary;
        } catch (IOException e) {
            LOG.warning(() -> "scan of incomingdir " + locations.incoming() + " failed: " + e);
            return ScanSummary.skipped();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ScanSummary.skipped();
        } finally {
            running.set(false);
        }
    }

    /** One line for a call of several rounds (a backlog): how long it took and whether more is waiting. */
    private static void logCall(int rounds, long millis, boolean moreWaiting) {
        if (rounds > 1 || moreWaiting) {
            LOG.info(() -> "scan of incomingdir: this call took " + rounds + " round(s), " + millis + " ms"
                    + (moreWaiting ? "; more files are waiting, the next call follows within a second" : ""));
        }
    }

    /** The summaries of earlier scans that the commits of their last series did not complete. */
    private void completeScanSummaries() {
        try {
            scanLog.completeSettled();
        } catch (RuntimeException e) {
            LOG.fine(() -> "scan summaries not completed this time: " + e);
        }
    }

    private ScanSummary scanOnce() throws IOException {
        long start = System.currentTimeMillis();
        Path incoming = locations.incoming();
        Instant settledBefore = Instant.now().minusSeconds(settings.settleSeconds());
        IncomingFiles.Found found = IncomingFiles.find(incoming, locations.received(), settledBefore,
                settings.chunkSize(), sizesSeen);
        waiting = found.notSettled();
        nextSettled = found.oldestRecent() == null ? Long.MAX_VALUE
                : found.oldestRecent().plusSeconds(settings.settleSeconds()).toEpochMilli() + 1;
        if (found.ready().isEmpty()) {
            return new ScanSummary(true, 0, found.notSettled(), found.firstSeen(), 0, 0, 0, 0,
                    System.currentTimeMillis() - start);
        }
        long scanId = scanLog.open();
        // one grouper per project a DICOM peer's files go to (null: the import's rules), see ReceivedFolders
        Map<String, SeriesGrouper> groupers = new HashMap<>();
        int quarantined = 0;
        for (Path file : found.ready()) {
            Path relative = incoming.relativize(file);
            String name = relative.toString();
            try {
                GroupingKeys keys = reader.readGroupingKeys(file); // the archive transaction reads it completely
                groupers.computeIfAbsent(ReceivedFolders.costcenter(relative), project -> new SeriesGrouper()).add(file, keys);
            } catch (DicomFormatException bad) {
                problems.quarantineNow(file, name, bad.reason());
                quarantined++;
            } catch (NoSuchFileException gone) {
                LOG.fine(() -> name + " disappeared while scanning");
            } catch (IOException | RuntimeException e) {
                LOG.warning(() -> name + " stays in incomingdir for the next scan: " + e);
            }
        }
        int queued = 0;
        int grouped = 0;
        for (SeriesGrouper grouper : groupers.values()) {
            queued += claims.claimAndQueue(incoming, grouper.groups(), scanId);
            grouped += grouper.fileCount();
        }
        found.ready().forEach(sizesSeen::remove);
        if (found.complete()) {
            // once per backlog, not once per chunk: every walk of the whole tree costs O(files waiting)
            IncomingFiles.removeEmptyDirectories(incoming, settledBefore);
        }
        ScanSummary summary = new ScanSummary(true, found.ready().size(), found.notSettled(), found.firstSeen(),
                quarantined, queued, grouped, found.readyBytes(), System.currentTimeMillis() - start);
        scanLog.finish(scanId, summary);
        LOG.info(summary::describe);
        return summary;
    }
}

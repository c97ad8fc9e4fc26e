package org.neuroarchive.importing.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.logging.Logger;
import org.neuroarchive.archive.control.ArchiveRequest;
import org.neuroarchive.archive.control.ArchiveRequestHandler;
import org.neuroarchive.cluster.control.ScanLeases;
import org.neuroarchive.audit.control.AuditTrail;
import org.neuroarchive.audit.entity.Actor;
import org.neuroarchive.audit.entity.AuditEvent;
import org.neuroarchive.importing.entity.ClaimedSeries;

/**
 * The global import's side of the one archive-request path: requests for the series a scan of
 * incomingdir claimed (copied-in folders and objects received over DICOM alike). What became of the
 * series goes to the audit trail once its archive transaction has committed.
 */
@ApplicationScoped
public class ClaimedSeriesRequests implements ArchiveRequestHandler {

    private static final Logger LOG = Logger.getLogger("org.neuroarchive.import");

    @Inject
    ClaimedSeriesArchiver archiver;

    @Inject
    ClaimedSeriesRetries retries;

    @Inject
    ClaimRecovery recovery;

    @Inject
    ScanLeases leases;

    @Inject
    AuditTrail audit;

    @Inject
    ScanLog scans;

    /** The archive request of a claimed series, for who released it (a reviewer) or else the system. */
    static ArchiveRequest of(ClaimedSeries batch) {
        return new ArchiveRequest(ArchiveRequest.Kind.CLAIMED_SERIES, batch.getId(), Actor.parse(batch.getReleaseActor()));
    }

    @Override
    public ArchiveRequest.Kind kind() {
        return ArchiveRequest.Kind.CLAIMED_SERIES;
    }

    @Override
    public void archive(ArchiveRequest request) {
        long batchId = request.id();
        AuditEvent.Builder archived = archiver.archive(batchId);
        settled(batchId);
        if (archived != null) {
            audit.record(archived);
            return;
        }
        try {
            recovery.finishArchivedLeftovers(batchId);
        } catch (IOException e) {
            // the leftovers of a finished batch could not be moved now: the next start-up recovery does it
            LOG.warning(() -> "import batch " + batchId + ": claimed files of a finished batch not removed now: " + e);
        }
    }

    /** Its scan's summary, outside the archive transaction; what fails here the next scan completes. */
    private void settled(long batchId) {
        try {
            scans.batchSettled(batchId);
        } catch (RuntimeException e) {
            LOG.fine(() -> "import batch " + batchId + ": scan summary left to the next scan: " + e);
        }
    }

    @Override
    public void attemptFailed(ArchiveRequest request, String reason) {
        retries.attemptFailed(request.id(), reason);
    }

    @Override
    public int resendDue() {
        return retries.resendDueQuietly();
    }

    /**
     * The claim folders are recovered by the node that holds the scan of incomingdir (on one server: this
     * one, always); another running node's claims are never touched. A node that takes the scan over
     * later recovers them then (IncomingScanTimer).
     */
    @Override
    public void recover() throws IOException {
        if (leases.hold(0).held()) {
            recovery.recover();
        } else {
            LOG.info("another node scans incomingdir: its claim folders are left to it");
        }
    }
}

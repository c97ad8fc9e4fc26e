package org.neuroarchive.receiver.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import org.neuroarchive.audit.control.AuditTrail;
import org.neuroarchive.audit.entity.Actor;
import org.neuroarchive.audit.entity.AuditEvent;
import org.neuroarchive.dicom.AssociationInfo;
import org.neuroarchive.dicom.Refusal;

/**
 * The receiver's audit rows and log lines: one {@code dicom.association} row per association (peer
 * address, AE titles, objects stored, released or aborted) and one {@code dicom.refused} row per
 * refusal with its reason, each naming the peer ({@code peer:<calling AE>@<address>}). Rows are written
 * off the listener's threads, at most {@link #MAX_PENDING} waiting (a flood of refused connections
 * cannot queue without bound: beyond that, rows are counted as dropped and the log says so). Refusals
 * reach the log at most once per {@link #LOG_EVERY_MILLIS}, with a count of those not logged.
 * Peer-supplied text arrives cleaned ({@link org.neuroarchive.dicom.PeerText}).
 */
@ApplicationScoped
public class ReceiverAudit {

    static final int MAX_PENDING = 1000;
    static final long LOG_EVERY_MILLIS = 10_000;
    private static final Logger LOG = Logger.getLogger("org.neuroarchive.receiver");

    @Inject
    AuditTrail trail;

    @Resource
    ManagedExecutorService executor;

    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicLong dropped = new AtomicLong();
    private long lastRefusalLogged;
    private long refusalsNotLogged;

    void association(AssociationInfo association, boolean released, int objectsStored, String problem) {
        String detail = "calling AE " + association.callingAet() + ", called AE " + association.calledAet()
                + (association.tls() ? ", TLS" : "") + ", peer " + association.peer().text() + ", " + objectsStored
                + " objects stored, " + (released ? "released" : "aborted: " + problem);
        AuditEvent.Builder event = AuditEvent.of(Actor.peer(association.callingAet(), association.remoteAddress()),
                        "dicom.association").from(association.remoteAddress()).object("association", association.number())
                .project(association.peer().costcenter()).detail(detail);
        if (!released) {
            event.outcome(AuditEvent.Outcome.FAILED);
            LOG.info(() -> "DICOM association " + association.number() + " from " + association.remoteAddress() + " (AE "
                    + association.callingAet() + ") ended without release (" + problem + "); " + objectsStored
                    + " objects stored, an incomplete one was discarded");
        }
        record(event);
    }

    void refused(Refusal refusal) {
        record(AuditEvent.of(Actor.peer(refusal.callingAet(), refusal.remoteAddress()), "dicom.refused")
                .from(refusal.remoteAddress()).refused(refusal.reason().text() + ": " + refusal.detail()));
        long skipped = skipLogLine();
        if (skipped >= 0) {
            LOG.warning(() -> "DICOM refused " + refusal.remoteAddress() + (refusal.callingAet() == null ? ""
                    : " (AE " + refusal.callingAet() + ")") + ": " + refusal.reason().text() + ": " + refusal.detail()
                    + (skipped > 0 ? " (" + skipped + " more refusals not logged; the audit trail has them)" : ""));
        }
    }

    /** -1 when this refusal is not to be logged; otherwise how many were not logged since the last line. */
    private synchronized long skipLogLine() {
        long now = System.currentTimeMillis();
        if (now - lastRefusalLogged < LOG_EVERY_MILLIS) {
            refusalsNotLogged++;
            return -1;
        }
        lastRefusalLogged = now;
        long skipped = refusalsNotLogged;
        refusalsNotLogged = 0;
        return skipped;
    }

    private void record(AuditEvent.Builder event) {
        if (pending.incrementAndGet() > MAX_PENDING) {
            pending.decrementAndGet();
            if (dropped.incrementAndGet() % 1000 == 1) {
                LOG.warning(() -> "DICOM audit rows are being dropped: " + dropped.get() + " so far (more than "
                        + MAX_PENDING + " waiting to be written)");
            }
            return;
        }
        Runnable write = () -> {
            try {
                trail.record(event);
            } catch (RuntimeException e) {
                LOG.warning(() -> "a DICOM audit row could not be written: " + e);
            } finally {
                pending.decrementAndGet();
            }
        };
        if (executor == null) {
            write.run();
            return;
        }
        try {
            executor.execute(write);
        } catch (RejectedExecutionException e) {
            write.run();
        }
    }

    /** Audit rows not written because too many were waiting. */
    public long dropped() {
        return dropped.get();
    }
}

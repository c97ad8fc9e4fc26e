package org.neuroarchive.importing.boundary;

import org.neuroarchive.common.control.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicLong;
import org.neuroarchive.config.ImportSettings;
import org.neuroarchive.importing.control.ClaimRecovery;
import org.neuroarchive.importing.control.IncomingScanner;
import org.neuroarchive.cluster.control.ScanLeases;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.util.logging.Logger;

/**
 * The global import's clock. The schedule ticks every second; on the one node that holds the scan lease, a scan starts when the configured
 * interval ({@code neuroarchive.import.scan-interval-seconds}, default 10) has passed since the last
 * one started, so the interval is configuration, not code; or earlier, when a file the last scan left
 * because it was too recent has been unchanged for the settle time since (see {@link #due}).
 */
@Singleton
@Startup
@DependsOn("ApplicationStartup")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@jakarta.ejb.TransactionAttribute(jakarta.ejb.TransactionAttributeType.NOT_SUPPORTED)
@RunAs(Roles.SYSTEM)
@PermitAll
public class IncomingScanTimer {

    private static final Logger LOG = Logger.getLogger("org.neuroarchive.import");

    private final AtomicLong lastScanStart = new AtomicLong();

    @Inject
    ImportSettings settings;

    @Inject
    IncomingScanner scanner;

    @Inject
    ScanLeases leases;

    @Inject
    ClaimRecovery claimRecovery;

    @Schedule(hour = "*", minute = "*", second = "*", persistent = false, info = "incomingdir scan")
    void tick() {
        if (!settings.enabled() || !holdLease()) {
            return;
        }
        long now = System.currentTimeMillis();
        long last = lastScanStart.get();
        if (due(now, last, settings.scanIntervalSeconds(), scanner.nextSettledMillis(), settings.settleSeconds())
                && lastScanStart.compareAndSet(last, now)) {
            scanner.scan();
        }
    }

    /**
     * Only the node holding the scan lease scans ({@link ScanLeases}); it renews the lease at every tick. A
     * node that takes the lease over (the holder was lost or stopped) first recovers the claim folders the
     * holder left, as a start-up would.
     */
    private boolean holdLease() {
        try {
            ScanLeases.Hold hold = leases.hold(scanner.waitingFiles());
            if (hold.grant() == ScanLeases.Grant.ACQUIRED) {
                claimRecovery.recover();
            }
            if (hold.grant() == ScanLeases.Grant.ACQUIRED || hold.scanAsked()) {
                lastScanStart.set(0); // a scan at once
            }
            return hold.held();
        } catch (IOException | RuntimeException e) {
            LOG.fine(() -> "scan lease not held this time: " + e);
            return false;
        }
    }

    /** The server stops: another node takes the scan at once rather than when the lease expires. */
    @PreDestroy
    void stop() {
        try {
            leases.release();
        } catch (RuntimeException e) {
            LOG.fine(() -> "scan lease not released: " + e);
        }
    }

    /**
     * Whether a scan is due at {@code now}: the scan interval has passed since the last scan began, or a
     * file the last scan found too recent has settled meanwhile ({@code nextSettled}, epoch millis) — then
     * at most every quarter of the settle time (at least a second), so that files arriving without pause
     * do not make the scanner walk incomingdir without pause. A file is thus taken about the settle time
     * after its last change, not up to a whole scan interval later (issue 14: latency).
     */
    static boolean due(long now, long last, int intervalSeconds, long nextSettled, int settleSeconds) {
        if (now - last >= intervalSeconds * 1000L) {
            return true;
        }
        return nextSettled <= now && now - last >= Math.max(1000L, settleSeconds * 250L);
    }
}

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
import org.neuroarchive.importing.control.IncomingScanner;

/**
 * The global import's clock. The schedule ticks every second; a scan starts when the configured
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

    private final AtomicLong lastScanStart = new AtomicLong();

    @Inject
    ImportSettings settings;

    @Inject
    IncomingScanner scanner;

    @Schedule(hour = "*", minute = "*", second = "*", persistent = false, info = "incomingdir scan")
    void tick() {
        if (!settings.enabled()) {
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

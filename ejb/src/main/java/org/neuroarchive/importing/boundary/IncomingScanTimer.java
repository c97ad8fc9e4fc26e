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
 * one started, so the interval is configuration, not code.
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
        if (now - last >= settings.scanIntervalSeconds() * 1000L && lastScanStart.compareAndSet(last, now)) {
            scanner.scan();
        }
    }
}

package org.neuroarchive.application;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.neuroarchive.archive.control.ArchiveRequestHandler;
import org.neuroarchive.common.control.Roles;
import org.neuroarchive.config.ImportSettings;

/**
 * The one re-send of archive requests, for every kind: as often as incomingdir is scanned
 * ({@code neuroarchive.import.scan-interval-seconds}, default 10, the pace the global import's retries
 * always had), each {@link ArchiveRequestHandler} sends again the requests whose retry is due and those
 * of series that have waited unchanged too long (see its {@code resendDue}). A round still running
 * when the next one is due is not doubled.
 */
@Singleton
@Startup
@DependsOn("ApplicationStartup")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@RunAs(Roles.SYSTEM)
@PermitAll
public class ArchiveRetryTimer {

    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicLong lastRound = new AtomicLong();

    @Inject
    ImportSettings settings;

    @Inject
    @Any
    Instance<ArchiveRequestHandler> handlers;

    @Schedule(hour = "*", minute = "*", second = "*", persistent = false, info = "archive request retries")
    void tick() {
        long now = System.currentTimeMillis();
        if (now - lastRound.get() < settings.scanIntervalSeconds() * 1000L || !running.compareAndSet(false, true)) {
            return;
        }
        lastRound.set(now);
        try {
            handlers.forEach(ArchiveRequestHandler::resendDue);
        } finally {
            running.set(false);
        }
    }
}

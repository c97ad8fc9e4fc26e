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
import org.neuroarchive.archive.control.ArchiveRequestHandler;
import org.neuroarchive.common.control.Roles;

/**
 * The one re-send of archive requests, for every kind: every five seconds, each
 * {@link ArchiveRequestHandler} sends again the requests whose retry is due and those of series that
 * have waited unchanged too long (see its {@code resendDue}). A round still running when the next one
 * is due is not doubled.
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

    @Inject
    @Any
    Instance<ArchiveRequestHandler> handlers;

    @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false, info = "archive request retries")
    void tick() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try {
            handlers.forEach(ArchiveRequestHandler::resendDue);
        } finally {
            running.set(false);
        }
    }
}

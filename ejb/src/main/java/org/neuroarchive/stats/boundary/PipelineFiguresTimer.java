package org.neuroarchive.stats.boundary;

import jakarta.annotation.PostConstruct;
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
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.neuroarchive.common.control.Roles;
import org.neuroarchive.stats.control.PipelineFigures;

/**
 * Every 15 seconds the pipeline's levels are read for the metrics (a point a minute for the status
 * screen's charts). Started with the application, so that the metrics are registered before the
 * first scrape.
 */
@Singleton
@Startup
@DependsOn("ApplicationStartup")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@RunAs(Roles.SYSTEM)
@PermitAll
public class PipelineFiguresTimer {

    private static final Logger LOG = Logger.getLogger(PipelineFiguresTimer.class.getName());

    @Inject
    PipelineFigures figures;

    /** The meters are registered, and the levels read, before the first scrape. */
    @PostConstruct
    void start() {
        tick();
    }

    @Schedule(hour = "*", minute = "*", second = "*/15", persistent = false, info = "pipeline figures")
    void tick() {
        try {
            figures.sample();
        } catch (RuntimeException e) {
            LOG.fine(() -> "pipeline figures not sampled this time: " + e); // e.g. the database is away
        }
    }
}

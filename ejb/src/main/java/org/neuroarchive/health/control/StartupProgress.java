package org.neuroarchive.health.control;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Whether the start-up (settings, schema, recovery of waiting series, repair of derived files) has
 * finished on this server: told by the start-up itself when it is done, asked by {@link HealthChecks}
 * without waiting for it.
 */
@ApplicationScoped
public class StartupProgress {

    private volatile boolean finished;

    public void finish() {
        finished = true;
    }

    public boolean finished() {
        return finished;
    }
}

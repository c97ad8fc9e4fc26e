package org.neuroarchive.web.health;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.neuroarchive.health.control.HealthChecks;

/** The liveness of {@code /api/health/live}, as the MicroProfile Health check {@code neuroarchive-live} (see {@link ServerReadiness}). */
@Liveness
@ApplicationScoped
public class ServerLiveness implements HealthCheck {

    @EJB
    HealthChecks checks;

    @Override
    public HealthCheckResponse call() {
        return ServerHealthResponse.of("neuroarchive-live", checks.live());
    }
}

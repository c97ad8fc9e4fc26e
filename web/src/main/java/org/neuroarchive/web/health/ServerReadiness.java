package org.neuroarchive.web.health;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.neuroarchive.health.control.HealthChecks;

/**
 * The readiness of {@code /api/health/ready}, offered to the server's own MicroProfile Health where it
 * serves one (Payara: {@code /health/ready}) as the check {@code neuroarchive-ready}, whose data name
 * each of our checks with UP or DOWN, nothing more. WildFly's full profile has no MicroProfile Health:
 * there nobody asks it.
 */
@Readiness
@ApplicationScoped
public class ServerReadiness implements HealthCheck {

    @EJB
    HealthChecks checks;

    @Override
    public HealthCheckResponse call() {
        return ServerHealthResponse.of("neuroarchive-ready", checks.ready());
    }
}

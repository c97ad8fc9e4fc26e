package org.neuroarchive.web.metrics;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.neuroarchive.common.control.Roles;
import org.neuroarchive.metrics.control.MetricsRegistry;

/**
 * {@code GET /api/metrics}: this node's metrics in the Prometheus text format (OpenMetrics when the
 * request accepts {@code application/openmetrics-text}), for an account or API key with the role
 * {@code metrics} (an admin has every site role).
 */
@Path("metrics")
public class MetricsResource {

    @Inject
    MetricsRegistry metrics;

    @RolesAllowed(Roles.METRICS)
    @GET
    @Produces({"text/plain", "application/openmetrics-text"})
    public Response metrics(@HeaderParam(HttpHeaders.ACCEPT) String accept) {
        MetricsRegistry.Scrape scrape = metrics.scrape(accept);
        return Response.ok(scrape.text()).header(HttpHeaders.CONTENT_TYPE, scrape.contentType()).build();
    }
}

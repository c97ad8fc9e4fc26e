package org.neuroarchive.web.stats;

import org.neuroarchive.common.control.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.neuroarchive.stats.control.ArchiveStats;
import org.neuroarchive.stats.control.StatisticsService;

/** {@code GET /api/stats}: archive-wide counts. */
@Path("stats")
@Produces(MediaType.APPLICATION_JSON)
public class StatsResource {

    @Inject
    StatisticsService statistics;

    @RolesAllowed(Roles.USER)
    @GET
    public ArchiveStats stats() {
        return statistics.current();
    }
}

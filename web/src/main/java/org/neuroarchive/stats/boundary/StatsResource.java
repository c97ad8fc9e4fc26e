package org.neuroarchive.stats.boundary;

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

    @GET
    public ArchiveStats stats() {
        return statistics.current();
    }
}

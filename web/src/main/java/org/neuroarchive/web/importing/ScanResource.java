package org.neuroarchive.web.importing;

import org.neuroarchive.common.control.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.neuroarchive.importing.control.ScanLog;
import org.neuroarchive.importing.control.ScanReport;

/** {@code GET /api/scans}: the latest scans of incomingdir with their true counters. */
@Path("scans")
@Produces(MediaType.APPLICATION_JSON)
public class ScanResource {

    @Inject
    ScanLog scans;

    @RolesAllowed(Roles.USER)
    @GET
    public List<ScanReport> recent(@QueryParam("limit") @DefaultValue("20") int limit) {
        return scans.recent(limit);
    }
}

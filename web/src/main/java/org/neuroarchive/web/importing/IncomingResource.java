package org.neuroarchive.web.importing;

import org.neuroarchive.common.control.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.neuroarchive.importing.control.ScanRequests;

/** {@code POST /api/incoming/scan}: scan incomingdir now instead of waiting for the timer. */
@Path("incoming")
@Produces(MediaType.APPLICATION_JSON)
public class IncomingResource {

    @Inject
    ScanRequests scans;

    @RolesAllowed(Roles.IMPORTER)
    @POST
    @Path("scan")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response scan() {
        scans.scanNow();
        return Response.accepted(Map.of("status", "scan of incomingdir requested")).build();
    }
}

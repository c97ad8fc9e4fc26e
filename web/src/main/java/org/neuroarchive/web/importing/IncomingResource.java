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
import org.neuroarchive.importing.control.ScanRequests;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.neuroarchive.web.rest.ActionStatus;

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
    @APIResponse(responseCode = "202", description = "the scan is requested",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ActionStatus.class)))
    public Response scan() {
        scans.scanNow();
        return Response.accepted(new ActionStatus("scan of incomingdir requested")).build();
    }
}

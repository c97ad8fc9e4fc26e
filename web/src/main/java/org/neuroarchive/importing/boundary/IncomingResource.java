package org.neuroarchive.importing.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.neuroarchive.importing.control.ScanTrigger;

/** {@code POST /api/incoming/scan}: scan incomingdir now instead of waiting for the timer. */
@Path("incoming")
@Produces(MediaType.APPLICATION_JSON)
public class IncomingResource {

    @Inject
    ScanTrigger trigger;

    @POST
    @Path("scan")
    public Response scan() {
        trigger.scanSoon();
        return Response.accepted(Map.of("status", "scan of incomingdir requested")).build();
    }
}

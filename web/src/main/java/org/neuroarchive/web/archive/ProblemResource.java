package org.neuroarchive.web.archive;

import org.neuroarchive.common.control.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.neuroarchive.archive.control.ProblemQueue;
import org.neuroarchive.archive.control.ProblemView;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.neuroarchive.web.rest.ActionStatus;

/** {@code /api/problems}: files in problemdir with their reasons; re-import one. */
@Path("problems")
@Produces(MediaType.APPLICATION_JSON)
public class ProblemResource {

    @Inject
    ProblemQueue problems;

    @RolesAllowed(Roles.REVIEWER)
    @GET
    public List<ProblemView> list(@QueryParam("offset") @DefaultValue("0") int offset,
                                  @QueryParam("limit") @DefaultValue("100") int limit) {
        return problems.list(offset, limit);
    }

    @RolesAllowed(Roles.REVIEWER)
    @POST
    @Path("{id}/reimport")
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "202", description = "moved back to incomingdir",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ActionStatus.class)))
    public Response reimport(@PathParam("id") long id) {
        problems.reimport(id);
        return Response.accepted(new ActionStatus("moved back to incomingdir; the next scan imports it")).build();
    }
}

package org.neuroarchive.web.importing;

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
import org.neuroarchive.importing.control.ClaimedSeriesView;
import org.neuroarchive.web.rest.Problem;
import org.neuroarchive.importing.control.ReviewActions;
import org.neuroarchive.importing.control.ReviewQueue;
import org.neuroarchive.importing.entity.ClaimedSeries;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.neuroarchive.web.rest.ActionStatus;

/**
 * The review queues of the global import: {@code /api/held} (series not filed under a guessed
 * identity) and {@code /api/failed} (series whose archive transaction failed too often).
 */
@Path("")
@Produces(MediaType.APPLICATION_JSON)
public class ReviewResource {

    /** Body of a release: the PatientID to file the series under and, optionally, the project's cost center. */
    public record Release(String patientId, String project) {
    }

    @Inject
    ReviewQueue queue;

    @Inject
    ReviewActions actions;

    @RolesAllowed(Roles.REVIEWER)
    @GET
    @Path("held")
    public List<ClaimedSeriesView> held(@QueryParam("offset") @DefaultValue("0") int offset,
                                @QueryParam("limit") @DefaultValue("100") int limit) {
        return queue.list(ClaimedSeries.Status.HELD, offset, limit);
    }

    @RolesAllowed(Roles.REVIEWER)
    @POST
    @Path("held/{id}/release")
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "202", description = "released: queued for archiving",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ActionStatus.class)))
    public Response release(@PathParam("id") long id, Release release) {
        if (release == null) {
            return Problem.response(Response.Status.BAD_REQUEST,
                    "a JSON body {\"patientId\":\"...\",\"project\":\"...\"} is required");
        }
        actions.release(id, release.patientId(), release.project());
        return Response.accepted(new ActionStatus("released: the series is queued for archiving")).build();
    }

    @RolesAllowed(Roles.REVIEWER)
    @POST
    @Path("held/{id}/discard")
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "200", description = "discarded: the files are in problemdir",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ActionStatus.class)))
    public Response discard(@PathParam("id") long id) {
        actions.discard(id);
        return Response.ok(new ActionStatus("discarded: the files were moved to problemdir")).build();
    }

    @RolesAllowed(Roles.REVIEWER)
    @GET
    @Path("failed")
    public List<ClaimedSeriesView> failed(@QueryParam("offset") @DefaultValue("0") int offset,
                                  @QueryParam("limit") @DefaultValue("100") int limit) {
        return queue.list(ClaimedSeries.Status.FAILED, offset, limit);
    }

    @RolesAllowed(Roles.REVIEWER)
    @POST
    @Path("failed/{id}/retry")
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "202", description = "queued for another attempt",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ActionStatus.class)))
    public Response retry(@PathParam("id") long id) {
        actions.retry(id);
        return Response.accepted(new ActionStatus("queued for another attempt")).build();
    }
}

package org.neuroarchive.web.individual;

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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.neuroarchive.individual.control.ImportActions;
import org.neuroarchive.individual.control.ImportOptions;
import org.neuroarchive.individual.control.ImportQueries;
import org.neuroarchive.individual.control.ImportRequests;
import org.neuroarchive.individual.control.ImportViews;
import org.neuroarchive.individual.entity.ImportRequest;
import org.neuroarchive.individual.entity.ImportStatus;
import org.neuroarchive.web.rest.Problem;

/**
 * Individual imports (NiDB's "Individual Import"): create one from a server path (JSON) or an upload
 * (multipart, see {@link UploadResource}), follow its parse, review its subject → study → series tree,
 * archive the chosen series, cancel, or parse again with other criteria.
 */
@Path("imports")
@Produces(MediaType.APPLICATION_JSON)
public class ImportResource {

    /** Body of a server-path import: the path and the import options (same names as {@link ImportOptions}). */
    public record ServerPathImport(String sourcePath, String modality, String project, String subjectCriteria,
                                   String patientId, String studyCriteria, String seriesCriteria, Boolean anonymize,
                                   List<String> altUids, String notes) {

        ImportOptions options() {
            return new ImportOptions(modality, project, subjectCriteria, patientId, studyCriteria, seriesCriteria,
                    anonymize, altUids, notes);
        }
    }

    /** Body of an archive request: the series to archive; left out, the series selected by default. */
    public record ArchiveRequest(List<Long> seriesIds) {
    }

    /** Answer of a new import: its id (also in Location) and status. */
    public record ImportCreated(long id, String status) {
    }

    /** Answer of an archive request: how many series were queued. */
    public record ArchiveQueued(long id, String status, int seriesQueued) {
    }

    @Inject
    ImportRequests requests;

    @Inject
    ImportActions actions;

    @Inject
    ImportQueries queries;


    @RolesAllowed(Roles.IMPORTER)
    @POST
    @Operation(summary = "a new individual import: from a server path (JSON) or an upload (multipart)")
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "201", description = "the new import (Location: its address); its parse follows",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportCreated.class)))
    public Response create(ServerPathImport body, @Context UriInfo uri) {
        if (body == null || body.sourcePath() == null || body.sourcePath().isBlank()) {
            return Problem.response(Response.Status.BAD_REQUEST, "a JSON body with \"sourcePath\" (a directory or archive "
                    + "on the server) is required; to upload files, send multipart/form-data with \"options\" and \"file\" parts");
        }
        ImportRequest request = requests.fromServerPath(body.sourcePath(), body.options());
        return created(uri, request.getId(), request.getStatus());
    }

    static Response created(UriInfo uri, long id, ImportStatus status) {
        return Response.created(uri.getBaseUriBuilder().path("imports").path(Long.toString(id)).build())
                .entity(new ImportCreated(id, status.code())).build();
    }

    @RolesAllowed(Roles.USER)
    @GET
    public List<ImportViews.Summary> list(@QueryParam("offset") @DefaultValue("0") int offset,
                                          @QueryParam("limit") @DefaultValue("50") int limit) {
        return queries.list(offset, limit);
    }

    @RolesAllowed(Roles.USER)
    @GET
    @Path("{id}")
    public ImportViews.Detail detail(@PathParam("id") long id) {
        return queries.detail(id);
    }

    /** Body (optional, JSON): {@code {"seriesIds":[...]}}; without it, the series selected by default. */
    @RolesAllowed(Roles.IMPORTER)
    @POST
    @Path("{id}/archive")
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "202", description = "the series are queued for archiving",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ArchiveQueued.class)))
    public Response archive(@PathParam("id") long id,
                            @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                    schema = @Schema(implementation = ArchiveRequest.class))) String body) {
        ArchiveRequest request = body == null || body.isBlank() ? null : Json.parse(body, ArchiveRequest.class);
        int queued = actions.archive(id, request == null ? null : request.seriesIds());
        return Response.accepted(new ArchiveQueued(id, ImportStatus.QUEUED_FOR_ARCHIVE.code(), queued)).build();
    }

    @RolesAllowed(Roles.IMPORTER)
    @POST
    @Path("{id}/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "200", description = "cancelled",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportViews.Summary.class)))
    public Response cancel(@PathParam("id") long id) {
        actions.cancel(id);
        return Response.ok(queries.summary(id)).build();
    }

    @RolesAllowed(Roles.IMPORTER)
    @POST
    @Path("{id}/reparse")
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "202", description = "queued for another parse",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportViews.Summary.class)))
    public Response reparse(@PathParam("id") long id,
                            @RequestBody(required = false, description = "the new options; sourcePath is ignored")
                            ServerPathImport body) {
        actions.reparse(id, body == null ? ImportOptions.DEFAULTS : body.options());
        return Response.accepted(queries.summary(id)).build();
    }
}

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
import java.util.Map;
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

    @Inject
    ImportRequests requests;

    @Inject
    ImportActions actions;

    @Inject
    ImportQueries queries;


    @RolesAllowed(Roles.IMPORTER)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
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
                .entity(Map.of("id", id, "status", status.code())).build();
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
    public Response archive(@PathParam("id") long id, String body) {
        ArchiveRequest request = body == null || body.isBlank() ? null : Json.parse(body, ArchiveRequest.class);
        int queued = actions.archive(id, request == null ? null : request.seriesIds());
        return Response.accepted(Map.of("id", id, "status", ImportStatus.QUEUED_FOR_ARCHIVE.code(), "seriesQueued", queued)).build();
    }

    @RolesAllowed(Roles.IMPORTER)
    @POST
    @Path("{id}/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response cancel(@PathParam("id") long id) {
        actions.cancel(id);
        return Response.ok(queries.summary(id)).build();
    }

    @RolesAllowed(Roles.IMPORTER)
    @POST
    @Path("{id}/reparse")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response reparse(@PathParam("id") long id, ServerPathImport body) {
        actions.reparse(id, body == null ? ImportOptions.DEFAULTS : body.options());
        return Response.accepted(queries.summary(id)).build();
    }
}

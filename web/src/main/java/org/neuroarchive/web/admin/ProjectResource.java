package org.neuroarchive.web.admin;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.neuroarchive.security.control.GrantView;
import org.neuroarchive.security.control.ProjectGrants;
import org.neuroarchive.security.control.ProjectView;
import org.neuroarchive.security.control.Projects;
import org.neuroarchive.common.control.Roles;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * {@code /api/projects}: the projects the caller may see (an administrator all), new projects
 * (administrators), and each project's grants (administrators and the project's admins).
 */
@Path("projects")
@Produces(MediaType.APPLICATION_JSON)
public class ProjectResource {

    /** Body of a new project. */
    public record NewProject(String costcenter, String name) {
    }

    /** Body of a grant: the permissions to hold; none revokes. */
    public record Permissions(List<String> permissions) {
    }

    @Inject
    Projects projects;

    @Inject
    ProjectGrants grants;

    @RolesAllowed(Roles.USER)
    @GET
    public List<ProjectView> list() {
        return projects.visible();
    }

    @RolesAllowed(Roles.ADMIN)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "201", description = "the new project (Location: its address)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProjectView.class)))
    public Response create(NewProject body, @Context UriInfo uri) {
        ProjectView created = projects.create(body == null ? null : body.costcenter(), body == null ? null : body.name());
        return Response.created(uri.getBaseUriBuilder().path("projects").path(created.costcenter()).build())
                .entity(created).build();
    }

    @RolesAllowed(Roles.USER)
    @GET
    @Path("{costcenter}")
    public ProjectView get(@PathParam("costcenter") String costcenter) {
        return projects.get(costcenter);
    }

    @RolesAllowed(Roles.USER)
    @GET
    @Path("{costcenter}/grants")
    public List<GrantView> grants(@PathParam("costcenter") String costcenter) {
        return grants.list(costcenter);
    }

    @RolesAllowed(Roles.USER)
    @PUT
    @Path("{costcenter}/grants/{login}")
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "200", description = "the grant as it now is",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = GrantView.class)))
    public Response grant(@PathParam("costcenter") String costcenter, @PathParam("login") String login, Permissions body) {
        return Response.ok(grants.set(costcenter, login, body == null ? null : body.permissions())).build();
    }

    @RolesAllowed(Roles.USER)
    @DELETE
    @Path("{costcenter}/grants/{login}")
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "204", description = "revoked")
    public Response revoke(@PathParam("costcenter") String costcenter, @PathParam("login") String login) {
        grants.revoke(costcenter, login);
        return Response.noContent().build();
    }
}

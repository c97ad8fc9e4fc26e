package org.neuroarchive.web.admin;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
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
import org.neuroarchive.security.control.AccountChange;
import org.neuroarchive.security.control.AccountDraft;
import org.neuroarchive.security.control.AccountView;
import org.neuroarchive.security.control.Accounts;
import org.neuroarchive.common.control.Roles;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * {@code /api/users}: accounts, for administrators; {@code PUT /api/users/{login}/password} also for an
 * account's own password (with {@code currentPassword}).
 */
@Path("users")
@Produces(MediaType.APPLICATION_JSON)
public class UserResource {

    /** Body of a password change. */
    public record PasswordChange(String password, String currentPassword) {
    }

    @Inject
    Accounts accounts;

    @RolesAllowed(Roles.ADMIN)
    @GET
    public List<AccountView> list() {
        return accounts.list();
    }

    @RolesAllowed(Roles.ADMIN)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "201", description = "the new account (Location: its address)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AccountView.class)))
    public Response create(AccountDraft draft, @Context UriInfo uri) {
        AccountView created = accounts.create(draft);
        return Response.created(uri.getBaseUriBuilder().path("users").path(created.login()).build()).entity(created).build();
    }

    @RolesAllowed(Roles.ADMIN)
    @GET
    @Path("{login}")
    public AccountView get(@PathParam("login") String login) {
        return accounts.get(login);
    }

    @RolesAllowed(Roles.ADMIN)
    @PUT
    @Path("{login}")
    @Consumes(MediaType.APPLICATION_JSON)
    public AccountView update(@PathParam("login") String login, AccountChange change) {
        return accounts.update(login, change);
    }

    @RolesAllowed(Roles.USER)
    @PUT
    @Path("{login}/password")
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "204", description = "changed")
    public Response password(@PathParam("login") String login, PasswordChange change) {
        accounts.setPassword(login, change == null ? null : change.password(), change == null ? null : change.currentPassword());
        return Response.noContent().build();
    }
}

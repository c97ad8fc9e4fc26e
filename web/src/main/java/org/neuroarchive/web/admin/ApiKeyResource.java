package org.neuroarchive.web.admin;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.neuroarchive.web.rest.TimeParameters;
import org.neuroarchive.security.control.ApiKeyDraft;
import org.neuroarchive.security.control.ApiKeyView;
import org.neuroarchive.security.control.ApiKeys;
import org.neuroarchive.security.control.NewApiKey;
import org.neuroarchive.security.control.ProjectAccess;
import org.neuroarchive.common.control.Roles;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * {@code /api/api-keys}: keys for institutional systems. An administrator makes and sees every key; a
 * project admin makes keys for its projects (roles viewer and importer at most) and sees those it made.
 * The key text is in the answer of {@code POST} only.
 */
@Path("api-keys")
@Produces(MediaType.APPLICATION_JSON)
public class ApiKeyResource {

    /**
     * Body of a new key; {@code expiresAt} is a local date ({@code 2026-12-31}: the key works through that
     * day) or date and time ({@code 2026-12-31T18:00:00}), or absent (no expiry).
     */
    public record NewKey(String name, List<String> roles, List<ProjectAccess> projects, String expiresAt) {
    }

    @Inject
    ApiKeys keys;

    @RolesAllowed(Roles.USER)
    @GET
    public List<ApiKeyView> list() {
        return keys.list();
    }

    @RolesAllowed(Roles.USER)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "201", description = "the new key; its text (key) only here",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NewApiKey.class)))
    public Response create(NewKey body) {
        ApiKeyDraft draft = body == null ? null : new ApiKeyDraft(body.name(), body.roles(), body.projects(),
                TimeParameters.parse("expiresAt", body.expiresAt(), true));
        NewApiKey created = keys.create(draft);
        return Response.status(Response.Status.CREATED).entity(created)
                .header("Cache-Control", "no-store").build();
    }

    @RolesAllowed(Roles.USER)
    @POST
    @Path("{keyId}/revoke")
    @Consumes(MediaType.APPLICATION_JSON)
    public ApiKeyView revoke(@PathParam("keyId") String keyId) {
        return keys.revoke(keyId);
    }
}

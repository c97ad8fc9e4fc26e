package org.neuroarchive.web.admin;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.neuroarchive.security.control.CallerProfile;
import org.neuroarchive.security.control.Profile;
import org.neuroarchive.common.control.Roles;

/** {@code GET /api/me}: who the caller is, its roles, and the projects it may see with its permissions. */
@Path("me")
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    @Inject
    CallerProfile profile;

    @RolesAllowed(Roles.USER)
    @GET
    public Profile me() {
        return profile.me();
    }
}

package org.neuroarchive.web.search;

import org.neuroarchive.common.control.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.neuroarchive.search.control.ArchiveBrowser;
import org.neuroarchive.search.control.SubjectView;

/** {@code GET /api/subjects}: subjects with their alternate UIDs, oldest first, paged. */
@Path("subjects")
@Produces(MediaType.APPLICATION_JSON)
public class SubjectResource {

    @Inject
    ArchiveBrowser browser;

    @RolesAllowed(Roles.USER)
    @GET
    public List<SubjectView> subjects(@QueryParam("offset") @DefaultValue("0") int offset,
                                      @QueryParam("limit") @DefaultValue("100") int limit) {
        return browser.subjects(offset, limit);
    }
}

package org.neuroarchive.web.importlog;

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
import org.neuroarchive.importlog.control.ImportLogSearch;
import org.neuroarchive.importlog.control.ImportLogView;
import org.neuroarchive.web.rest.TimeParameters;

/** {@code GET /api/import-logs?from=&to=&q=&offset=&limit=}: the import log, newest first. */
@Path("import-logs")
@Produces(MediaType.APPLICATION_JSON)
public class ImportLogResource {

    @Inject
    ImportLogSearch search;

    @RolesAllowed(Roles.USER)
    @GET
    public List<ImportLogView> search(@QueryParam("from") String from, @QueryParam("to") String to,
                                      @QueryParam("q") String keyword,
                                      @QueryParam("offset") @DefaultValue("0") int offset,
                                      @QueryParam("limit") @DefaultValue("100") int limit) {
        return search.search(TimeParameters.parse("from", from, false), TimeParameters.parse("to", to, true),
                keyword, offset, limit);
    }
}

package org.neuroarchive.web.admin;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.neuroarchive.web.rest.TimeParameters;
import org.neuroarchive.security.control.AuditFilter;
import org.neuroarchive.security.control.AuditSearch;
import org.neuroarchive.security.control.AuditView;
import org.neuroarchive.common.control.Roles;

/**
 * {@code GET /api/audit?actor=&action=&project=&outcome=&from=&to=&offset=&limit=}: the audit trail,
 * newest first, for administrators. {@code actor}: {@code user:alice}, {@code apikey:<id>}, {@code system}
 * or a bare login or key id; {@code action}: {@code grant.set}, or {@code grant} for every grant action.
 */
@Path("audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    @Inject
    AuditSearch search;

    @RolesAllowed(Roles.ADMIN)
    @GET
    public List<AuditView> search(@QueryParam("actor") String actor, @QueryParam("action") String action,
                                  @QueryParam("project") String project, @QueryParam("outcome") String outcome,
                                  @QueryParam("from") String from, @QueryParam("to") String to,
                                  @QueryParam("offset") @DefaultValue("0") int offset,
                                  @QueryParam("limit") @DefaultValue("100") int limit) {
        return search.search(new AuditFilter(actor, action, project, outcome, TimeParameters.parse("from", from, false),
                TimeParameters.parse("to", to, true)), offset, limit);
    }
}

package org.neuroarchive.web.search;

import org.neuroarchive.common.control.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.neuroarchive.search.control.ArchiveBrowser;
import org.neuroarchive.search.control.SeriesView;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;

/** {@code GET /api/series/{id}}: one archived series; {@code GET /api/series/{id}/thumbnail}: its thumb.png. */
@Path("series")
@Produces(MediaType.APPLICATION_JSON)
public class SeriesResource {

    private static final String PNG = "image/png";

    @Inject
    ArchiveBrowser browser;

    @RolesAllowed(Roles.USER)
    @GET
    @Path("{id}")
    public SeriesView series(@PathParam("id") long id) {
        return browser.series(id).orElseThrow(() -> new NotFoundException("no series with id " + id));
    }

    @RolesAllowed(Roles.USER)
    @GET
    @Path("{id}/thumbnail")
    @Produces(PNG)
    @APIResponse(responseCode = "200", description = "the series' thumb.png",
            content = @Content(mediaType = PNG, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response thumbnail(@PathParam("id") long id) {
        java.nio.file.Path file = browser.thumbnail(id)
                .orElseThrow(() -> new NotFoundException("no thumbnail for series " + id
                        + " (unknown series, not rendered yet, or an image PixelMed cannot display)"));
        return Response.ok(file.toFile(), PNG).build();
    }
}

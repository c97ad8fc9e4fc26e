package org.neuroarchive.web.search;

import org.neuroarchive.common.control.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.neuroarchive.search.control.ArchiveBrowser;
import org.neuroarchive.search.control.SeriesSlices;
import org.neuroarchive.search.control.SeriesView;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;

/**
 * {@code GET /api/series/{id}}: one archived series; {@code GET /api/series/{id}/thumbnail}: its thumb.png;
 * {@code GET /api/series/{id}/instances/{n}}: its n-th instance in InstanceNumber order (InstanceNumber,
 * frames); {@code GET /api/series/{id}/instances/{n}/rendered?frame=k}: frame k of it as PNG, windowed.
 */
@Path("series")
@Produces(MediaType.APPLICATION_JSON)
public class SeriesResource {

    private static final String PNG = "image/png";

    @Inject
    ArchiveBrowser browser;

    @Inject
    SeriesSlices slices;

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

    @RolesAllowed(Roles.USER)
    @GET
    @Path("{id}/instances/{n}")
    public SeriesSlices.Slice instance(@PathParam("id") long id, @PathParam("n") int position) {
        try {
            return slices.slice(id, position).orElseThrow(() -> noSlice(id, position));
        } catch (SeriesSlices.NotRendered e) {
            throw new NotFoundException("instance " + position + " of series " + id + " is not an image: " + e.getMessage());
        }
    }

    @RolesAllowed(Roles.USER)
    @GET
    @Path("{id}/instances/{n}/rendered")
    @Produces(PNG)
    public Response rendered(@PathParam("id") long id, @PathParam("n") int position,
                             @QueryParam("frame") @DefaultValue("1") int frame) {
        if (frame < 1) {
            throw new BadRequestException("frame is counted from 1, not " + frame);
        }
        try {
            byte[] png = slices.rendered(id, position, frame).orElseThrow(() -> noSlice(id, position));
            CacheControl cache = new CacheControl();
            cache.setPrivate(true);
            cache.setMaxAge(300);
            return Response.ok(png, PNG).cacheControl(cache).build();
        } catch (SeriesSlices.NotRendered e) {
            throw new NotFoundException(e.notFound() ? e.getMessage()
                    : "instance " + position + " of series " + id + " cannot be displayed: " + e.getMessage());
        }
    }

    private static NotFoundException noSlice(long id, int position) {
        return new NotFoundException("no instance " + position + " in series " + id
                + " (unknown series, or it has fewer instances)");
    }
}

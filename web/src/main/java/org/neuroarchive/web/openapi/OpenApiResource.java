package org.neuroarchive.web.openapi;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.neuroarchive.common.control.Roles;
import org.neuroarchive.web.rest.Problem;

/**
 * {@code GET /api/openapi}: the OpenAPI 3.1 document of this API, as the build generated it from the
 * resources (web/pom.xml): JSON, or YAML with {@code ?format=yaml} or {@code Accept: application/yaml}.
 * Our own resource, not a server feature, so WildFly and Payara answer alike; like every API call it
 * needs a login (any account or key).
 */
@Path("openapi")
public class OpenApiResource {

    /** Where the build puts the document, in the WAR's classes. */
    public static final String JSON_DOCUMENT = "/openapi/openapi.json";
    public static final String YAML_DOCUMENT = "/openapi/openapi.yaml";
    static final String OPENAPI_JSON = "application/vnd.oai.openapi+json";
    static final String OPENAPI_YAML = "application/vnd.oai.openapi";
    static final String YAML = "application/yaml";

    private static final List<String> YAML_TYPES = List.of(YAML, OPENAPI_YAML, "application/x-yaml", "text/yaml");
    private static final Map<String, byte[]> DOCUMENTS = new ConcurrentHashMap<>();

    @RolesAllowed(Roles.USER)
    @GET
    @Produces({MediaType.APPLICATION_JSON, OPENAPI_JSON, YAML, OPENAPI_YAML})
    @Operation(operationId = "openApiDocument", summary = "this document")
    @APIResponse(responseCode = "200", description = "the OpenAPI document of this API", content = {
        @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)),
        @Content(mediaType = YAML, schema = @Schema(type = SchemaType.STRING))})
    public Response document(@Parameter(description = "json (the default) or yaml")
                             @QueryParam("format") String format, @Context HttpHeaders headers) {
        Boolean yaml = yaml(format, headers);
        if (yaml == null) {
            return Problem.response(Response.Status.BAD_REQUEST, "format is json or yaml, not " + format);
        }
        String type = yaml ? YAML : MediaType.APPLICATION_JSON;
        byte[] document = DOCUMENTS.computeIfAbsent(yaml ? YAML_DOCUMENT : JSON_DOCUMENT, OpenApiResource::read);
        return Response.ok(document, type + ";charset=UTF-8").build();
    }

    /** YAML when the query asks for it or, without {@code format}, when the caller prefers it; {@code null}: an unknown format. */
    static Boolean yaml(String format, HttpHeaders headers) {
        if (format != null && !format.isBlank()) {
            String asked = format.strip().toLowerCase(Locale.ROOT);
            return "yaml".equals(asked) || "yml".equals(asked) ? Boolean.TRUE : "json".equals(asked) ? Boolean.FALSE : null;
        }
        for (MediaType accepted : headers.getAcceptableMediaTypes()) {
            if (accepted.isWildcardType() || accepted.isWildcardSubtype()) {
                return false;
            }
            String type = accepted.getType() + "/" + accepted.getSubtype();
            if (YAML_TYPES.contains(type.toLowerCase(Locale.ROOT))) {
                return true;
            }
            if (accepted.getSubtype().toLowerCase(Locale.ROOT).endsWith("json")) {
                return false;
            }
        }
        return false;
    }

    private static byte[] read(String name) {
        try (InputStream in = OpenApiResource.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not in the WAR: the build did not generate the OpenAPI document");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

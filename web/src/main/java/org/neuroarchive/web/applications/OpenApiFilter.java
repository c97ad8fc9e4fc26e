package org.neuroarchive.web.applications;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Completes the OpenAPI document at build time (the SmallRye plugin runs it, see web/pom.xml; the server
 * never loads it): what the JAX-RS annotations cannot say and holds for every operation alike.
 * <ul>
 * <li>only the paths of the JSON API: the resources {@link RestApplication} lists (the web module also
 * holds the DICOMweb application, whose resources the scanner would put under {@code /api} too);</li>
 * <li>the {@code application/problem+json} errors ({@code components/responses} of the base file
 * META-INF/openapi.yaml): 401 and 403 everywhere, 400 where the call takes parameters or a body, 404 where
 * the path names a thing, 409 and 415 on state changes;</li>
 * <li>a state change without a body still sends {@code Content-Type: application/json} (StateChangesTakeJson):
 * such an operation gets an optional, empty JSON body, so that a generated client sends the header;</li>
 * <li>multipart bodies are written out in place, not as a {@code $ref} to {@code components/schemas}: client
 * generators read a multipart schema's properties as form fields, and a referenced one as a model class
 * that they then do not generate.</li>
 * </ul>
 */
public class OpenApiFilter implements OASFilter {

    static final String JSON = "application/json";
    private static final String API = RestApplication.class.getAnnotation(ApplicationPath.class).value();
    private static final List<PathItem.HttpMethod> STATE_CHANGES =
            List.of(PathItem.HttpMethod.POST, PathItem.HttpMethod.PUT, PathItem.HttpMethod.PATCH, PathItem.HttpMethod.DELETE);

    @Override
    public void filterOpenAPI(OpenAPI openApi) {
        if (openApi.getPaths() == null || openApi.getPaths().getPathItems() == null) {
            return;
        }
        Set<String> api = apiPaths();
        for (String path : Set.copyOf(openApi.getPaths().getPathItems().keySet())) {
            if (!api.contains(path)) {
                openApi.getPaths().removePathItem(path);
            }
        }
        openApi.getPaths().getPathItems().forEach((path, item) -> {
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : item.getOperations().entrySet()) {
                complete(path, entry.getKey(), entry.getValue());
                inlineMultipart(openApi, entry.getValue());
            }
        });
    }

    private static void inlineMultipart(OpenAPI openApi, Operation operation) {
        if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
            return;
        }
        operation.getRequestBody().getContent().getMediaTypes().forEach((type, media) -> {
            String ref = media.getSchema() == null ? null : media.getSchema().getRef();
            if (type.startsWith("multipart/") && ref != null) {
                String name = ref.substring(ref.lastIndexOf('/') + 1);
                media.setSchema(openApi.getComponents().getSchemas().get(name));
                openApi.getComponents().removeSchema(name);
            }
        });
    }

    /** The paths of {@link RestApplication}'s resource methods, as the document writes them ({@code /api/imports/{id}}). */
    static Set<String> apiPaths() {
        Set<String> paths = new HashSet<>();
        for (Class<?> type : new RestApplication().getClasses()) {
            Path root = type.getAnnotation(Path.class);
            if (root == null) {
                continue;
            }
            for (Method method : type.getMethods()) {
                Path sub = method.getAnnotation(Path.class);
                if (Arrays.stream(method.getAnnotations()).anyMatch(a -> a.annotationType().isAnnotationPresent(HttpMethod.class))) {
                    paths.add(join(API, root.value(), sub == null ? "" : sub.value()));
                }
            }
        }
        return paths;
    }

    private static String join(String... parts) {
        String path = ("/" + String.join("/", parts)).replaceAll("\\{\\s*(\\w+)\\s*:[^}]*}", "{$1}").replaceAll("/+", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private static void complete(String path, PathItem.HttpMethod method, Operation operation) {
        boolean stateChange = STATE_CHANGES.contains(method);
        if (stateChange && operation.getRequestBody() == null) {
            operation.setRequestBody(OASFactory.createRequestBody().required(false)
                    .description("nothing is read; the call sends Content-Type: application/json all the same")
                    .content(OASFactory.createContent().addMediaType(JSON, OASFactory.createMediaType()
                            .schema(OASFactory.createSchema().addType(Schema.SchemaType.OBJECT).maxProperties(0)))));
        }
        boolean takesInput = operation.getRequestBody() != null
                || operation.getParameters() != null && !operation.getParameters().isEmpty();
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        add(responses, "400", "BadRequest", takesInput);
        add(responses, "401", "Unauthorized", true);
        add(responses, "403", "Forbidden", true);
        add(responses, "404", "NotFound", path.contains("{"));
        add(responses, "409", "Conflict", stateChange);
        add(responses, "415", "UnsupportedMediaType", stateChange);
    }

    private static void add(APIResponses responses, String code, String component, boolean applies) {
        if (applies && !responses.hasAPIResponse(code)) {
            responses.addAPIResponse(code, OASFactory.createAPIResponse().ref(component));
        }
    }
}

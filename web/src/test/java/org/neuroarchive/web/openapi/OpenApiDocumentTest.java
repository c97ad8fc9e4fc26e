package org.neuroarchive.web.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neuroarchive.web.applications.RestApplication;
import org.neuroarchive.web.rest.Problem;

/**
 * The OpenAPI document the build generated (target/classes/openapi, as in the WAR) against the code: a
 * valid OpenAPI 3.1 document (swagger-parser finds nothing to say), every resource method of
 * {@link RestApplication} in it and nothing else, real schemas for the JSON bodies, the problem+json
 * errors and the three logins.
 */
class OpenApiDocumentTest {

    private static final java.nio.file.Path JSON = java.nio.file.Path.of("target/classes" + OpenApiResource.JSON_DOCUMENT);
    private static final java.nio.file.Path YAML = java.nio.file.Path.of("target/classes" + OpenApiResource.YAML_DOCUMENT);

    private static OpenAPI document;

    @BeforeAll
    static void parse() throws IOException {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(Files.readString(JSON), null, options);
        assertEquals(List.of(), result.getMessages(), "the validator's messages on " + JSON);
        document = result.getOpenAPI();
        assertNotNull(document, "no document parsed from " + JSON);
    }

    @Test
    void isOpenApi31() {
        assertTrue(document.getOpenapi().startsWith("3.1."), document.getOpenapi());
        assertEquals("NeuroArchive API", document.getInfo().getTitle());
    }

    @Test
    void holdsEveryResourceMethodOfTheJsonApiAndNothingElse() {
        Set<String> expected = new TreeSet<>();
        for (Class<?> type : new RestApplication().getClasses()) {
            Path root = type.getAnnotation(Path.class);
            for (Method method : root == null ? new Method[0] : type.getDeclaredMethods()) {
                String verb = Arrays.stream(method.getAnnotations())
                        .map(a -> a.annotationType().getAnnotation(HttpMethod.class)).filter(h -> h != null)
                        .map(HttpMethod::value).findFirst().orElse(null);
                Path sub = method.getAnnotation(Path.class);
                if (verb != null) {
                    expected.add(verb + " " + path("api", root.value(), sub == null ? "" : sub.value()));
                }
            }
        }
        assertTrue(expected.size() >= 37, "resource methods found: " + expected);
        Set<String> documented = new TreeSet<>();
        document.getPaths().forEach((path, item) -> item.readOperationsMap()
                .keySet().forEach(verb -> documented.add(verb.name() + " " + path)));
        assertEquals(expected, documented);
    }

    @Test
    void everyJsonBodyHasARealSchema() {
        List<String> empty = new ArrayList<>();
        forEachOperation((name, operation) -> {
            if (operation.getRequestBody() != null) {
                check(name + " request", operation.getRequestBody().getContent(), empty);
            }
            operation.getResponses().forEach((code, response) -> check(name + " " + code, response.getContent(), empty));
        });
        assertEquals(List.of(), empty, "bodies without a schema");
        Schema<?> detail = document.getComponents().getSchemas().get("Detail");
        assertTrue(detail.getProperties().keySet().containsAll(List.of("id", "status", "subjects")), "the import's tree: " + detail);
    }

    @Test
    void everyOperationNeedsALoginAndAnswersErrorsAsProblems() {
        assertEquals(Set.of("basic", "apiKey", "oidc"), document.getComponents().getSecuritySchemes().keySet());
        assertEquals("basic", document.getComponents().getSecuritySchemes().get("basic").getScheme());
        assertEquals("na_…", document.getComponents().getSecuritySchemes().get("apiKey").getBearerFormat());
        assertEquals(3, document.getSecurity().size(), "any one of the three logins");
        forEachOperation((name, operation) -> {
            for (String code : List.of("401", "403")) {
                ApiResponse response = resolved(operation.getResponses().get(code));
                assertNotNull(response, name + " has no " + code);
                MediaType problem = response.getContent().get(Problem.MEDIA_TYPE);
                assertNotNull(problem, name + " " + code + " is not " + Problem.MEDIA_TYPE);
                assertEquals("#/components/schemas/Problem", problem.getSchema().get$ref());
            }
        });
    }

    @Test
    void theProblemSchemaIsTheProblemRecord() {
        Schema<?> problem = document.getComponents().getSchemas().get("Problem");
        assertEquals(Arrays.stream(Problem.class.getRecordComponents()).map(RecordComponent::getName).toList(),
                List.copyOf(problem.getProperties().keySet()));
    }

    @Test
    void theYamlIsTheSameDocument() throws IOException {
        JsonNode json = new ObjectMapper().readTree(JSON.toFile());
        JsonNode yaml = new ObjectMapper(new YAMLFactory()).readTree(YAML.toFile());
        assertEquals(json, yaml);
    }

    private static ApiResponse resolved(ApiResponse response) {
        String prefix = "#/components/responses/";
        return response == null || response.get$ref() == null ? response
                : document.getComponents().getResponses().get(response.get$ref().substring(prefix.length()));
    }

    private static void check(String name, Map<String, MediaType> content, List<String> empty) {
        if (content == null) {
            return;
        }
        content.forEach((type, media) -> {
            Schema<?> schema = media.getSchema();
            boolean real = schema != null && (schema.get$ref() != null || schema.getTypes() != null && !schema.getTypes().isEmpty());
            if (!real && type.toLowerCase(Locale.ROOT).contains("json")) {
                empty.add(name + " " + type);
            }
        });
    }

    private static void forEachOperation(java.util.function.BiConsumer<String, Operation> action) {
        assertFalse(document.getPaths().isEmpty());
        document.getPaths().forEach((path, item) -> {
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : item.readOperationsMap().entrySet()) {
                action.accept(entry.getKey() + " " + path, entry.getValue());
            }
        });
    }

    private static String path(String... parts) {
        String path = ("/" + String.join("/", parts)).replaceAll("/+", "/");
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}

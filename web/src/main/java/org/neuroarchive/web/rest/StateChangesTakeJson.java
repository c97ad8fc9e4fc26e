package org.neuroarchive.web.rest;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A state-changing call (POST, PUT, PATCH, DELETE) must say {@code Content-Type: application/json}, even
 * without a body, otherwise 415: a page of another site can send forms and {@code text/plain} without
 * asking, but not JSON. The only exceptions are methods that consume multipart bodies (uploads, later
 * DICOMweb STOW), which then accept exactly their multipart type.
 */
@Provider
public class StateChangesTakeJson implements DynamicFeature {

    private static final Set<String> STATE_CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        Consumes consumes = resource.getResourceMethod().getAnnotation(Consumes.class);
        if (consumes == null) {
            consumes = resource.getResourceClass().getAnnotation(Consumes.class);
        }
        List<MediaType> multipart = consumes == null ? List.of() : Arrays.stream(consumes.value())
                .flatMap(v -> Arrays.stream(v.split(","))).map(String::strip).map(MediaType::valueOf)
                .filter(t -> "multipart".equalsIgnoreCase(t.getType())).toList();
        context.register(new Filter(multipart));
    }

    @Priority(Priorities.AUTHORIZATION + 10)
    static final class Filter implements ContainerRequestFilter {

        private final List<MediaType> accepted;

        Filter(List<MediaType> multipart) {
            this.accepted = multipart.isEmpty() ? List.of(MediaType.APPLICATION_JSON_TYPE) : multipart;
        }

        @Override
        public void filter(ContainerRequestContext request) {
            if (!STATE_CHANGING.contains(request.getMethod().toUpperCase(Locale.ROOT))) {
                return;
            }
            MediaType type = request.getMediaType();
            if (type != null && accepted.stream().anyMatch(a -> a.isCompatible(type) && !type.isWildcardType()
                    && !type.isWildcardSubtype())) {
                return;
            }
            request.abortWith(Problem.response(Response.Status.UNSUPPORTED_MEDIA_TYPE, "send Content-Type: "
                    + String.join(" or ", accepted.stream().map(MediaType::toString).toList())
                    + (type == null ? " (none was sent)" : ", not " + type)));
        }
    }
}

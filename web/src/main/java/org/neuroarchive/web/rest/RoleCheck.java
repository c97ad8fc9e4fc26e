package org.neuroarchive.web.rest;

import jakarta.annotation.Priority;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;

/**
 * {@code @RolesAllowed}, {@code @PermitAll} and {@code @DenyAll} on resource methods (or their class),
 * checked the same way on RESTEasy (WildFly) and Jersey (Payara): no principal → 401, none of the
 * roles → 403 (and a {@code request.refused} audit row). A resource method without any of the three is
 * refused: permissions are never implied.
 */
@Provider
public class RoleCheck implements DynamicFeature {

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        context.register(new Filter(rolesOf(resource.getResourceMethod(), resource.getResourceClass())));
    }

    /** The roles that may call the method: {@code null} for anyone authenticated ({@code @PermitAll}), empty for nobody. */
    static List<String> rolesOf(Method method, Class<?> type) {
        if (method.isAnnotationPresent(DenyAll.class)) {
            return List.of();
        }
        if (method.isAnnotationPresent(RolesAllowed.class)) {
            return Arrays.asList(method.getAnnotation(RolesAllowed.class).value());
        }
        if (method.isAnnotationPresent(PermitAll.class)) {
            return null;
        }
        if (type.isAnnotationPresent(DenyAll.class)) {
            return List.of();
        }
        if (type.isAnnotationPresent(RolesAllowed.class)) {
            return Arrays.asList(type.getAnnotation(RolesAllowed.class).value());
        }
        return type.isAnnotationPresent(PermitAll.class) ? null : List.of();
    }

    @Priority(Priorities.AUTHORIZATION)
    static final class Filter implements ContainerRequestFilter {

        private final List<String> roles;

        Filter(List<String> roles) {
            this.roles = roles;
        }

        @Override
        public void filter(ContainerRequestContext request) {
            SecurityContext security = request.getSecurityContext();
            if (security == null || security.getUserPrincipal() == null) {
                request.abortWith(Problem.response(Response.Status.UNAUTHORIZED, "log in first"));
                return;
            }
            if (roles == null || roles.stream().anyMatch(security::isUserInRole)) {
                return;
            }
            String why = roles.isEmpty() ? "nobody may call this" : "this needs the role " + String.join(" or ", roles);
            RefusalAudit.record(security, request.getMethod(), request.getUriInfo().getPath(), why);
            request.abortWith(Problem.response(Response.Status.FORBIDDEN, why));
        }
    }
}

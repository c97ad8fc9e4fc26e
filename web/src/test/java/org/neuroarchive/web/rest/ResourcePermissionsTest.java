package org.neuroarchive.web.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every JAX-RS resource method declares who may call it ({@code @RolesAllowed}, {@code @PermitAll} or
 * {@code @DenyAll}, on the method or its class); {@link RoleCheck} refuses methods that do not. The
 * resources are found on disk, not listed here.
 */
class ResourcePermissionsTest {

    private static final List<Class<? extends Annotation>> HTTP_METHODS =
            List.of(GET.class, POST.class, PUT.class, DELETE.class, PATCH.class, HEAD.class);

    @Test
    void everyResourceMethodDeclaresWhoMayCallIt() throws Exception {
        List<Class<?>> resources = resources();
        assertTrue(resources.size() >= 10, "found only " + resources.size() + " resources");
        List<String> missing = new ArrayList<>();
        int methods = 0;
        for (Class<?> resource : resources) {
            for (Method method : resource.getDeclaredMethods()) {
                if (HTTP_METHODS.stream().noneMatch(method::isAnnotationPresent) && !method.isAnnotationPresent(Path.class)) {
                    continue;
                }
                methods++;
                if (RoleCheck.rolesOf(method, resource) != null && RoleCheck.rolesOf(method, resource).isEmpty()
                        && !method.isAnnotationPresent(DenyAll.class) && !resource.isAnnotationPresent(DenyAll.class)) {
                    missing.add(resource.getSimpleName() + "." + method.getName());
                }
                if (!declares(method) && !declares(resource)) {
                    missing.add(resource.getSimpleName() + "." + method.getName());
                }
            }
        }
        assertTrue(methods > 20, "found only " + methods + " resource methods");
        assertEquals(List.of(), missing.stream().distinct().toList(), "resource methods that declare no permission");
    }

    private static boolean declares(java.lang.reflect.AnnotatedElement element) {
        return element.isAnnotationPresent(RolesAllowed.class) || element.isAnnotationPresent(PermitAll.class)
                || element.isAnnotationPresent(DenyAll.class);
    }

    static List<Class<?>> resources() throws IOException, ClassNotFoundException {
        java.nio.file.Path classes = java.nio.file.Path.of("target/classes");
        List<Class<?>> resources = new ArrayList<>();
        try (Stream<java.nio.file.Path> files = Files.walk(classes)) {
            for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".class") && !f.toString().contains("$")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, ResourcePermissionsTest.class.getClassLoader());
                if (type.isAnnotationPresent(Path.class)) {
                    resources.add(type);
                }
            }
        }
        return resources;
    }
}

package org.neuroarchive.it;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Application;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Every REST call of the application and every screen, found in the build rather than listed by hand:
 * the resources the web module's JAX-RS applications list (its classes jar is on the test class path;
 * {@code WebApplicationsTest} checks that the lists hold every resource) and the pages in its webapp folder. A new call or page is covered by the security tests without anyone remembering it.
 */
final class Endpoints {

    /** One resource method: its HTTP method, its path under the context root, and what it declares. */
    record Call(String httpMethod, String path, List<String> consumes, List<String> roles, String javaName) {

        boolean changesState() {
            return !httpMethod.equals("GET") && !httpMethod.equals("HEAD");
        }

        /** The path with every {parameter} replaced: by {@code values} where named, otherwise by {@code fallback}. */
        String path(Map<String, String> values, String fallback) {
            Matcher m = PARAMETER.matcher(path);
            StringBuilder filled = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(filled, Matcher.quoteReplacement(values.getOrDefault(m.group(1), fallback)));
            }
            m.appendTail(filled);
            return filled.toString();
        }

        boolean multipart() {
            return consumes.stream().anyMatch(c -> c.startsWith("multipart/"));
        }

        /**
         * A Content-Type the method consumes (so that a call reaches the role check rather than the
         * container's 415): its multipart type with a boundary, or JSON.
         */
        String contentType() {
            return consumes.stream().filter(c -> c.startsWith("multipart/")).findFirst().map(c -> c + "; boundary=x")
                    .orElse("application/json");
        }

        @Override
        public String toString() {
            return httpMethod + " " + path + " (" + javaName + ")";
        }
    }

    private static final List<String> APPLICATIONS = List.of("org.neuroarchive.web.applications.RestApplication",
            "org.neuroarchive.web.applications.DicomWebApplication");
    private static final Pattern PARAMETER = Pattern.compile("\\{(\\w+)(?::[^}]*)?}");
    private static final List<Class<? extends Annotation>> HTTP_METHODS =
            List.of(GET.class, POST.class, PUT.class, DELETE.class, PATCH.class, HEAD.class);

    private Endpoints() {
    }

    /** Every resource method of the JSON API and of DICOMweb: the resources each JAX-RS application lists. */
    static List<Call> calls() throws ReflectiveOperationException {
        List<Call> calls = new ArrayList<>();
        for (String name : APPLICATIONS) {
            Class<?> application = Class.forName(name);
            String root = "/" + application.getAnnotation(ApplicationPath.class).value().replaceAll("^/|/$", "");
            Application instance = (Application) application.getDeclaredConstructor().newInstance();
            for (Class<?> resource : instance.getClasses()) {
                if (resource.isAnnotationPresent(Path.class)) {
                    calls.addAll(calls(root, resource));
                }
            }
        }
        if (calls.size() < 30) {
            throw new IllegalStateException("only " + calls.size() + " resource methods found in " + APPLICATIONS);
        }
        calls.sort(Comparator.comparing((Call c) -> c.path()).thenComparing(Call::httpMethod));
        return calls;
    }

    private static List<Call> calls(String root, Class<?> resource) {
        List<Call> calls = new ArrayList<>();
        String base = join(root, resource.getAnnotation(Path.class).value());
        for (Method method : resource.getDeclaredMethods()) {
            for (Class<? extends Annotation> http : HTTP_METHODS) {
                if (method.isAnnotationPresent(http)) {
                    String path = method.isAnnotationPresent(Path.class) ? join(base, method.getAnnotation(Path.class).value()) : base;
                    calls.add(new Call(http.getSimpleName(), path, consumes(method, resource), roles(method, resource),
                            resource.getSimpleName() + "." + method.getName()));
                }
            }
        }
        return calls;
    }

    /** Every screen: the pages of the webapp folder as the browser asks for them (clean URLs). */
    static List<String> pages() throws IOException {
        java.nio.file.Path webapp = java.nio.file.Path.of(System.getProperty("neuroarchive.it.project-dir"), "web/src/main/webapp");
        try (Stream<java.nio.file.Path> files = Files.walk(webapp)) {
            return files.filter(f -> f.toString().endsWith(".xhtml"))
                    .map(f -> "/" + webapp.relativize(f).toString().replace('\\', '/'))
                    .filter(p -> !p.startsWith("/WEB-INF/") && !p.startsWith("/resources/"))
                    .map(p -> p.replaceAll("\\.xhtml$", ""))
                    .map(p -> p.equals("/index") ? "/" : p)
                    .sorted().toList();
        }
    }

    private static List<String> consumes(Method method, Class<?> resource) {
        Consumes consumes = method.isAnnotationPresent(Consumes.class) ? method.getAnnotation(Consumes.class)
                : resource.getAnnotation(Consumes.class);
        return consumes == null ? List.of() : Arrays.stream(consumes.value()).flatMap(v -> Arrays.stream(v.split(",")))
                .map(String::strip).toList();
    }

    private static List<String> roles(Method method, Class<?> resource) {
        for (java.lang.reflect.AnnotatedElement element : List.<java.lang.reflect.AnnotatedElement>of(method, resource)) {
            if (element.isAnnotationPresent(DenyAll.class)) {
                return List.of();
            }
            if (element.isAnnotationPresent(RolesAllowed.class)) {
                return List.of(element.getAnnotation(RolesAllowed.class).value());
            }
            if (element.isAnnotationPresent(PermitAll.class)) {
                return List.of("*");
            }
        }
        return List.of();
    }

    private static String join(String base, String path) {
        String tail = path.replaceAll("^/|/$", "");
        return tail.isEmpty() ? base : base + "/" + tail;
    }
}

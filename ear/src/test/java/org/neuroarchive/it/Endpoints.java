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
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Every REST call of the application and every screen, found in the build rather than listed by hand:
 * the resource classes of the web module (its classes jar is on the test class path) and the pages in
 * its webapp folder. A new call or page is covered by the security tests without anyone remembering it.
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

        @Override
        public String toString() {
            return httpMethod + " " + path + " (" + javaName + ")";
        }
    }

    private static final Pattern PARAMETER = Pattern.compile("\\{(\\w+)(?::[^}]*)?}");
    private static final List<Class<? extends Annotation>> HTTP_METHODS =
            List.of(GET.class, POST.class, PUT.class, DELETE.class, PATCH.class, HEAD.class);

    private Endpoints() {
    }

    /** Every resource method of the REST API. */
    static List<Call> calls() throws IOException, ClassNotFoundException, URISyntaxException {
        Class<?> application = Class.forName("org.neuroarchive.web.rest.RestApplication");
        String root = "/" + application.getAnnotation(ApplicationPath.class).value().replaceAll("^/|/$", "");
        List<Call> calls = new ArrayList<>();
        for (Class<?> resource : resourceClasses(application)) {
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
        }
        calls.sort(Comparator.comparing((Call c) -> c.path()).thenComparing(Call::httpMethod));
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

    private static List<Class<?>> resourceClasses(Class<?> anchor) throws IOException, ClassNotFoundException, URISyntaxException {
        java.nio.file.Path location = java.nio.file.Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> names = new ArrayList<>();
        if (Files.isDirectory(location)) {
            try (Stream<java.nio.file.Path> files = Files.walk(location)) {
                files.filter(f -> f.toString().endsWith(".class"))
                        .forEach(f -> names.add(location.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", "")));
            }
        } else {
            try (ZipFile jar = new ZipFile(location.toFile())) {
                jar.stream().map(ZipEntry::getName).filter(n -> n.endsWith(".class"))
                        .forEach(n -> names.add(n.replace('/', '.').replaceAll("\\.class$", "")));
            }
        }
        List<Class<?>> resources = new ArrayList<>();
        for (String name : names) {
            if (name.contains("$")) {
                continue;
            }
            Class<?> type = Class.forName(name, false, Endpoints.class.getClassLoader());
            if (type.isAnnotationPresent(Path.class)) {
                resources.add(type);
            }
        }
        if (resources.size() < 10) {
            throw new IllegalStateException("only " + resources.size() + " resource classes found in " + location);
        }
        return resources;
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

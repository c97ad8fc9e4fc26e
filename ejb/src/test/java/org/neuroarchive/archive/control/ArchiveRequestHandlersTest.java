package org.neuroarchive.archive.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every kind of archive request has exactly one handler, a CDI bean the archive's message-driven bean
 * can find: a kind added without one (or with two) fails the build, not the first message.
 */
class ArchiveRequestHandlersTest {

    @Test
    void everyKindHasExactlyOneHandler() throws Exception {
        Map<ArchiveRequest.Kind, List<String>> handlers = new EnumMap<>(ArchiveRequest.Kind.class);
        for (Class<?> type : handlerClasses()) {
            assertTrue(type.isAnnotationPresent(ApplicationScoped.class), type + " must be an @ApplicationScoped bean");
            ArchiveRequestHandler handler = (ArchiveRequestHandler) allocate(type);
            handlers.computeIfAbsent(handler.kind(), k -> new ArrayList<>()).add(type.getSimpleName());
        }
        for (ArchiveRequest.Kind kind : ArchiveRequest.Kind.values()) {
            assertEquals(1, handlers.getOrDefault(kind, List.of()).size(), kind + ": " + handlers.get(kind));
        }
    }

    private static Object allocate(Class<?> type) throws ReflectiveOperationException {
        var constructor = type.getDeclaredConstructor();
        constructor.setAccessible(true);
        return constructor.newInstance();
    }

    private static List<Class<?>> handlerClasses() throws IOException, ClassNotFoundException {
        Path classes = Path.of("target/classes");
        List<Class<?>> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class") && !f.toString().contains("$")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, ArchiveRequestHandlersTest.class.getClassLoader());
                if (ArchiveRequestHandler.class.isAssignableFrom(type) && !type.isInterface()) {
                    found.add(type);
                }
            }
        }
        assertEquals(ArchiveRequest.Kind.values().length, found.size(), "handlers found: " + found);
        return found;
    }
}

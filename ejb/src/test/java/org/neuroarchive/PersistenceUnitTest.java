package org.neuroarchive;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.persistence.Entity;
import jakarta.persistence.MappedSuperclass;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * persistence.xml lists the entities and mapped superclasses (EclipseLink cannot scan inside WildFly's VFS): an entity left
 * out would fail only at runtime, so the list is checked against the compiled classes.
 */
class PersistenceUnitTest {

    @Test
    void everyEntityIsListedInPersistenceXml() throws IOException, URISyntaxException, ClassNotFoundException {
        Path classes = Path.of(PersistenceUnitTest.class.getResource("/META-INF/persistence.xml").toURI())
                .getParent().getParent();
        Set<String> entities = new TreeSet<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class") && !f.toString().contains("$")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, getClass().getClassLoader());
                if (type.isAnnotationPresent(Entity.class) || type.isAnnotationPresent(MappedSuperclass.class)) {
                    entities.add(name);
                }
            }
        }
        Set<String> listed = new TreeSet<>();
        Matcher matcher = Pattern.compile("<class>([^<]+)</class>")
                .matcher(Files.readString(classes.resolve("META-INF/persistence.xml")));
        while (matcher.find()) {
            listed.add(matcher.group(1).strip());
        }
        assertEquals(entities, listed);
    }
}

package org.neuroarchive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.Entity;
import jakarta.persistence.MappedSuperclass;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.neuroarchive.archive.entity.Instance;
import org.neuroarchive.common.entity.Record;
import org.neuroarchive.testing.TestDatabase;

/**
 * persistence.xml lists the entities and mapped superclasses (EclipseLink cannot scan inside WildFly's VFS): an entity left
 * out would fail only at runtime, so the list is checked against the compiled classes, and the unit is started with it.
 */
class PersistenceUnitTest {

    private static Path classes() throws URISyntaxException {
        return Path.of(PersistenceUnitTest.class.getResource("/META-INF/persistence.xml").toURI()).getParent().getParent();
    }

    /** The compiled classes of the application carrying one of these annotations. */
    @SafeVarargs
    private static Set<String> annotated(Class<? extends Annotation>... annotations)
            throws IOException, URISyntaxException, ClassNotFoundException {
        Path classes = classes();
        Set<String> found = new TreeSet<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class") && !f.toString().contains("$")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, PersistenceUnitTest.class.getClassLoader());
                if (Stream.of(annotations).anyMatch(type::isAnnotationPresent)) {
                    found.add(name);
                }
            }
        }
        return found;
    }

    @Test
    void everyEntityIsListedInPersistenceXml() throws IOException, URISyntaxException, ClassNotFoundException {
        Set<String> entities = annotated(Entity.class, MappedSuperclass.class);
        assertTrue(entities.size() >= 20 && entities.containsAll(List.of(Instance.class.getName(), Record.class.getName())),
                "found only " + entities + ": is the class folder right?");
        Set<String> listed = new TreeSet<>();
        Matcher matcher = Pattern.compile("<class>([^<]+)</class>")
                .matcher(Files.readString(classes().resolve("META-INF/persistence.xml")));
        while (matcher.find()) {
            listed.add(matcher.group(1).strip());
        }
        assertEquals(entities, listed);
    }

    /** The unit starts on the migrated schema and maps every entity class, each to a table that exists. */
    @Test
    void theUnitStartsAndMapsEveryEntity() throws Exception {
        Set<String> entities = annotated(Entity.class);
        assertTrue(entities.size() >= 15, "found only " + entities);
        Set<String> mapped = new TreeSet<>();
        TestDatabase.shared().metamodel().getEntities().forEach(e -> mapped.add(e.getJavaType().getName()));
        assertEquals(entities, mapped);
        for (String entity : entities) {
            String name = entity.substring(entity.lastIndexOf('.') + 1);
            long rows = TestDatabase.shared().inTransaction(tx -> tx.em()
                    .createQuery("SELECT COUNT(e) FROM " + name + " e", Long.class).getSingleResult());
            assertTrue(rows >= 0);
        }
    }
}

package org.neuroarchive.web.applications;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** The two JAX-RS applications list their resources: each resource of the module is in exactly one, every provider in both. */
class WebApplicationsTest {

    private static final List<Application> APPLICATIONS = List.of(new RestApplication(), new DicomWebApplication());

    @Test
    void everyResourceBelongsToExactlyOneApplication() {
        Set<Class<?>> resources = annotatedWith(Path.class);
        assertTrue(resources.size() >= 16, "resources found: " + resources);
        for (Class<?> resource : resources) {
            long owners = APPLICATIONS.stream().filter(a -> a.getClasses().contains(resource)).count();
            assertEquals(1, owners, resource.getName() + " is listed by " + owners + " applications");
        }
    }

    @Test
    void everyProviderServesBothApplications() {
        Set<Class<?>> providers = annotatedWith(Provider.class);
        assertTrue(providers.size() >= 5, "providers found: " + providers);
        for (Application application : APPLICATIONS) {
            assertTrue(application.getClasses().containsAll(providers),
                    application.getClass().getSimpleName() + " lacks some of " + providers);
        }
    }

    private static Set<Class<?>> annotatedWith(Class<? extends java.lang.annotation.Annotation> annotation) {
        return StreamSupport.stream(new ClassFileImporter().importPath(java.nio.file.Path.of("target/classes")).spliterator(), false)
                .filter(c -> c.isTopLevelClass() && c.isAnnotatedWith(annotation))
                .map(JavaClass::reflect).collect(Collectors.toSet());
    }
}

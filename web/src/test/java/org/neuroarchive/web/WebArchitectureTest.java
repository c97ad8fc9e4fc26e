package org.neuroarchive.web;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The web module's package rules, on its own compiled classes: every class lives under
 * org.neuroarchive.web (no package shared with the EJB module, whose boundary packages hold its
 * message-driven beans and timers), and its feature packages (rest, security, admin, importing,
 * individual…) do not depend on each other in circles.
 */
class WebArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().importPath(Path.of("target/classes"));
    }

    @Test
    void everyClassLivesUnderTheWebPackage() {
        classes().should().resideInAPackage("org.neuroarchive.web..").check(classes);
    }

    @Test
    void webPackagesHaveNoCycles() {
        slices().matching("org.neuroarchive.web.(*)..").should().beFreeOfCycles().check(classes);
    }
}

package org.neuroarchive;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package rules of the EJB module, checked on its compiled classes. Features are the packages
 * directly under org.neuroarchive; inside a feature, boundary (entry points: MDBs, timers, the DICOM
 * listener) uses control (services), which uses entity (JPA entities and values), never the other way.
 * The foundations (common, config, dicom, files) know no feature, and any package may use them;
 * application (start-up) is the top that nothing uses.
 */
class ArchitectureTest {

    private static final String ROOT = "org.neuroarchive";
    private static final String[] FOUNDATIONS = {ROOT + ".common..", ROOT + ".config..", ROOT + ".dicom..",
            ROOT + ".files.."};

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    @Test
    void featurePackagesHaveNoCycles() {
        check(slices().matching(ROOT + ".(*)..").should().beFreeOfCycles());
    }

    @Test
    void entitiesDependOnNoControlOrBoundary() {
        check(noClasses().that().resideInAPackage("..entity..")
                .should().dependOnClassesThat(resideInAnyPackage("..control..", "..boundary..")
                        .and(not(resideInAnyPackage(FOUNDATIONS)))));
    }

    @Test
    void controlDependsOnNoBoundary() {
        check(noClasses().that().resideInAPackage("..control..")
                .should().dependOnClassesThat().resideInAPackage("..boundary.."));
    }

    @Test
    void foundationsDependOnNoFeature() {
        check(classes().that().resideInAnyPackage(FOUNDATIONS)
                .should().onlyDependOnClassesThat(not(resideInAPackage(ROOT + "..")).or(resideInAnyPackage(FOUNDATIONS))));
    }

    @Test
    void nothingDependsOnTheStartUp() {
        check(noClasses().that().resideOutsideOfPackage(ROOT + ".application..")
                .should().dependOnClassesThat().resideInAPackage(ROOT + ".application.."));
    }

    private static void check(ArchRule rule) {
        rule.check(classes);
    }
}

package com.authorworks.publishing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTests {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.authorworks.publishing");

    @Test
    void publishingIsALibraryWithoutSpring() {
        noClasses().should().dependOnClassesThat().resideInAPackage("org.springframework..").check(CLASSES);
    }

    @Test
    void thePublishedModelDoesNotExposeInternals() {
        noClasses().that().resideInAPackage("com.authorworks.publishing")
                .and().doNotHaveSimpleName("Publishing")
                .should().dependOnClassesThat().resideInAPackage("com.authorworks.publishing.internal..")
                .check(CLASSES);
    }
}

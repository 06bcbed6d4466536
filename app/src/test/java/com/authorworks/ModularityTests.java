package com.authorworks;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.properties.HasName;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * The build fails when a module reaches into another's internals. Services are Spring Modulith
 * application modules (their root package is their API); the engine and publishing are plain
 * libraries, open to everyone but free of Spring.
 */
class ModularityTests {

    private static final DescribedPredicate<JavaClass> LIBRARIES =
            JavaClass.Predicates.resideInAnyPackage("com.authorworks.engine..", "com.authorworks.publishing..");

    /** Classes the build writes for the prepared context (Spring AOT), not sources of ours. */
    private static final String GENERATED = ".*(__|\\$\\$SpringCGLIB\\$\\$).*";

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.matches(Pattern.compile(GENERATED)))
            .importPackages("com.authorworks");

    @Test
    void servicesUseEachOtherOnlyThroughTheirPublishedApi() {
        ApplicationModules.of(AuthorWorksApplication.class, LIBRARIES.or(HasName.Predicates.nameMatching(GENERATED))).verify();
    }

    @Test
    void librariesDoNotDependOnSpring() {
        noClasses().that(LIBRARIES).should().dependOnClassesThat()
                .resideInAnyPackage("org.springframework..")
                .because("the engine and publishing run on the command line without a container")
                .check(CLASSES);
    }

    @Test
    void librariesDoNotDependOnServices() {
        noClasses().that(LIBRARIES).should().dependOnClassesThat()
                .resideInAnyPackage("com.authorworks.platform..", "com.authorworks.app..")
                .check(CLASSES);
    }

    @Test
    void nobodyUsesAnotherModulesInternals() {
        classes().should(new ArchCondition<JavaClass>("use no other module's internal packages") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                String own = moduleOf(type.getPackageName());
                for (Dependency dependency : type.getDirectDependenciesFromSelf()) {
                    String target = dependency.getTargetClass().getPackageName();
                    if (target.startsWith("com.authorworks.") && target.contains(".internal")
                            && !moduleOf(target).equals(own)) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        }).check(CLASSES);
    }

    /** {@code com.authorworks.identity.internal.x} belongs to module {@code identity}. */
    private static String moduleOf(String packageName) {
        String[] parts = packageName.split("\\.");
        return parts.length > 2 ? parts[2] : "";
    }
}

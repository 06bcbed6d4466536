package com.authorworks;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.web.service.annotation.HttpExchange;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.properties.HasName;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
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

    /** Modules that are not services: the shared kernel, the plain libraries and the executable. */
    private static final java.util.Set<String> NOT_SERVICES = java.util.Set.of("platform", "engine", "publishing", "app", "");

    /**
     * A service uses another service's beans only through a published contract: an interface
     * annotated with {@code @HttpExchange}, which an HTTP client can implement when the callee runs
     * in another process (docs/platform.md, "Contracts between services"). Values the contract
     * carries (records, enums, exceptions, constants) may be used freely.
     */
    static final ArchRule SERVICES_CALL_EACH_OTHER_THROUGH_CONTRACTS = classes()
            .should(new ArchCondition<JavaClass>("call other services only through @HttpExchange contracts") {
                @Override
                public void check(JavaClass type, ConditionEvents events) {
                    String own = moduleOf(type.getPackageName());
                    if (NOT_SERVICES.contains(own)) {
                        return;
                    }
                    for (Dependency dependency : type.getDirectDependenciesFromSelf()) {
                        JavaClass target = dependency.getTargetClass().getBaseComponentType();
                        String callee = moduleOf(target.getPackageName());
                        if (!target.getPackageName().startsWith("com.authorworks.") || NOT_SERVICES.contains(callee)
                                || callee.equals(own) || isContractOrValue(target)) {
                            continue;
                        }
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription() + ": "
                                + target.getSimpleName() + " of service " + callee + " is not an @HttpExchange contract"));
                    }
                }
            })
            .because("across processes only a published contract can be called");

    /** A contract interface, or a value: a record, an enum, an exception, an annotation or a holder of constants. */
    private static boolean isContractOrValue(JavaClass target) {
        if (target.isInterface()) {
            return target.isAnnotatedWith(HttpExchange.class);
        }
        return target.isRecord() || target.isEnum() || target.isAnnotation() || target.isAssignableTo(Throwable.class)
                || isConstants(target);
    }

    /** A final class with no instances to speak of: only static members (like {@code Buckets}). */
    private static boolean isConstants(JavaClass target) {
        return target.getModifiers().contains(com.tngtech.archunit.core.domain.JavaModifier.FINAL)
                && target.getMethods().stream().allMatch(m -> m.getModifiers().contains(com.tngtech.archunit.core.domain.JavaModifier.STATIC))
                && target.getFields().stream().allMatch(f -> f.getModifiers().contains(com.tngtech.archunit.core.domain.JavaModifier.STATIC));
    }

    @Test
    void servicesCallEachOtherOnlyThroughHttpExchangeContracts() {
        SERVICES_CALL_EACH_OTHER_THROUGH_CONTRACTS.check(CLASSES);
    }

    @Test
    void aServiceUsingAnotherServicesBeanOutsideAContractFailsTheBuild() {
        JavaClasses offender = new ClassFileImporter().importClasses(com.authorworks.content.fixture.UsesBlobStore.class,
                com.authorworks.storage.BlobStore.class, com.authorworks.storage.Files.class,
                com.authorworks.storage.StoredFile.class, com.authorworks.storage.Buckets.class);
        EvaluationResult result = SERVICES_CALL_EACH_OTHER_THROUGH_CONTRACTS.evaluate(offender);
        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails())
                .anySatisfy(line -> assertThat(line).contains("BlobStore of service storage is not an @HttpExchange contract"))
                .noneSatisfy(line -> assertThat(line).contains("Files of service"))
                .noneSatisfy(line -> assertThat(line).contains("StoredFile of service"))
                .noneSatisfy(line -> assertThat(line).contains("Buckets of service"));
    }

    /** {@code com.authorworks.identity.internal.x} belongs to module {@code identity}. */
    private static String moduleOf(String packageName) {
        String[] parts = packageName.split("\\.");
        return parts.length > 2 ? parts[2] : "";
    }
}

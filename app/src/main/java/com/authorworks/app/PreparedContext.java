package com.authorworks.app;

import java.net.URL;

import com.authorworks.platform.services.EnabledServices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aot.AotDetector;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

/**
 * Decides whether the server starts from the application context prepared when the jar was built
 * (Spring AOT: bean definitions written as code, so no configuration class is parsed and no
 * condition evaluated at start; that took 1.2 s of a 4.2 s context refresh). The build settles the conditions for
 * every service, so the prepared context is used only when this process runs all of them, and
 * never when {@code AUTHORWORKS_SPRING_AOT=false}; any other start reads the configuration as usual.
 */
public final class PreparedContext implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    /** Written by the build (spring-boot-maven-plugin {@code process-aot}) for the main class. */
    static final String INITIALIZER = "com.authorworks.AuthorWorks__ApplicationContextInitializer";

    private static final Logger log = LoggerFactory.getLogger(PreparedContext.class);

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        if (Boolean.getBoolean("spring.aot.processing")) {
            return; // this is the build preparing the context
        }
        boolean use = usable(event.getEnvironment(), preparedWithTheseClasses());
        // read by Spring right after this event, when it creates the context
        System.setProperty(AotDetector.AOT_ENABLED, Boolean.toString(use));
        if (use) {
            log.info("Starting from the application context prepared at build time (AUTHORWORKS_SPRING_AOT=false to turn off)");
        }
    }

    /**
     * Whether the prepared context is there and was written with the classes it runs with: inside
     * one jar both come from the same build, while in {@code target/classes} an IDE may have
     * recompiled a class since the last {@code package}.
     */
    private boolean preparedWithTheseClasses() {
        URL initializer = getClass().getClassLoader().getResource(INITIALIZER.replace('.', '/') + ".class");
        return initializer != null && "jar".equals(initializer.getProtocol());
    }

    static boolean usable(Environment environment, boolean prepared) {
        return prepared && environment.getProperty("AUTHORWORKS_SPRING_AOT", Boolean.class, true)
                && EnabledServices.from(environment).equals(EnabledServices.parse("all"))
                && SWITCHES.stream().allMatch(name -> environment.getProperty(name, "").isBlank());
    }

    /**
     * Settings that switch beans the build prepared without (the build sets none of them): Stripe instead of test
     * mode; events across processes through Kafka; shared state in Redis (REDIS_URL).
     */
    static final java.util.List<String> SWITCHES = java.util.List.of("STRIPE_SECRET_KEY", "STRIPE_WEBHOOK_SECRET",
            "authorworks.kafka.bootstrap-servers", "authorworks.redis-url");
}

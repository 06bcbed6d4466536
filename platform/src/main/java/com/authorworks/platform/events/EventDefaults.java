package com.authorworks.platform.events;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The registry's settings, as defaults any property source overrides: its table is
 * {@code events.event_publication}, created by this platform's Flyway migration rather than by
 * Modulith; a finished publication is deleted; and resubmission is {@link EventResubmission}'s,
 * not Modulith's own restart pass (which would also take up, and fail, publications whose
 * listener runs in another process sharing the database).
 */
class EventDefaults implements EnvironmentPostProcessor {

    static final String SCHEMA = "events";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource("authorworks-event-defaults", Map.of(
                "spring.modulith.events.jdbc.schema", SCHEMA,
                "spring.modulith.events.jdbc.schema-initialization.enabled", "false",
                "spring.modulith.events.jdbc.use-legacy-structure", "false",
                "spring.modulith.events.completion-mode", "delete",
                "spring.modulith.events.republish-outstanding-events-on-restart", "false")));
    }
}

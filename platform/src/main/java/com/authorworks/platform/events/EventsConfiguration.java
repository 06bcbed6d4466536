package com.authorworks.platform.events;

import java.time.Duration;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.core.task.support.ContextPropagatingTaskDecorator;
import org.springframework.modulith.events.IncompleteEventPublications;

import com.authorworks.platform.database.ServiceSchema;

/**
 * Domain events are durable: Spring Modulith's event publication registry writes one row per event
 * and {@code @ApplicationModuleListener} into {@code events.event_publication}, in the transaction
 * that published the event, and removes it when the listener has finished. The {@code events}
 * schema is one per database (processes sharing a database share it, each resubmitting only the
 * publications of its own listeners) and is migrated by Flyway like a service schema.
 */
@AutoConfiguration
public class EventsConfiguration {

    @Bean
    ServiceSchema eventsSchema() {
        return new ServiceSchema(EventDefaults.SCHEMA);
    }

    @Bean
    EventResubmission eventResubmission(IncompleteEventPublications publications, Environment environment) {
        return new EventResubmission(publications,
                environment.getProperty("authorworks.events.retry-interval", Duration.class, Duration.ofSeconds(30)),
                environment.getProperty("authorworks.events.retry-after", Duration.class, Duration.ofMinutes(1)));
    }

    /**
     * Asynchronous listeners (and the registry's sends to Kafka) run in the trace of the thread that
     * published their event: Boot decorates its task executor with it.
     */
    @Bean
    ContextPropagatingTaskDecorator eventContextPropagation() {
        return new ContextPropagatingTaskDecorator();
    }
}

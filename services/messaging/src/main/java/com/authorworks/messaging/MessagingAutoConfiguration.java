package com.authorworks.messaging;

import java.util.List;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;

import com.authorworks.messaging.internal.MessagingProperties;
import com.authorworks.platform.database.ServiceSchema;
import com.authorworks.platform.security.PublicEndpoints;
import com.authorworks.platform.security.PublicEndpoints.Endpoint;
import com.authorworks.platform.services.ConditionalOnService;

/**
 * Registers the messaging service when AUTHORWORKS_SERVICES includes {@code messaging}: its inbox,
 * the listeners turning other services' events into notifications, conversations, and live delivery at {@code /ws}.
 */
@AutoConfiguration
@ConditionalOnService("messaging")
@ComponentScan("com.authorworks.messaging.internal")
@EnableConfigurationProperties(MessagingProperties.class)
public class MessagingAutoConfiguration {

    @Bean
    ServiceSchema messagingSchema() {
        return new ServiceSchema("messaging");
    }

    /** A mail's unsubscribe link works signed out: its signed token is the credential (one type, one user). */
    @Bean
    PublicEndpoints messagingPublicEndpoints() {
        return () -> List.of(Endpoint.get("/api/v1/notifications/unsubscribe"), Endpoint.post("/api/v1/notifications/unsubscribe"));
    }
}

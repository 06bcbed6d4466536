package com.authorworks.subscriptions;

import java.util.List;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;

import com.authorworks.platform.database.ServiceSchema;
import com.authorworks.platform.security.PublicEndpoints;
import com.authorworks.platform.security.PublicEndpoints.Endpoint;
import com.authorworks.platform.services.ConditionalOnService;

/**
 * Registers the subscriptions service when AUTHORWORKS_SERVICES includes {@code subscriptions}:
 * creator tiers, fan subscriptions, tips and the ledger, paid through the offline test-mode
 * provider unless Stripe keys are set.
 */
@AutoConfiguration
@ConditionalOnService("subscriptions")
@ComponentScan("com.authorworks.subscriptions.internal")
public class SubscriptionsAutoConfiguration {

    @Bean
    ServiceSchema subscriptionsSchema() {
        return new ServiceSchema("subscriptions");
    }

    /** A creator's tiers are their shop window: anyone may look before signing up. */
    @Bean
    PublicEndpoints subscriptionsPublicEndpoints() {
        return () -> List.of(
                Endpoint.get("/api/v1/creators/{id}/tiers"),
                Endpoint.get("/api/v1/creators/{id}/tiers/{tierId}"));
    }
}

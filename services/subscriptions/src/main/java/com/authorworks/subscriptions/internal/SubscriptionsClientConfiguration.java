package com.authorworks.subscriptions.internal;

import java.net.URI;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

import com.authorworks.platform.contracts.ContractsConfiguration;
import com.authorworks.platform.contracts.ServiceClients;
import com.authorworks.platform.services.ConditionalOnMissingService;
import com.authorworks.subscriptions.Memberships;
import com.authorworks.subscriptions.SubscriptionsUnavailableException;

/**
 * In a process without the subscriptions service: its {@link Memberships} contract over HTTP, at
 * {@code AUTHORWORKS_SUBSCRIPTIONS_URL} (property {@code authorworks.subscriptions.url}).
 */
@AutoConfiguration(after = ContractsConfiguration.class)
@ConditionalOnMissingService("subscriptions")
@ConditionalOnProperty("authorworks.subscriptions.url")
public class SubscriptionsClientConfiguration {

    @Bean
    Memberships subscriptionsMemberships(ServiceClients clients, Environment environment) {
        URI url = URI.create(environment.getRequiredProperty("authorworks.subscriptions.url"));
        if (!url.isAbsolute() || url.getHost() == null) {
            throw new IllegalStateException("AUTHORWORKS_SUBSCRIPTIONS_URL must be an absolute URL such as http://subscriptions:3005, was " + url);
        }
        return clients.create(Memberships.class, "subscriptions", url, SubscriptionsUnavailableException::new);
    }
}

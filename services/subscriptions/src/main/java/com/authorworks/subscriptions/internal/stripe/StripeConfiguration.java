package com.authorworks.subscriptions.internal.stripe;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import com.authorworks.platform.security.PublicEndpoints;
import com.authorworks.platform.security.PublicEndpoints.Endpoint;
import com.authorworks.subscriptions.internal.StripeKeys;
import com.stripe.Stripe;
import com.stripe.StripeClient;

/**
 * The Stripe client, made from {@code STRIPE_SECRET_KEY}, talking to {@code authorworks.subscriptions.stripe.api-base}
 * (Stripe itself by default; the tests point it at WireMock). Only when Stripe's keys are set.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(StripeKeys.Configured.class)
class StripeConfiguration {

    @Bean
    StripeClient stripeClient(Environment environment) {
        return StripeClient.builder()
                .setApiKey(environment.getRequiredProperty(StripeKeys.SECRET_KEY))
                .setApiBase(environment.getProperty("authorworks.subscriptions.stripe.api-base", Stripe.LIVE_API_BASE))
                .setConnectTimeout(5_000)
                .setReadTimeout(30_000)
                .setMaxNetworkRetries(2)
                .build();
    }

    /** Stripe calls the webhook with no token of ours: its signature is the authorization. */
    @Bean
    PublicEndpoints stripeWebhookEndpoint() {
        return () -> List.of(Endpoint.post("/api/v1/payments/stripe/webhook"));
    }
}

package com.authorworks.subscriptions.internal.billing;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

import com.authorworks.subscriptions.internal.StripeKeys;

/** The offline test-mode provider, unless Stripe's keys are set (then {@code internal.stripe} provides one). */
@Configuration(proxyBeanMethods = false)
class PaymentProviders {

    @Bean
    @Conditional(StripeKeys.NotConfigured.class)
    PaymentProvider testModePaymentProvider() {
        return new TestModeProvider();
    }
}

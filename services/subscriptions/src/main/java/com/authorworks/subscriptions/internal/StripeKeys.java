package com.authorworks.subscriptions.internal;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Whether payments go through Stripe: only when both {@code STRIPE_SECRET_KEY} and
 * {@code STRIPE_WEBHOOK_SECRET} are set (a key without a webhook secret would take money it never
 * hears back about). Otherwise the offline test-mode provider runs.
 */
public final class StripeKeys {

    public static final String SECRET_KEY = "STRIPE_SECRET_KEY";
    public static final String WEBHOOK_SECRET = "STRIPE_WEBHOOK_SECRET";

    private StripeKeys() {
    }

    public static boolean configured(Environment environment) {
        return !environment.getProperty(SECRET_KEY, "").isBlank() && !environment.getProperty(WEBHOOK_SECRET, "").isBlank();
    }

    public static final class Configured implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return configured(context.getEnvironment());
        }
    }

    public static final class NotConfigured implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !configured(context.getEnvironment());
        }
    }
}

package com.authorworks.platform.redis;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when {@code authorworks.redis-url} ({@code REDIS_URL}) names a Redis: the beans that share state through it. */
public final class RedisConfigured implements Condition {

    public static final String URL = "authorworks.redis-url";

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        String url = context.getEnvironment().getProperty(URL, "");
        return !url.isBlank();
    }
}

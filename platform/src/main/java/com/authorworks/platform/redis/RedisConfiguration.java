package com.authorworks.platform.redis;

import java.time.Duration;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.env.Environment;

/**
 * {@link SharedRedis} when {@code REDIS_URL} is set ({@code authorworks.redis.timeout}, 1s: how long a
 * command may take; {@code authorworks.redis.retry-every}, 2s: how long an outage is left alone
 * before Redis is tried again). Without it nothing here exists, and state stays in PostgreSQL or
 * in the process.
 */
@AutoConfiguration
@Conditional(RedisConfigured.class)
public class RedisConfiguration {

    @Bean(destroyMethod = "close")
    SharedRedis sharedRedis(Environment environment) {
        return new SharedRedis(environment.getRequiredProperty(RedisConfigured.URL),
                environment.getProperty("authorworks.redis.timeout", Duration.class, Duration.ofSeconds(1)),
                environment.getProperty("authorworks.redis.retry-every", Duration.class, Duration.ofSeconds(2)));
    }
}

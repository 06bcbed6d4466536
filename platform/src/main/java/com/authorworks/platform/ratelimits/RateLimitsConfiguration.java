package com.authorworks.platform.ratelimits;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

import com.authorworks.platform.database.DatabaseConfiguration;
import com.authorworks.platform.redis.RedisConfiguration;
import com.authorworks.platform.redis.SharedRedis;

/** The {@link RateLimiters} every service makes its limiters with. */
@AutoConfiguration(after = {RedisConfiguration.class, DatabaseConfiguration.class})
public class RateLimitsConfiguration {

    @Bean(destroyMethod = "close")
    RateLimiters rateLimiters(ObjectProvider<SharedRedis> redis, DataSource dataSource) {
        return new RateLimiters(redis.getIfAvailable(), dataSource);
    }
}

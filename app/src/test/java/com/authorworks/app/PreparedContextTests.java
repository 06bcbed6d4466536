package com.authorworks.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class PreparedContextTests {

    @Test
    void aStartOfEveryServiceUsesThePreparedContext() {
        assertThat(PreparedContext.usable(new MockEnvironment(), true)).isTrue();
        assertThat(PreparedContext.usable(new MockEnvironment().withProperty("authorworks.services", " ALL "), true)).isTrue();
    }

    @Test
    void aStartOfSomeServicesReadsTheConfiguration() {
        assertThat(PreparedContext.usable(new MockEnvironment().withProperty("authorworks.services", "identity"), true)).isFalse();
    }

    @Test
    void theOperatorCanTurnItOff() {
        assertThat(PreparedContext.usable(new MockEnvironment().withProperty("AUTHORWORKS_SPRING_AOT", "false"), true)).isFalse();
        // the build prepared payments in test mode; Stripe's keys switch to other beans
        assertThat(PreparedContext.usable(new MockEnvironment().withProperty("STRIPE_SECRET_KEY", "sk_live_x"), true)).isFalse();
        assertThat(PreparedContext.usable(new MockEnvironment().withProperty("authorworks.kafka.bootstrap-servers", "kafka:9092"), true))
                .as("events across processes need beans the build did not prepare").isFalse();
        assertThat(PreparedContext.usable(new MockEnvironment().withProperty("authorworks.redis-url", "redis://redis:6379"), true))
                .as("shared state in Redis needs beans the build did not prepare").isFalse();
    }

    @Test
    void aBuildWithoutAPreparedContextReadsTheConfiguration() {
        assertThat(PreparedContext.usable(new MockEnvironment(), false)).isFalse();
    }
}

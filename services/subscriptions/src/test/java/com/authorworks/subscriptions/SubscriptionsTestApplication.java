package com.authorworks.subscriptions;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

import com.authorworks.platform.testing.TestAccessTokens;

/**
 * The subscriptions service alone, without identity: this key stands in for identity's signing key,
 * so tokens go through the real validation path.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class SubscriptionsTestApplication {

    @Bean
    TestAccessTokens accessTokenKeys() {
        return new TestAccessTokens();
    }

    @Bean
    PublishedEvents publishedEvents() {
        return new PublishedEvents();
    }
}

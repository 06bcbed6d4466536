package com.authorworks.content;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

import com.authorworks.platform.testing.TestAccessTokens;

/**
 * The content service on the platform, without the identity service: this key stands in for
 * identity's signing key, so tokens go through the real validation path.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class ContentTestApplication {

    @Bean
    RecordedEvents recordedEvents() {
        return new RecordedEvents();
    }

    @Bean
    TestAccessTokens accessTokenKeys() {
        return new TestAccessTokens();
    }

    @Bean
    ContentEventsListener contentEventsListener() {
        return new ContentEventsListener();
    }
}

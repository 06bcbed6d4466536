package com.authorworks.messaging;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

import com.authorworks.platform.testing.TestAccessTokens;

/**
 * Messaging with the content service whose events it hears (and storage, which content needs), without
 * identity: this key stands in for identity's signing key, so tokens go through the real validation path.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class MessagingTestApplication {

    @Bean
    TestAccessTokens accessTokenKeys() {
        return new TestAccessTokens();
    }
}

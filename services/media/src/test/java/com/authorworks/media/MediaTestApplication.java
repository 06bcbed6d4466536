package com.authorworks.media;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

import com.authorworks.platform.testing.TestAccessTokens;

/**
 * Media with the content service whose books it narrates and storage, which keeps the files, without identity:
 * this key stands in for identity's signing key, so tokens go through the real validation path.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class MediaTestApplication {

    @Bean
    TestAccessTokens accessTokenKeys() {
        return new TestAccessTokens();
    }
}

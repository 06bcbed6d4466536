package com.authorworks.storage;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

import com.authorworks.platform.testing.TestAccessTokens;

/** The storage service alone, with access tokens verified by the platform's real path. */
@SpringBootConfiguration
@EnableAutoConfiguration
public class TestApplication {

    @Bean
    TestAccessTokens accessTokenKeys() {
        return new TestAccessTokens();
    }
}

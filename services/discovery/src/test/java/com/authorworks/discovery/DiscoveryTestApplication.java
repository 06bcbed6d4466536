package com.authorworks.discovery;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

import com.authorworks.platform.testing.TestAccessTokens;

/**
 * Discovery with the content service it learns from (and storage, which content needs), without
 * identity: this key stands in for identity's signing key, so tokens go through the real validation path.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class DiscoveryTestApplication {

    @Bean
    TestAccessTokens accessTokenKeys() {
        return new TestAccessTokens();
    }
}

package com.authorworks.editor;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

import com.authorworks.platform.testing.TestAccessTokens;

/**
 * The editor with the content service whose scenes it edits (and storage, which content needs), without
 * identity: this key stands in for identity's signing key, so tokens go through the real validation path.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class EditorTestApplication {

    @Bean
    TestAccessTokens accessTokenKeys() {
        return new TestAccessTokens();
    }
}

package com.authorworks.content;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;

import com.authorworks.content.internal.ContentProperties;
import com.authorworks.platform.database.ServiceSchema;
import com.authorworks.platform.services.ConditionalOnService;

/** Registers the content service when AUTHORWORKS_SERVICES includes {@code content}. */
@AutoConfiguration
@ConditionalOnService("content")
@ComponentScan
@EnableConfigurationProperties(ContentProperties.class)
public class ContentAutoConfiguration {

    @Bean
    ServiceSchema contentSchema() {
        return new ServiceSchema("content");
    }
}

package com.authorworks.media;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;

import com.authorworks.media.internal.MediaProperties;
import com.authorworks.platform.database.ServiceSchema;
import com.authorworks.platform.services.ConditionalOnService;

/**
 * Registers the media service when AUTHORWORKS_SERVICES includes {@code media}: audiobook projects, their
 * voices and render jobs under {@code /api/v1/audio}.
 */
@AutoConfiguration
@ConditionalOnService("media")
@ComponentScan({"com.authorworks.media.internal", "com.authorworks.media.audio"})
@EnableConfigurationProperties(MediaProperties.class)
public class MediaAutoConfiguration {

    @Bean
    ServiceSchema mediaSchema() {
        return new ServiceSchema("media");
    }
}

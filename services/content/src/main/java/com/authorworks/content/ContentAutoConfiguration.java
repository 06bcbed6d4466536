package com.authorworks.content;

import java.util.List;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;

import com.authorworks.content.internal.ContentProperties;
import com.authorworks.platform.database.ServiceSchema;
import com.authorworks.platform.security.PublicEndpoints;
import com.authorworks.platform.security.PublicEndpoints.Endpoint;
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

    /**
     * Reading a published book needs no account when its audience is public; the access policy, not the
     * security filter, decides per book (a draft is still a 404 to anyone but its owner).
     */
    @Bean
    PublicEndpoints contentPublicEndpoints() {
        return () -> List.of(
                Endpoint.get("/api/v1/books/{id}"),
                Endpoint.get("/api/v1/books/{id}/chapters/{chapterId}/scenes/{sceneId}"),
                Endpoint.get("/api/v1/users/{id}/books"));
    }
}

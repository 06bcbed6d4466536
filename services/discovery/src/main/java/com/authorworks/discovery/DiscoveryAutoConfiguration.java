package com.authorworks.discovery;

import java.util.List;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;

import com.authorworks.discovery.internal.DiscoveryProperties;
import com.authorworks.platform.database.ServiceSchema;
import com.authorworks.platform.security.PublicEndpoints;
import com.authorworks.platform.security.PublicEndpoints.Endpoint;
import com.authorworks.platform.services.ConditionalOnService;

/**
 * Registers the discovery service when AUTHORWORKS_SERVICES includes {@code discovery}: only then are
 * the Lucene index opened and the embedding model loaded.
 */
@AutoConfiguration
@ConditionalOnService("discovery")
@ComponentScan("com.authorworks.discovery.internal")
@EnableConfigurationProperties(DiscoveryProperties.class)
public class DiscoveryAutoConfiguration {

    @Bean
    ServiceSchema discoverySchema() {
        return new ServiceSchema("discovery");
    }

    /** Browsing needs no account; what a caller sees is decided per book by content's access policy. */
    @Bean
    PublicEndpoints discoveryPublicEndpoints() {
        return () -> List.of(
                Endpoint.get("/api/v1/discover/books"),
                Endpoint.get("/api/v1/discover/trending"),
                Endpoint.get("/api/v1/discover/trending/explain"),
                Endpoint.get("/api/v1/discover/best-rated"),
                Endpoint.get("/api/v1/discover/best-rated/explain"),
                Endpoint.get("/api/v1/discover/popular"),
                Endpoint.get("/api/v1/discover/popular/explain"),
                Endpoint.get("/api/v1/discover/rising-stars"),
                Endpoint.get("/api/v1/discover/rising-stars/explain"),
                Endpoint.get("/api/v1/discover/tags"),
                Endpoint.get("/api/v1/discover/lists/*"),
                Endpoint.get("/api/v1/discover/authors/*"),
                Endpoint.get("/api/v1/discover/latest"),
                Endpoint.get("/api/v1/discover/recommendations"),
                Endpoint.get("/api/v1/discover/books/*/reviews"),
                Endpoint.get("/api/v1/discover/books/*/chapters/*/comments"),
                Endpoint.get("/api/v1/discover/comments/*"));
    }
}

package com.authorworks.platform.contracts;

import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import com.authorworks.platform.security.RequestAuthenticator;

import io.micrometer.observation.ObservationRegistry;

/** Registers what contracts need in every process: service tokens, their filter, streamed bodies, the clients' factory. */
@AutoConfiguration
public class ContractsConfiguration {

    private final Optional<ServiceTokens> tokens;

    ContractsConfiguration(Environment environment) {
        this.tokens = ServiceTokens.from(environment);
    }

    @Bean
    ServiceClients serviceClients(Environment environment, ObjectProvider<ObservationRegistry> observations) {
        return new ServiceClients(tokens, environment, observations.getIfAvailable(() -> ObservationRegistry.NOOP));
    }

    @Bean
    RequestAuthenticator serviceTokenAuthenticator() {
        // Not a bean: a Filter bean would also be registered with the servlet container, outside security.
        return http -> http.addFilterBefore(new ServiceTokenFilter(tokens), BearerTokenAuthenticationFilter.class);
    }

    @Bean
    WebMvcConfigurer streamedContractBodies() {
        return new WebMvcConfigurer() {
            @Override
            public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
                converters.add(new InputStreamConverter(true));
            }
        };
    }
}

package com.authorworks.identity;

import java.util.List;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import com.authorworks.identity.internal.IdentityClientConfiguration;
import com.authorworks.identity.internal.IdentitySettings;
import com.authorworks.identity.internal.forwardauth.ForwardAuthConfiguration;
import com.authorworks.platform.database.ServiceSchema;
import com.authorworks.platform.security.PublicEndpoints;
import com.authorworks.platform.security.PublicEndpoints.Endpoint;
import com.authorworks.platform.services.ConditionalOnService;

/** Registers the identity service when AUTHORWORKS_SERVICES includes {@code identity}. */
@AutoConfiguration
@ConditionalOnService("identity")
@ComponentScan(basePackages = "com.authorworks.identity.internal", excludeFilters = @ComponentScan.Filter(
        type = FilterType.ASSIGNABLE_TYPE, classes = {IdentityClientConfiguration.class, ForwardAuthConfiguration.class}))
public class IdentityAutoConfiguration {

    @Bean
    ServiceSchema identitySchema() {
        return new ServiceSchema("identity");
    }

    @Bean
    IdentitySettings identitySettings(Environment environment) {
        return IdentitySettings.from(environment);
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
    }

    @Bean
    PublicEndpoints identityPublicEndpoints() {
        return () -> List.of(
                Endpoint.post("/api/v1/auth/register"),
                Endpoint.post("/api/v1/auth/login"),
                Endpoint.post("/api/v1/auth/refresh"),
                Endpoint.post("/api/v1/auth/logout"),
                Endpoint.post("/api/v1/auth/verify-email"),
                Endpoint.post("/api/v1/auth/resend-verification"),
                Endpoint.post("/api/v1/auth/forgot-password"),
                Endpoint.post("/api/v1/auth/reset-password"),
                Endpoint.get("/api/v1/auth/session"),
                // /users/me matches too; its controller demands a signed-in user itself
                Endpoint.get("/api/v1/users/{id}"),
                Endpoint.get("/api/v1/users/{id}/followers"),
                Endpoint.get("/api/v1/users/{id}/following"));
    }
}

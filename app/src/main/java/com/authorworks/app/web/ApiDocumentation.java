package com.authorworks.app.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;

/** The OpenAPI document's cover: the product's name and version instead of springdoc's "OpenAPI definition v0". */
@AutoConfiguration
@ConditionalOnClass(OpenAPI.class)
public class ApiDocumentation {

    static final String TITLE = "AuthorWorks API";

    @Bean
    OpenAPI authorWorksOpenApi() {
        String version = ApiDocumentation.class.getPackage().getImplementationVersion();
        return new OpenAPI().info(new Info().title(TITLE).version(version == null ? "0.1.0-SNAPSHOT" : version)
                .description("Write, generate, edit, read and publish books. Every path is under /api/v1; errors are RFC 9457 "
                        + "problem details with a stable code. Sign in with POST /api/v1/auth/login and send the access token "
                        + "as a Bearer token."));
    }
}

package com.authorworks.identity.internal;

import java.net.URI;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

import com.authorworks.identity.ForwardAuthSignIns;
import com.authorworks.identity.IdentityUnavailableException;
import com.authorworks.identity.UserBlocks;
import com.authorworks.identity.UserMail;
import com.authorworks.identity.Users;
import com.authorworks.platform.contracts.ContractsConfiguration;
import com.authorworks.platform.contracts.ServiceClients;
import com.authorworks.platform.services.ConditionalOnMissingService;

/**
 * In a process without the identity service: identity's contracts over HTTP, at the host of
 * {@code AUTHORWORKS_JWKS_URI} (where the token epochs are asked for too, ADR 0005).
 */
@AutoConfiguration(after = ContractsConfiguration.class)
@ConditionalOnMissingService("identity")
@ConditionalOnProperty("authorworks.security.jwks-uri")
public class IdentityClientConfiguration {

    private static URI identity(Environment environment) {
        return URI.create(environment.getRequiredProperty("authorworks.security.jwks-uri")).resolve("/");
    }

    @Bean
    Users identityUsers(ServiceClients clients, Environment environment) {
        return clients.create(Users.class, "identity", identity(environment), IdentityUnavailableException::new);
    }

    @Bean
    UserBlocks identityUserBlocks(ServiceClients clients, Environment environment) {
        return clients.create(UserBlocks.class, "identity", identity(environment), IdentityUnavailableException::new);
    }

    @Bean
    UserMail identityUserMail(ServiceClients clients, Environment environment) {
        return clients.create(UserMail.class, "identity", identity(environment), IdentityUnavailableException::new);
    }

    @Bean
    ForwardAuthSignIns identityForwardAuthSignIns(ServiceClients clients, Environment environment) {
        return clients.create(ForwardAuthSignIns.class, "identity", identity(environment), IdentityUnavailableException::new);
    }
}

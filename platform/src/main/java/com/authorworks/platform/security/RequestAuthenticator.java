package com.authorworks.platform.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;

/**
 * Another way to establish who is calling besides bearer tokens (for example the homelab's
 * forward-auth headers). Contributed by the service that owns users; applied to the one chain.
 */
public interface RequestAuthenticator {

    void configure(HttpSecurity http) throws Exception;
}

package com.authorworks.identity.internal.forwardauth;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.stereotype.Component;

import com.authorworks.identity.internal.IdentitySettings;
import com.authorworks.identity.internal.accounts.Accounts;
import com.authorworks.platform.security.RequestAuthenticator;
import com.authorworks.platform.web.TrustedProxies;

/** Adds the forward-auth filter to the platform's one security chain when AUTHORWORKS_FORWARD_AUTH=true. */
@Component
class ForwardAuthAuthenticator implements RequestAuthenticator {

    private final Accounts accounts;
    private final TrustedProxies proxies;
    private final IdentitySettings settings;

    ForwardAuthAuthenticator(Accounts accounts, TrustedProxies proxies, IdentitySettings settings) {
        this.accounts = accounts;
        this.proxies = proxies;
        this.settings = settings;
    }

    @Override
    public void configure(HttpSecurity http) {
        if (settings.forwardAuth()) {
            // Not a bean: a Filter bean would also be registered with the servlet container, outside security.
            http.addFilterBefore(new ForwardAuthFilter(accounts, proxies, settings), BearerTokenAuthenticationFilter.class);
        }
    }
}

package com.authorworks.identity.internal.forwardauth;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;

import com.authorworks.identity.ForwardAuthSignIns;
import com.authorworks.platform.security.RequestAuthenticator;
import com.authorworks.platform.web.TrustedProxies;

/** Adds the forward-auth filter to the platform's one security chain when AUTHORWORKS_FORWARD_AUTH=true. */
final class ForwardAuthAuthenticator implements RequestAuthenticator {

    private final ForwardAuthSignIns signIns;
    private final TrustedProxies proxies;

    ForwardAuthAuthenticator(ForwardAuthSignIns signIns, TrustedProxies proxies) {
        this.signIns = signIns;
        this.proxies = proxies;
    }

    @Override
    public void configure(HttpSecurity http) {
        // Not a bean: a Filter bean would also be registered with the servlet container, outside security.
        http.addFilterBefore(new ForwardAuthFilter(signIns, proxies), BearerTokenAuthenticationFilter.class);
    }
}

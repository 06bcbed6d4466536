package com.authorworks.identity.internal.forwardauth;

import java.time.Duration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

import com.authorworks.identity.ForwardAuthHeaders;
import com.authorworks.identity.ForwardAuthSignIns;
import com.authorworks.identity.ForwardAuthUser;
import com.authorworks.identity.IdentityAutoConfiguration;
import com.authorworks.identity.internal.IdentityClientConfiguration;
import com.authorworks.identity.internal.IdentitySettings;
import com.authorworks.platform.security.RequestAuthenticator;
import com.authorworks.platform.services.EnabledServices;
import com.authorworks.platform.web.TrustedProxies;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Forward-auth in every process, with identity or without: when {@code AUTHORWORKS_FORWARD_AUTH=true}
 * the platform's chain signs requests in through {@link ForwardAuthSignIns}, identity's bean here or
 * its HTTP client elsewhere. Elsewhere each proxy-vouched user is remembered for
 * {@code authorworks.security.forward-auth-freshness} (30 s), so a request does not cost a call to
 * identity; changed groups are a different key and ask again at once.
 */
@AutoConfiguration(after = {IdentityAutoConfiguration.class, IdentityClientConfiguration.class})
public class ForwardAuthConfiguration {

    @Bean
    RequestAuthenticator forwardAuthAuthenticator(Environment environment, ObjectProvider<ForwardAuthSignIns> signIns,
            TrustedProxies proxies) {
        if (!IdentitySettings.from(environment).forwardAuth()) {
            return http -> {
            };
        }
        ForwardAuthSignIns available = signIns.getIfAvailable();
        if (available == null) {
            throw new IllegalStateException("AUTHORWORKS_FORWARD_AUTH=true: run identity in this process or set "
                    + "AUTHORWORKS_JWKS_URI, whose host is asked who the proxy's users are");
        }
        if (!EnabledServices.from(environment).includes("identity")) {
            available = new Remembered(available, environment.getProperty("authorworks.security.forward-auth-freshness",
                    Duration.class, Duration.ofSeconds(30)));
        }
        return new ForwardAuthAuthenticator(available, proxies);
    }

    /** Identity's answers, remembered a while; refusals and outages are not. */
    private static final class Remembered implements ForwardAuthSignIns {
        private final ForwardAuthSignIns identity;
        private final Cache<ForwardAuthHeaders, ForwardAuthUser> known;

        Remembered(ForwardAuthSignIns identity, Duration freshness) {
            this.identity = identity;
            this.known = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(freshness).build();
        }

        @Override
        public ForwardAuthUser signIn(ForwardAuthHeaders headers) {
            return known.get(headers, identity::signIn);
        }
    }
}

package com.authorworks.content;

import java.util.Optional;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;

import com.authorworks.platform.UserId;
import com.authorworks.platform.contracts.Contracts;

/**
 * The provider keys (bring your own key) content keeps, for other services that call providers for a user
 * (media's voices): the user's own key for a provider of the engine's catalogue, else the platform's.
 */
@HttpExchange("/api/v1/internal/content/provider-keys")
public interface ProviderKeys {

    @GetExchange("/{provider}")
    Optional<ProviderKey> keyFor(@RequestHeader(Contracts.ON_BEHALF_OF) UserId user, @PathVariable("provider") String provider);

    /** A key; {@code own} when the user stored it (else it is the platform's). Its text is never printed. */
    record ProviderKey(String provider, String secret, boolean own) {

        @Override
        public String toString() {
            return "ProviderKey[" + provider + ", …" + (secret.length() > 4 ? secret.substring(secret.length() - 4) : "") + "]";
        }
    }
}

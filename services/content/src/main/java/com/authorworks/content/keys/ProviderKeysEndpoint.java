package com.authorworks.content.keys;

import java.util.Optional;

import org.springframework.web.bind.annotation.RestController;

import com.authorworks.content.ProviderKeys;
import com.authorworks.platform.UserId;
import com.authorworks.platform.contracts.Callers;

/**
 * The {@link ProviderKeys} contract for other processes: only for the user the call's credentials name (their
 * own token, or a service token naming them, ADR 0006), so no process can read another user's key.
 */
@RestController
class ProviderKeysEndpoint implements ProviderKeys {

    private final ProviderKeysService keys;

    ProviderKeysEndpoint(ProviderKeysService keys) {
        this.keys = keys;
    }

    @Override
    public Optional<ProviderKey> keyFor(UserId user, String provider) {
        Callers.actingFor(user);
        return keys.keyFor(user, provider);
    }
}

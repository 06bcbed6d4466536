package com.authorworks.content.keys;

import java.util.Optional;

import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

import com.authorworks.content.ProviderKeys;
import com.authorworks.content.internal.ProviderKeyVault;
import com.authorworks.platform.UserId;

/** Content's side of {@link ProviderKeys}: the vault's key for the user (theirs, else the platform's). */
@Component
@Primary // the bean to use in this process; ProviderKeysEndpoint serves the same contract to other processes
class ProviderKeysService implements ProviderKeys {

    private final ProviderKeyVault vault;

    ProviderKeysService(ProviderKeyVault vault) {
        this.vault = vault;
    }

    @Override
    public Optional<ProviderKey> keyFor(UserId user, String provider) {
        boolean own = vault.find(user, provider).isPresent();
        return vault.keyFor(user, provider).map(key -> new ProviderKey(provider, key.secret(), own));
    }
}

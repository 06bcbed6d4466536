package com.authorworks.content.keys;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.authorworks.content.internal.ProviderKeyVault;
import com.authorworks.engine.llm.ApiKey;
import com.authorworks.engine.llm.ProviderCatalogue;
import com.authorworks.platform.CurrentUser;
import com.authorworks.platform.Problem;

/** A user's own provider keys: stored encrypted, shown only by their last four characters. */
@RestController
@RequestMapping("/api/v1/provider-keys")
class ProviderKeysController {

    private final ProviderKeyVault vault;
    private final ProviderCheck check;

    ProviderKeysController(ProviderKeyVault vault, ProviderCheck check) {
        this.vault = vault;
        this.check = check;
    }

    /** The secret is write-only: it is never part of any response. */
    record NewKey(@NotBlank @Size(min = 8, max = 500) String key) {

        @Override
        public String toString() {
            return "NewKey[…]";
        }
    }

    record KeyView(String provider, String lastFour, java.time.Instant createdAt) {

        static KeyView of(ProviderKeyVault.StoredKey key) {
            return new KeyView(key.provider(), key.lastFour(), key.createdAt());
        }
    }

    @GetMapping
    List<KeyView> list() {
        return vault.list(CurrentUser.require().id()).stream().map(KeyView::of).toList();
    }

    @PutMapping("/{provider}")
    KeyView put(@PathVariable String provider, @Valid @RequestBody NewKey body) {
        return KeyView.of(vault.store(CurrentUser.require().id(), ProviderKeyVault.provider(provider), new ApiKey(body.key().strip())));
    }

    @GetMapping("/{provider}")
    KeyView get(@PathVariable String provider) {
        String name = ProviderKeyVault.provider(provider);
        return vault.find(CurrentUser.require().id(), name).map(KeyView::of)
                .orElseThrow(() -> Problem.notFound("provider-key-not-found", "You have no " + name + " key stored."));
    }

    @DeleteMapping("/{provider}")
    ResponseEntity<Void> delete(@PathVariable String provider) {
        String name = ProviderKeyVault.provider(provider);
        if (!vault.delete(CurrentUser.require().id(), name)) {
            throw Problem.notFound("provider-key-not-found", "You have no " + name + " key stored.");
        }
        return ResponseEntity.noContent().build();
    }

    /** One tiny real call with the stored key (a few tokens), to tell the user whether it works. */
    @PostMapping("/{provider}/test")
    ProviderCheck.TestResult test(@PathVariable String provider) {
        String name = ProviderKeyVault.provider(provider);
        CurrentUser user = CurrentUser.require();
        vault.find(user.id(), name).orElseThrow(() -> Problem.notFound("provider-key-not-found", "You have no " + name + " key stored."));
        if (ProviderCatalogue.find(name).isEmpty()) {
            return new ProviderCheck.TestResult(name, false, null, java.util.List.of(), "This is a voice provider's key: it is tried when you "
                    + "listen to a voice sample (media, POST /api/v1/audio/projects/{id}/voices/{voice}/sample).");
        }
        return check.test(user.id(), name, null);
    }
}

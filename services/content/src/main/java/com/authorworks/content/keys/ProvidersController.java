package com.authorworks.content.keys;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import com.authorworks.content.internal.ProviderKeyVault;
import com.authorworks.content.internal.ProviderModels;
import com.authorworks.engine.llm.ProviderCatalogue;
import com.authorworks.platform.CurrentUser;

/** The engine's provider catalogue, read-only, as this server offers it: what the web app lists. */
@RestController
class ProvidersController {

    private final ProviderModels models;
    private final ProviderKeyVault vault;

    ProvidersController(ProviderModels models, ProviderKeyVault vault) {
        this.models = models;
        this.vault = vault;
    }

    /**
     * One provider.
     *
     * @param needsKey   calls need a key, and a user may store their own ({@code /api/v1/provider-keys/{name}})
     * @param needsModel the author must name the model: there is no default
     * @param free       calls cost nothing per token
     * @param configured this server knows where the provider is (a local one only when its address is configured)
     * @param serverKey  the server has a default key of its own for it, used when the user has stored none
     */
    record ProviderView(String name, String label, boolean needsKey, boolean needsModel, String defaultModel, String summaryModel,
                        boolean free, boolean configured, boolean serverKey) {
    }

    /** Every provider, the offline sample writer first. */
    @GetMapping("/api/v1/providers")
    List<ProviderView> list() {
        CurrentUser.require();
        return ProviderCatalogue.all().stream()
                .map(p -> new ProviderView(p.name(), p.label(), p.needsKey(), p.needsModel(), p.defaultModel(), p.summaryModel(), p.free(),
                        models.configured(p), vault.platformKey(p.name()).isPresent()))
                .toList();
    }
}

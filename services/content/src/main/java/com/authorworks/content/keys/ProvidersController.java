package com.authorworks.content.keys;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import com.authorworks.content.internal.ProviderEndpoints;
import com.authorworks.content.internal.ProviderKeyVault;
import com.authorworks.content.internal.ProviderModels;
import com.authorworks.engine.llm.ProviderCatalogue;
import com.authorworks.platform.CurrentUser;

/** The engine's provider catalogue, read-only, as this server offers it: what the web app lists. */
@RestController
class ProvidersController {

    private final ProviderModels models;
    private final ProviderKeyVault vault;
    private final ProviderEndpoints endpoints;

    ProvidersController(ProviderModels models, ProviderKeyVault vault, ProviderEndpoints endpoints) {
        this.models = models;
        this.vault = vault;
        this.endpoints = endpoints;
    }

    /**
     * One provider.
     *
     * @param needsKey     calls need a key, and a user may store their own ({@code /api/v1/provider-keys/{name}})
     * @param takesKey     a user may store a key for it (needed, or optional as for a router or a proxied server)
     * @param needsAddress it is a server at an address a user may give ({@code /api/v1/provider-endpoints/{name}})
     * @param needsModel   the author must name the model: there is no default
     * @param free         calls cost nothing per token
     * @param configured   it can be reached for this user (a local one only when its address is given or configured)
     * @param serverKey    the server has a default key of its own for it, used when the user has stored none
     * @param address      the address this user gave for it, if any
     */
    record ProviderView(String name, String label, boolean needsKey, boolean takesKey, boolean needsAddress, boolean needsModel,
                        String defaultModel, String summaryModel, boolean free, boolean configured, boolean serverKey, String address) {
    }

    /** Every provider, the offline sample writer first. */
    @GetMapping("/api/v1/providers")
    List<ProviderView> list() {
        CurrentUser user = CurrentUser.require();
        java.util.Map<String, String> addresses = new java.util.HashMap<>();
        endpoints.list(user.id()).forEach(e -> addresses.put(e.provider(), e.baseUrl().toString()));
        return ProviderCatalogue.all().stream()
                .map(p -> new ProviderView(p.name(), p.label(), p.needsKey(), p.takesKey(), p.needsAddress(), p.needsModel(), p.defaultModel(),
                        p.summaryModel(), p.free(), models.configured(p, user.id()), vault.platformKey(p.name()).isPresent(),
                        addresses.get(p.name())))
                .toList();
    }
}

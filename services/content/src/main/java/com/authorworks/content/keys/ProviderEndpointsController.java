package com.authorworks.content.keys;

import java.net.URI;
import java.time.Instant;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.authorworks.content.internal.ProviderAddresses;
import com.authorworks.content.internal.ProviderEndpoints;
import com.authorworks.content.internal.ProviderKeyVault;
import com.authorworks.content.internal.ProviderModels;
import com.authorworks.engine.llm.LanguageModelException;
import com.authorworks.platform.CurrentUser;
import com.authorworks.platform.Problem;

/**
 * A user's own model servers: Ollama, or an OpenAI-compatible one (llama.cpp, vLLM, LM Studio,
 * OpenRouter). Their books are written through the address given here instead of the server's.
 */
@RestController
@RequestMapping("/api/v1/provider-endpoints")
class ProviderEndpointsController {

    private final ProviderEndpoints endpoints;
    private final ProviderAddresses addresses;
    private final ProviderModels models;
    private final ProviderKeyVault keys;
    private final ProviderCheck check;

    ProviderEndpointsController(ProviderEndpoints endpoints, ProviderAddresses addresses, ProviderModels models, ProviderKeyVault keys,
                                ProviderCheck check) {
        this.endpoints = endpoints;
        this.addresses = addresses;
        this.models = models;
        this.keys = keys;
        this.check = check;
    }

    /** @param baseUrl the API's base URL as the server documents it, e.g. {@code http://localhost:8080/v1} or {@code http://localhost:11434} */
    record NewEndpoint(@NotBlank @Size(max = 500) String baseUrl) {
    }

    record EndpointView(String provider, URI baseUrl, Instant updatedAt) {

        static EndpointView of(ProviderEndpoints.Endpoint endpoint) {
            return new EndpointView(endpoint.provider(), endpoint.baseUrl(), endpoint.updatedAt());
        }
    }

    /** @param models the names the server lists, sorted */
    record ModelList(String provider, List<String> models) {
    }

    @GetMapping
    List<EndpointView> list() {
        return endpoints.list(CurrentUser.require().id()).stream().map(EndpointView::of).toList();
    }

    @PutMapping("/{provider}")
    EndpointView put(@PathVariable String provider, @Valid @RequestBody NewEndpoint body) {
        String name = ProviderEndpoints.provider(provider);
        CurrentUser user = CurrentUser.require();
        return EndpointView.of(endpoints.store(user.id(), name, addresses.parse(body.baseUrl())));
    }

    @GetMapping("/{provider}")
    EndpointView get(@PathVariable String provider) {
        String name = ProviderEndpoints.provider(provider);
        return EndpointView.of(endpoints.find(CurrentUser.require().id(), name).orElseThrow(() -> missing(name)));
    }

    @DeleteMapping("/{provider}")
    ResponseEntity<Void> delete(@PathVariable String provider) {
        String name = ProviderEndpoints.provider(provider);
        if (!endpoints.delete(CurrentUser.require().id(), name)) {
            throw missing(name);
        }
        return ResponseEntity.noContent().build();
    }

    /** What the server lists (Ollama's pulled models, an OpenAI-compatible server's {@code /models}); 502 when it cannot be asked. */
    @GetMapping("/{provider}/models")
    ModelList listModels(@PathVariable String provider) {
        String name = ProviderEndpoints.provider(provider);
        CurrentUser user = CurrentUser.require();
        try {
            return new ModelList(name, models.models(name, user.id(), keys.keyFor(user.id(), name).orElse(null)).orElse(List.of()));
        } catch (LanguageModelException e) {
            throw new Problem(org.springframework.http.HttpStatus.BAD_GATEWAY, "provider-unreachable",
                    "The " + name + " server could not be asked for its models: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw Problem.badRequest("provider-address-missing", e.getMessage());
        }
    }

    /** One tiny real call through the user's server, with their key if they stored one: {@code model}, else the first listed. */
    @PostMapping("/{provider}/test")
    ProviderCheck.TestResult test(@PathVariable String provider, @RequestParam(required = false) String model) {
        String name = ProviderEndpoints.provider(provider);
        if (model != null && model.length() > 200) {
            throw Problem.badRequest("invalid-model", "A model name is at most 200 characters.");
        }
        return check.test(CurrentUser.require().id(), name, model);
    }

    private static Problem missing(String provider) {
        return Problem.notFound("provider-endpoint-not-found", "You have given no address for " + provider + ".");
    }
}

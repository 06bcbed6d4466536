package com.authorworks.content.keys;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import com.authorworks.content.internal.ProviderKeyVault;
import com.authorworks.content.internal.ProviderModels;
import com.authorworks.engine.llm.ApiKey;
import com.authorworks.engine.llm.Completion;
import com.authorworks.engine.llm.CompletionRequest;
import com.authorworks.engine.llm.LanguageModelException;
import com.authorworks.engine.llm.Message;
import com.authorworks.engine.llm.OutputFormat;
import com.authorworks.engine.llm.ProviderCatalogue;
import com.authorworks.platform.UserId;

/**
 * Whether a provider works for a user, as they set it up (their key, their server's address): one
 * tiny real call of a few tokens, to the provider's cheapest model, else the model asked for, else
 * the first one the server lists.
 */
@Component
class ProviderCheck {

    private final ProviderKeyVault keys;
    private final ProviderModels models;

    ProviderCheck(ProviderKeyVault keys, ProviderModels models) {
        this.keys = keys;
        this.models = models;
    }

    /**
     * @param ok      the call was answered
     * @param model   the model that answered (as the provider names it)
     * @param models  what the server lists, for a provider with a listing (empty when it has none or it failed)
     * @param message what happened, for a person
     */
    record TestResult(String provider, boolean ok, String model, List<String> models, String message) {
    }

    TestResult test(UserId user, String provider, String asked) {
        ApiKey key = keys.keyFor(user, provider).orElse(null);
        ProviderCatalogue.Provider known = ProviderCatalogue.require(provider);
        List<String> listed = List.of();
        String model = asked != null && !asked.isBlank() ? asked.strip() : known.testModel();
        try {
            if (known.needsAddress()) {
                listed = models.models(provider, user, key).orElse(List.of());
            }
            if (model == null) {
                if (listed.isEmpty()) {
                    return new TestResult(provider, false, null, listed, "The server answered but lists no models"
                            + (provider.equals("ollama") ? ": pull one first (ollama pull llama3.2)." : ": name the model to use."));
                }
                model = listed.getFirst();
            }
            Completion answer = models.keyTest(provider, user).complete(new CompletionRequest(model, null,
                    List.of(Message.user("Reply with the word OK.")), 0.0, 5, new OutputFormat.Text(), false, key, null));
            return new TestResult(provider, true, answer.model(), listed, known.needsAddress()
                    ? "The server answered with " + Optional.ofNullable(answer.model()).orElse(model) + "." : "The key works.");
        } catch (LanguageModelException.InvalidKey e) {
            return new TestResult(provider, false, null, listed, "The key was refused: " + e.getMessage());
        } catch (LanguageModelException e) {
            return new TestResult(provider, false, null, listed, (known.needsAddress() ? "The server could not be used: "
                    : "The provider could not be reached with this key: ") + e.getMessage());
        } catch (IllegalArgumentException e) {
            // the adapter cannot be built: an OpenAI-compatible server with no address given
            return new TestResult(provider, false, null, listed, "Give your server's address first. " + e.getMessage());
        }
    }
}

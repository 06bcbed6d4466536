package com.authorworks.app.cli;

import com.authorworks.engine.BookSpec;
import com.authorworks.engine.ChapterWindow;
import com.authorworks.engine.EngineOptions;
import com.authorworks.engine.llm.ApiKey;
import com.authorworks.engine.llm.LanguageModel;
import com.authorworks.engine.llm.ModelStack;
import com.authorworks.engine.llm.ProviderCatalogue;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** How to run a book, as opposed to what it is: the options {@code generate} and {@code resume} share. */
final class RunOptions {

    @Option(names = "--concurrency", defaultValue = "4", description = "Most model calls in flight at once (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--base-url", description = "Provider API address (Ollama, OpenAI-compatible servers, proxies); "
            + "else OLLAMA_BASE_URL or OPENAI_COMPATIBLE_BASE_URL.")
    URI baseUrl;

    @Option(names = "--fallback", paramLabel = "PROVIDER[:MODEL]",
            description = "A provider (and model) to ask when the book's provider stays rate limited or down after its retries, "
                    + "or its window is too small; repeatable, tried in order. Its key comes from its environment variable.")
    List<String> fallbacks = new ArrayList<>();

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /** The environment keys and addresses are read from; tests give their own. */
    Map<String, String> environment = System.getenv();

    EngineOptions engineOptions(BookSpec spec) {
        return EngineOptions.defaults().withConcurrency(concurrency).withKey(key(spec.provider()).orElse(null));
    }

    /** The book's model as every entry point builds it: timeouts, retries, fallbacks. */
    LanguageModel model(BookSpec spec) {
        URI primaryUrl = ProviderCatalogue.find(spec.provider()).map(p -> p.baseUrl(baseUrl, environment::get)).orElse(baseUrl);
        return ModelStack.create(spec.provider(), primaryUrl, ModelStack.Limits.GENERATION, fallbacks.stream().map(this::fallback).toList());
    }

    /**
     * Says so when some of the streams asked for ({@code --concurrency} given) cannot be used while drafting this book.
     *
     * @param widening what the author can do about a window narrower than the streams
     */
    void noteIdleStreams(BookSpec spec, String widening, PrintWriter err) {
        if (!command.commandLine().getParseResult().hasMatchedOption("--concurrency")) {
            return;
        }
        ChapterWindow.idleStreams(spec.chapterWindow(), spec.chapters(), concurrency).ifPresent(reason -> {
            err.println("Note: --concurrency " + concurrency + ": " + reason + (spec.chapterWindow() < spec.chapters() ? "; " + widening : "") + ".");
            err.flush();
        });
    }

    private ModelStack.Fallback fallback(String text) {
        int colon = text.indexOf(':');
        String name = (colon < 0 ? text : text.substring(0, colon)).strip().toLowerCase(Locale.ROOT);
        String asked = colon < 0 ? null : text.substring(colon + 1);
        ProviderCatalogue.Provider provider = ProviderCatalogue.require(name);
        String model = provider.model(asked).orElseThrow(() -> new IllegalArgumentException(
                "--fallback " + name + " needs a model: --fallback " + name + ":MODEL"));
        return new ModelStack.Fallback(name, provider.baseUrl(null, environment::get), model, key(name).orElse(null));
    }

    /** The provider's key from its environment variable; none for providers that take none. */
    private Optional<ApiKey> key(String name) {
        Optional<ProviderCatalogue.Provider> provider = ProviderCatalogue.find(name);
        if (provider.isEmpty()) {
            return Optional.empty();
        }
        Optional<ApiKey> key = provider.get().key(environment::get);
        if (key.isEmpty() && provider.get().needsKey()) {
            throw new IllegalArgumentException("Set " + provider.get().keyVariable() + " to use " + name
                    + " (the key is read from the environment only).");
        }
        return key;
    }
}

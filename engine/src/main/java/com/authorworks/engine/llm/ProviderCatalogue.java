package com.authorworks.engine.llm;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The providers a book can be written with, and what every entry point (CLI, server, web app, key
 * tests) needs to offer them: the one list. Prices are not here but in the engine's price table,
 * which takes its free providers from this list; a test holds every model named here to having a price.
 */
public final class ProviderCatalogue {

    /**
     * One provider.
     *
     * @param name            as {@link ProviderSettings#provider()} and the adapters name it
     * @param label           how a person is shown it
     * @param keyVariable     the environment variable holding its key (the CLI's key, the server's default
     *                        key); null for a provider that takes none
     * @param needsKey        whether a call fails without a key (a user may store their own for these)
     * @param defaultModel    the model that plans and drafts when the author names none; null where the
     *                        author must name one (an OpenAI-compatible server has no models we know)
     * @param summaryModel    the cheaper model for summaries and fact extraction when the author names no model
     * @param testModel       the cheapest model, for testing a key with a few tokens; null for providers without keys
     * @param free            whether calls cost nothing per token (local or offline models)
     * @param baseUrlVariable the environment variable naming where its API is, when it has one
     */
    public record Provider(String name, String label, String keyVariable, boolean needsKey, String defaultModel, String summaryModel,
                           String testModel, boolean free, String baseUrlVariable) {

        public Provider {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(label, "label");
            if (needsKey && (keyVariable == null || testModel == null)) {
                throw new IllegalArgumentException(name + " needs a key: name its variable and its cheapest model");
            }
            if ((defaultModel == null) != (summaryModel == null)) {
                throw new IllegalArgumentException(name + ": a default model and a summary model, or neither");
            }
        }

        /**
         * Whether a user may store a key for it: one it needs, or one it takes when given (an
         * OpenAI-compatible router such as OpenRouter, Ollama behind a proxy or on ollama.com).
         */
        public boolean takesKey() {
            return needsKey || keyVariable != null || baseUrlVariable != null;
        }

        /** Whether it is a server of the user's own (or the operator's) at an address: Ollama, an OpenAI-compatible server. */
        public boolean needsAddress() {
            return baseUrlVariable != null;
        }

        /** Whether the author must name the model (there is no default). */
        public boolean needsModel() {
            return defaultModel == null;
        }

        /** The model that plans and drafts: the author's, else the default; empty when there is neither. */
        public Optional<String> model(String asked) {
            return blank(asked) ? Optional.ofNullable(defaultModel) : Optional.of(asked.strip());
        }

        /**
         * The summary model: the author's, else the provider's cheaper one when the author named no model
         * either, else the author's model (their choice of model is not swapped for one they did not pick).
         */
        public Optional<String> summaryModel(String askedModel, String askedSummaryModel) {
            if (!blank(askedSummaryModel)) {
                return Optional.of(askedSummaryModel.strip());
            }
            return blank(askedModel) ? Optional.ofNullable(summaryModel) : Optional.of(askedModel.strip());
        }

        /** The key from the environment ({@code lookup} reads a variable), if its variable is set. */
        public Optional<ApiKey> key(Function<String, String> lookup) {
            if (keyVariable == null) {
                return Optional.empty();
            }
            String value = lookup.apply(keyVariable);
            return blank(value) ? Optional.empty() : Optional.of(new ApiKey(value.strip()));
        }

        /** Where its API is: {@code given} if set, else the address in its environment variable, else null (its default). */
        public URI baseUrl(URI given, Function<String, String> lookup) {
            if (given != null || baseUrlVariable == null) {
                return given;
            }
            String value = lookup.apply(baseUrlVariable);
            if (blank(value)) {
                return null;
            }
            try {
                return new URI(value.strip());
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException(baseUrlVariable + " is not a URL: " + value.strip());
            }
        }

        private static boolean blank(String text) {
            return text == null || text.isBlank();
        }
    }

    public static final String SAMPLE = "sample";

    private static final List<Provider> PROVIDERS = List.of(
            new Provider(SAMPLE, "Sample writer (offline, no AI)", null, false, "sample-writer", "sample-writer", null, true, null),
            new Provider("anthropic", "Anthropic Claude", "ANTHROPIC_API_KEY", true, "claude-sonnet-4-5", "claude-haiku-4-5",
                    "claude-haiku-4-5", false, null),
            new Provider("openai", "OpenAI", "OPENAI_API_KEY", true, "gpt-5", "gpt-5-mini", "gpt-5-nano", false, null),
            new Provider("gemini", "Google Gemini", "GEMINI_API_KEY", true, "gemini-2.5-pro", "gemini-2.5-flash",
                    "gemini-2.5-flash-lite", false, null),
            new Provider("ollama", "Ollama (local models)", null, false, "llama3.1", "llama3.1", null, true, "OLLAMA_BASE_URL"),
            new Provider("openai-compatible", "OpenAI-compatible server", "OPENAI_COMPATIBLE_API_KEY", false, null, null, null, false,
                    "OPENAI_COMPATIBLE_BASE_URL"));

    /**
     * A text-to-speech provider (media's audiobooks). Its key is stored and read like a language model's: the
     * user's own, else the platform's from {@code keyVariable}; OpenAI shares one key for both.
     *
     * @param name                   as media's speech adapters name it
     * @param label                  how a person is shown it
     * @param keyVariable            the environment variable holding the platform's key; null for none
     * @param needsKey               whether a call fails without a key
     * @param defaultModel           the model asked for when none is chosen
     * @param maxCharacters          the most text one call may carry (the provider's documented limit, or less)
     * @param usdPerMillionCharacters list price, for cost estimates; 0 for the offline voice
     * @param baseUrlVariable        the environment variable naming where its API is, when set
     */
    public record SpeechProvider(String name, String label, String keyVariable, boolean needsKey, String defaultModel,
                                 int maxCharacters, double usdPerMillionCharacters, String baseUrlVariable) {

        public SpeechProvider {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(label, "label");
            if (needsKey && keyVariable == null) {
                throw new IllegalArgumentException(name + " needs a key: name its variable");
            }
            if (maxCharacters <= 0) {
                throw new IllegalArgumentException(name + ": maxCharacters must be positive");
            }
        }

        public boolean free() {
            return usdPerMillionCharacters == 0;
        }

        public Optional<ApiKey> key(Function<String, String> lookup) {
            if (keyVariable == null) {
                return Optional.empty();
            }
            String value = lookup.apply(keyVariable);
            return value == null || value.isBlank() ? Optional.empty() : Optional.of(new ApiKey(value.strip()));
        }
    }

    /** The offline voice: espeak-ng on this machine, always there, and always labelled as such. */
    public static final String OFFLINE_VOICE = "espeak-ng";

    private static final List<SpeechProvider> SPEECH = List.of(
            new SpeechProvider(OFFLINE_VOICE, "Offline voice (espeak-ng, synthetic; no AI)", null, false, "espeak-ng", 2_000, 0, null),
            // POST /v1/audio/speech takes at most 4,096 characters of input; tts-1 lists at $15 per million characters
            new SpeechProvider("openai", "OpenAI TTS", "OPENAI_API_KEY", true, "tts-1", 4_096, 15.0, "OPENAI_TTS_BASE_URL"),
            // eleven_multilingual_v2 takes 10,000 characters per request; we send at most half. About $0.30 per 1,000 (Creator)
            new SpeechProvider("elevenlabs", "ElevenLabs", "ELEVENLABS_API_KEY", true, "eleven_multilingual_v2", 5_000, 300.0,
                    "ELEVENLABS_BASE_URL"));

    private ProviderCatalogue() {
    }

    /** Every text-to-speech provider, the offline voice first. */
    public static List<SpeechProvider> speech() {
        return SPEECH;
    }

    public static Optional<SpeechProvider> findSpeech(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        return SPEECH.stream().filter(p -> p.name().equals(wanted)).findFirst();
    }

    /** The providers, of text or of speech, a user may store a key for. */
    public static List<String> keyedProviders() {
        Set<String> names = new java.util.TreeSet<>();
        PROVIDERS.stream().filter(Provider::takesKey).forEach(p -> names.add(p.name()));
        SPEECH.stream().filter(SpeechProvider::needsKey).forEach(p -> names.add(p.name()));
        return List.copyOf(names);
    }

    /** The platform's key for a provider of text or of speech, from its environment variable. */
    public static Optional<ApiKey> platformKey(String name, Function<String, String> lookup) {
        Optional<ApiKey> text = find(name).flatMap(p -> p.key(lookup));
        return text.isPresent() ? text : findSpeech(name).flatMap(p -> p.key(lookup));
    }

    /** Every provider, the offline sample writer first. */
    public static List<Provider> all() {
        return PROVIDERS;
    }

    /** The provider of that name (case and surrounding space ignored). */
    public static Optional<Provider> find(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        return PROVIDERS.stream().filter(p -> p.name().equals(wanted)).findFirst();
    }

    /** The provider of that name, or an {@link IllegalArgumentException} naming the known ones. */
    public static Provider require(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("Unknown provider '" + name + "'. Known providers: "
                + String.join(", ", names())));
    }

    public static List<String> names() {
        return PROVIDERS.stream().map(Provider::name).toList();
    }

    /** The providers whose calls cost nothing per token. */
    public static Set<String> freeProviders() {
        Set<String> free = new LinkedHashSet<>();
        PROVIDERS.stream().filter(Provider::free).forEach(p -> free.add(p.name()));
        return Set.copyOf(free);
    }
}

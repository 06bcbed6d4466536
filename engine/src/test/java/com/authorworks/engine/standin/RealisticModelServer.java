package com.authorworks.engine.standin;

import com.knuddels.jtokkit.api.IntArrayList;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A stand-in model provider over real HTTP that answers the way real models do, misbehaviour
 * included, for benchmarks and end-to-end tests. It speaks OpenAI Chat Completions
 * ({@code POST /v1/chat/completions}) and Anthropic Messages ({@code POST /v1/messages}), streamed
 * (server-sent events) or whole, and knows nothing of the engine: it reads what any client sends.
 * <ul>
 * <li>Text requests get prose in paragraphs, each establishing a new fact with a unique token about a
 *     character, place or object the request is about; about the words asked for ("about N words"),
 *     sometimes 10-30 % over, always cut at {@code max_tokens} with the provider's stop reason.</li>
 * <li>Structured requests ({@code response_format: json_schema}, or a forced tool) get a schema
 *     instance ({@link SchemaAnswers}); extraction and summary answers report every fact of the prompt
 *     they recognise, as long as {@code max_tokens} allows, then are cut there (so the JSON breaks).
 *     OpenAI's strict mode holds {@code maxItems}; Anthropic's tool input does not.</li>
 * <li>A prompt over the model's context window is refused with the provider's error (OpenAI 400
 *     {@code context_length_exceeded}, also when prompt plus {@code max_tokens} exceed it; Anthropic 400
 *     {@code invalid_request_error} "prompt is too long: N tokens &gt; M maximum").</li>
 * <li>Usage and prefix caching as documented: OpenAI caches prompts of 1,024+ tokens automatically and
 *     reports {@code cached_tokens} in 128-token steps of the longest prefix seen before; Anthropic
 *     caches the prefix up to a {@code cache_control} breakpoint (tools, system, messages), at least
 *     1,024 tokens (2,048 on Haiku 3/3.5, 4,096 on Haiku 4.5 and Opus 4.5), 5 minutes from last use,
 *     readable once the answer that wrote it has started. Both expire after 5 minutes unused.</li>
 * <li>Faults at set rates ({@link Faults}), output at a set rate per stream after a time to first token.</li>
 * <li>A log of every request ({@link #requests()}) and every planted fact ({@link #facts()}).</li>
 * </ul>
 * Build with {@link #builder()}; deterministic for a seed (each answer depends on the seed and the request).
 */
public final class RealisticModelServer implements AutoCloseable {

    public static final String OPENAI = "openai";
    public static final String ANTHROPIC = "anthropic";

    static final JsonMapper JSON = JsonMapper.builder().build();
    /** Anthropic's documented tool-use system prompt for Claude 4 models with tool_choice any/tool. */
    static final int TOOL_USE_SYSTEM_TOKENS = 313;
    static final int OPENAI_CACHE_MINIMUM = 1024;
    static final int OPENAI_CACHE_STEP = 128;
    private static final Duration CACHE_TTL = Duration.ofMinutes(5);
    /** How often a request for a script in Fountain is answered in prose the first time. */
    static final int PROSE_FOR_SCRIPT_PERCENT = 15;

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final World world;
    private final Prose prose;
    private final Faults faults;
    private final Random faultDraws;
    private final double tokensPerSecond;
    private final Duration firstToken;
    private final Duration retryAfter;
    private final Map<String, Integer> contextWindows;
    private final Map<String, Long> cache = new ConcurrentHashMap<>();
    private final AnthropicPromptCache anthropicCache = new AnthropicPromptCache();
    private final AtomicLong counter = new AtomicLong();
    private final List<ServedRequest> log = new CopyOnWriteArrayList<>();
    private volatile Consumer<ServedRequest> observer = served -> { };

    /** How to build one. */
    public static final class Builder {
        private long seed = 42;
        private int port;
        private double tokensPerSecond;
        private Duration firstToken = Duration.ZERO;
        private Duration retryAfter = Duration.ofSeconds(1);
        private Faults faults = Faults.none();
        private final Map<String, Integer> contextWindows = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        /** 0 (the default) takes a free port. */
        public Builder port(int value) {
            this.port = value;
            return this;
        }

        /** Output tokens per second per stream; 0 (the default) sends as fast as possible. */
        public Builder tokensPerSecond(double value) {
            this.tokensPerSecond = value;
            return this;
        }

        public Builder firstToken(Duration value) {
            this.firstToken = value;
            return this;
        }

        /** What a 429 asks the client to wait ({@code retry-after} in seconds, {@code retry-after-ms} for OpenAI). */
        public Builder retryAfter(Duration value) {
            this.retryAfter = value;
            return this;
        }

        public Builder faults(Faults value) {
            this.faults = value;
            return this;
        }

        /**
         * The context window of models whose name starts with {@code modelPrefix} (longest prefix wins).
         * Defaults: {@code gpt-} 128,000 (gpt-4o-mini), {@code claude-} 200,000, anything else 128,000.
         */
        public Builder contextWindow(String modelPrefix, int tokens) {
            contextWindows.put(modelPrefix, tokens);
            return this;
        }

        public RealisticModelServer start() {
            return new RealisticModelServer(this);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    private RealisticModelServer(Builder b) {
        this.world = new World(b.seed);
        this.prose = new Prose(world);
        this.faults = b.faults;
        this.faultDraws = new Random(b.seed ^ 0x5DEECE66DL);
        this.tokensPerSecond = b.tokensPerSecond;
        this.firstToken = b.firstToken;
        this.retryAfter = b.retryAfter;
        Map<String, Integer> windows = new LinkedHashMap<>(Map.of("gpt-", 128_000, "claude-", 200_000, "", 128_000));
        windows.putAll(b.contextWindows);
        this.contextWindows = windows;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), b.port), 128);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** {@code http://127.0.0.1:PORT}: the Anthropic base URL. */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** {@code http://127.0.0.1:PORT/v1}: the OpenAI(-compatible) base URL. */
    public URI openAiBaseUrl() {
        return URI.create(baseUrl() + "/v1");
    }

    /** Every request served so far, in the order they finished. */
    public List<ServedRequest> requests() {
        return List.copyOf(log);
    }

    /** Every fact planted so far, in planting order. */
    public List<PlantedFact> facts() {
        return world.facts();
    }

    /** The facts one answer planted. */
    public List<PlantedFact> factsOf(String responseId) {
        return world.facts().stream().filter(f -> f.responseId().equals(responseId)).toList();
    }

    /** Receives every request once it is served (on the serving thread). */
    public void observe(Consumer<ServedRequest> newObserver) {
        this.observer = newObserver;
    }

    /** The context window the server applies to a model. */
    public int contextWindow(String model) {
        String best = "";
        for (String prefix : contextWindows.keySet()) {
            if (model.startsWith(prefix) && prefix.length() >= best.length()) {
                best = prefix;
            }
        }
        return contextWindows.get(best);
    }

    /** Writes the log as JSON lines: {@code requests.jsonl} and {@code facts.jsonl} in {@code dir}. */
    public void writeLog(Path dir) throws IOException {
        Files.createDirectories(dir);
        try (var out = Files.newBufferedWriter(dir.resolve("requests.jsonl"))) {
            for (ServedRequest r : log) {
                out.write(JSON.writeValueAsString(r));
                out.newLine();
            }
        }
        try (var out = Files.newBufferedWriter(dir.resolve("facts.jsonl"))) {
            for (PlantedFact f : world.facts()) {
                out.write(JSON.writeValueAsString(f));
                out.newLine();
            }
        }
    }

    // ---- one request

    /** A request as read from either protocol. */
    private record Asked(String protocol, String id, Instant received, String model, String system, List<String[]> messages,
                         JsonNode schema, String schemaName, int maxTokens, boolean stream, boolean streamUsage, List<String> blocks,
                         List<Boolean> breakpoints, long overhead) {

        String text() {
            StringBuilder text = new StringBuilder(system == null ? "" : system);
            for (String[] m : messages) {
                if (!text.isEmpty()) {
                    text.append("\n\n");
                }
                text.append(m[1]);
            }
            return text.toString();
        }

        String firstUser() {
            return messages.stream().filter(m -> "user".equals(m[0])).map(m -> m[1]).findFirst().orElse("");
        }

        String lastUser() {
            for (int i = messages.size() - 1; i >= 0; i--) {
                if ("user".equals(messages.get(i)[0])) {
                    return messages.get(i)[1];
                }
            }
            return "";
        }
    }

    /** What was decided for one answer. */
    private record Answer(String text, int outputTokens, boolean cut, List<Prose.Candidate> candidates, List<PlantedFact> reported) {
    }

    private void handle(HttpExchange exchange) {
        Instant received = Instant.now();
        try (exchange) {
            try {
                handle(exchange, received);
            } catch (RuntimeException e) {
                // a defect of the stand-in itself: say so loudly rather than pass for a provider's fault
                System.err.println("RealisticModelServer failed on " + exchange.getRequestURI() + ": " + e);
                e.printStackTrace();
                try {
                    sendJson(exchange, 500, Map.of(), openAiError("stand-in defect: " + e, "server_error", null, null));
                } catch (IOException | RuntimeException ignored) {
                    // the answer had already started
                }
            }
        } catch (IOException e) {
            // the client went away, or a cut stream closed the connection on purpose: nothing more to send
        }
    }

    private void handle(HttpExchange exchange, Instant received) throws IOException {
        String path = exchange.getRequestURI().getPath();
        boolean openAi = path.endsWith("/chat/completions");
        boolean anthropic = path.endsWith("/v1/messages");
        if (!openAi && !anthropic) {
            sendJson(exchange, 404, Map.of(), openAiError("Unknown request URL: " + path, "invalid_request_error", null, null));
            return;
        }
        if (!"POST".equals(exchange.getRequestMethod())) {
            sendJson(exchange, 405, Map.of(), openAi ? openAiError("Use POST.", "invalid_request_error", null, null)
                    : anthropicError("invalid_request_error", "Use POST."));
            return;
        }
        if (anthropic) {
            String key = exchange.getRequestHeaders().getFirst("x-api-key");
            if (key == null || key.isBlank()) {
                sendJson(exchange, 401, Map.of(), anthropicError("authentication_error", "x-api-key header is required"));
                return;
            }
        }
        JsonNode body;
        try {
            body = JSON.readTree(exchange.getRequestBody().readAllBytes());
        } catch (RuntimeException e) {
            sendJson(exchange, 400, Map.of(), openAi ? openAiError("We could not parse the JSON body of your request.",
                    "invalid_request_error", null, null) : anthropicError("invalid_request_error", "The request body is not valid JSON"));
            return;
        }
        long n = counter.incrementAndGet();
        Asked asked = openAi ? readOpenAi(body, "chatcmpl-standin-" + n, received) : readAnthropic(body, "msg_standin_" + n, received);
        serve(exchange, asked);
    }

    private void serve(HttpExchange exchange, Asked asked) throws IOException {
        boolean openAi = OPENAI.equals(asked.protocol());
        Tokens tokens = Tokens.forModel(asked.model());
        String requestText = asked.text();

        // input tokens, and the prompt cache
        long input;
        long cached = 0;
        long cacheWrite = 0;
        long[] blockTokens = asked.blocks().stream().mapToLong(tokens::count).toArray();
        IntArrayList sequence = null;
        if (openAi) {
            sequence = new IntArrayList();
            for (String block : asked.blocks()) {
                IntArrayList ids = tokens.encode(block);
                for (int i = 0; i < ids.size(); i++) {
                    sequence.add(ids.get(i));
                }
            }
            // 3 tokens of framing per message and 3 to prime the reply, as OpenAI counts chat prompts
            input = sequence.size() + 3L * asked.messages().size() + 3 + asked.overhead();
        } else {
            input = asked.overhead() + java.util.Arrays.stream(blockTokens).sum();
        }

        int window = contextWindow(asked.model());
        if (openAi && input > window) {
            refuse(exchange, asked, input, 400, openAiError("This model's maximum context length is " + window + " tokens. However, your "
                    + "messages resulted in " + input + " tokens. Please reduce the length of the messages.", "invalid_request_error",
                    "messages", "context_length_exceeded"), Map.of(), null);
            return;
        }
        if (openAi && input + asked.maxTokens() > window) {
            refuse(exchange, asked, input, 400, openAiError("This model's maximum context length is " + window + " tokens. However, you "
                    + "requested " + (input + asked.maxTokens()) + " tokens (" + input + " in the messages, " + asked.maxTokens()
                    + " in the completion). Please reduce the length of the messages or completion.", "invalid_request_error", "messages",
                    "context_length_exceeded"), Map.of(), null);
            return;
        }
        if (!openAi && input > window) {
            refuse(exchange, asked, input, 400, anthropicError("invalid_request_error", "prompt is too long: " + input + " tokens > "
                    + window + " maximum"), Map.of(), null);
            return;
        }
        if (!openAi && input + asked.maxTokens() > window) {
            refuse(exchange, asked, input, 400, anthropicError("invalid_request_error", "input length and `max_tokens` exceed context "
                    + "limit: " + input + " + " + asked.maxTokens() + " > " + window + ", decrease input length or `max_tokens` and try "
                    + "again"), Map.of(), null);
            return;
        }

        Faults.Fault fault;
        synchronized (faultDraws) {
            fault = faults.pick(faultDraws.nextDouble());
        }
        if (fault == Faults.Fault.INVALID_JSON && asked.schema() == null) {
            fault = null;
        }
        if (fault != null && fault != Faults.Fault.CUT_STREAM && fault != Faults.Fault.INVALID_JSON) {
            failWith(exchange, asked, input, fault);
            return;
        }

        Answer answer = answer(asked, requestText, tokens, fault == Faults.Fault.INVALID_JSON);
        if (openAi) {
            cached = openAiCache(asked.model(), sequence);
        } else {
            long[] rw = anthropicCache.use(asked.model(), asked.blocks(), asked.breakpoints(), blockTokens, asked.overhead());
            cached = rw[0];
            cacheWrite = rw[1];
        }
        // the facts are planted once the answer is decided: those whose sentence survived the cut
        List<String> planted = new ArrayList<>();
        for (Prose.Candidate c : answer.candidates()) {
            if (answer.text().contains(c.sentence()) || asked.schema() != null && answer.text().contains(c.token())) {
                world.plant(asked.id(), c.subject(), c.kind(), c.attribute(), c.value(), c.token(), c.sentence());
                planted.add(c.token());
            }
        }
        List<String> reported = answer.reported().stream().map(PlantedFact::token).filter(answer.text()::contains).toList();
        String stopReason = stopReason(asked, answer.cut());
        boolean cutStream = fault == Faults.Fault.CUT_STREAM;

        sleep(firstToken);
        long sent = openAi ? sendOpenAi(exchange, asked, answer, input, cached, stopReason, cutStream)
                : sendAnthropic(exchange, asked, answer, input, cached, cacheWrite, stopReason, cutStream);
        record(new ServedRequest(asked.id(), asked.received(), Instant.now(), asked.protocol(), asked.model(), 200, input, cached, cacheWrite,
                sent, asked.maxTokens(), cutStream ? null : stopReason, fault, asked.schemaName(), requestText, answer.text(), planted,
                reported));
    }

    private Answer answer(Asked asked, String requestText, Tokens tokens, boolean breakJson) {
        Random rng = world.randomFor(digest(asked.model() + '\u0000' + requestText + '\u0000' + asked.schema() + '\u0000'
                + asked.maxTokens()));
        String text;
        List<Prose.Candidate> candidates;
        List<PlantedFact> reported = List.of();
        if (asked.schema() == null && Prose.asksToShorten(asked.lastUser())) {
            // asked to shorten or summarise what it is given, a model restates it and invents nothing
            text = prose.shortened(asked.lastUser(), world.factsIn(asked.lastUser()));
            candidates = List.of();
        } else if (asked.schema() == null && requestText.contains("Fountain")) {
            // asked for a script in Fountain: mostly Fountain, sometimes prose all the same (a model drifting into
            // narration); told so, it writes the scene again in Fountain
            boolean toldOff = asked.messages().stream().anyMatch(m -> "assistant".equals(m[0]));
            String task = asked.firstUser();
            Prose.Written written = toldOff || rng.nextInt(100) >= PROSE_FOR_SCRIPT_PERCENT ? prose.fountain(requestText, task, rng)
                    : prose.write(requestText, task, rng);
            text = written.text();
            candidates = written.facts();
        } else if (asked.schema() == null) {
            Prose.Written written = prose.write(requestText, asked.lastUser(), rng);
            text = written.text();
            candidates = written.facts();
        } else {
            SchemaAnswers answers = new SchemaAnswers(world, requestText, rng, OPENAI.equals(asked.protocol()));
            text = JSON.writeValueAsString(answers.answer(asked.schema()));
            candidates = answers.traits();
            reported = answers.recognised();
            if (breakJson) {
                // what a model that lost its place writes: the object left open and a stray word
                text = text.substring(0, Math.max(1, text.length() - 2 - rng.nextInt(Math.max(1, Math.min(40, text.length() / 3)))))
                        + " and";
            }
        }
        int outputTokens = tokens.count(text);
        boolean cut = false;
        if (outputTokens > asked.maxTokens()) {
            text = tokens.truncate(text, asked.maxTokens());
            outputTokens = Math.min(asked.maxTokens(), tokens.count(text));
            cut = true;
        }
        return new Answer(text, outputTokens, cut, candidates, reported);
    }

    private static String stopReason(Asked asked, boolean cut) {
        if (OPENAI.equals(asked.protocol())) {
            return cut ? "length" : "stop";
        }
        return cut ? "max_tokens" : asked.schema() != null ? "tool_use" : "end_turn";
    }

    private void refuse(HttpExchange exchange, Asked asked, long input, int status, ObjectNode body, Map<String, String> headers,
                        Faults.Fault fault) throws IOException {
        sendJson(exchange, status, headers, body);
        record(new ServedRequest(asked.id(), asked.received(), Instant.now(), asked.protocol(), asked.model(), status, input, 0, 0, 0,
                asked.maxTokens(), null, fault, asked.schemaName(), asked.text(), JSON.writeValueAsString(body), List.of(), List.of()));
    }

    private void failWith(HttpExchange exchange, Asked asked, long input, Faults.Fault fault) throws IOException {
        boolean openAi = OPENAI.equals(asked.protocol());
        String seconds = String.valueOf(Math.max(0, (retryAfter.toMillis() + 999) / 1000));
        switch (fault) {
            case RATE_LIMITED -> {
                Map<String, String> headers = openAi
                        ? Map.of("retry-after", seconds, "retry-after-ms", String.valueOf(retryAfter.toMillis()),
                        "x-ratelimit-limit-tokens", "200000", "x-ratelimit-remaining-tokens", "0",
                        "x-ratelimit-reset-tokens", retryAfter.toMillis() + "ms")
                        : Map.of("retry-after", seconds, "anthropic-ratelimit-input-tokens-remaining", "0");
                refuse(exchange, asked, input, 429, openAi
                        ? openAiError("Rate limit reached for " + asked.model() + " in organization org-standin on tokens per min (TPM): "
                        + "Limit 200000, Used 200000, Requested " + input + ". Please try again in " + retryAfter.toMillis() + "ms. Visit "
                        + "https://platform.openai.com/account/rate-limits to learn more.", "tokens", null, "rate_limit_exceeded")
                        : anthropicError("rate_limit_error", "This request would exceed the rate limit for your organization of 400,000 "
                        + "input tokens per minute. For details, refer to: https://docs.claude.com/en/api/rate-limits."), headers, fault);
            }
            case UNAVAILABLE -> refuse(exchange, asked, input, 503, openAi
                    ? openAiError("The server is overloaded or not ready yet.", "server_error", null, null)
                    : anthropicError("api_error", "Service unavailable"), Map.of(), fault);
            case OVERLOADED -> {
                if (openAi) {
                    refuse(exchange, asked, input, 503, openAiError("The engine is currently overloaded, please try again later.",
                            "server_error", null, null), Map.of(), fault);
                } else {
                    refuse(exchange, asked, input, 529, anthropicError("overloaded_error", "Overloaded"), Map.of(), fault);
                }
            }
            default -> refuse(exchange, asked, input, 500, openAi
                    ? openAiError("The server had an error while processing your request. Sorry about that!", "server_error", null, null)
                    : anthropicError("api_error", "Internal server error"), Map.of(), fault);
        }
    }

    private void record(ServedRequest served) {
        log.add(served);
        observer.accept(served);
    }

    // ---- OpenAI Chat Completions

    private Asked readOpenAi(JsonNode body, String id, Instant received) {
        String model = body.path("model").asString("gpt-4o-mini");
        int maxTokens = body.hasNonNull("max_completion_tokens") ? body.get("max_completion_tokens").asInt()
                : body.path("max_tokens").asInt(16_384);
        String system = null;
        List<String[]> messages = new ArrayList<>();
        List<String> blocks = new ArrayList<>();
        JsonNode schema = null;
        String schemaName = null;
        long overhead = 0;
        JsonNode format = body.path("response_format");
        if ("json_schema".equals(format.path("type").asString(""))) {
            schema = format.path("json_schema").path("schema");
            schemaName = format.path("json_schema").path("name").asString("response");
            // the schema is put in front of the conversation, where it counts as input and shapes the cached prefix
            blocks.add(JSON.writeValueAsString(format.path("json_schema")));
        }
        for (JsonNode turn : body.path("messages")) {
            String role = turn.path("role").asString("user");
            String content = contentText(turn.path("content"));
            if (("system".equals(role) || "developer".equals(role)) && system == null && messages.isEmpty()) {
                system = content;
            } else {
                messages.add(new String[] {role, content});
            }
            blocks.add(role + "\n" + content);
        }
        List<Boolean> none = blocks.stream().map(b -> false).toList();
        return new Asked(OPENAI, id, received, model, system, messages, schema, schemaName, maxTokens, body.path("stream").asBoolean(false),
                body.path("stream_options").path("include_usage").asBoolean(false), blocks, none, overhead);
    }

    private static String contentText(JsonNode content) {
        if (content.isString()) {
            return content.asString();
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode part : content) {
            text.append(part.has("text") ? part.path("text").asString() : JSON.writeValueAsString(part));
        }
        return text.toString();
    }

    /** Looks up the longest cached prefix in 128-token steps from 1,024, then caches every step of this prompt. */
    private long openAiCache(String model, IntArrayList sequence) {
        if (sequence.size() < OPENAI_CACHE_MINIMUM) {
            return 0;
        }
        long now = System.nanoTime();
        long hash = model.hashCode();
        long found = 0;
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < sequence.size(); i++) {
            hash = hash * 1_000_003L + sequence.get(i) + 1;
            int length = i + 1;
            if (length >= OPENAI_CACHE_MINIMUM && (length - OPENAI_CACHE_MINIMUM) % OPENAI_CACHE_STEP == 0) {
                String key = "o:" + model + ":" + length + ":" + hash;
                keys.add(key);
                Long expires = cache.get(key);
                if (expires != null && expires > now) {
                    found = length;
                }
            }
        }
        for (String key : keys) {
            cache.put(key, now + CACHE_TTL.toNanos());
        }
        return found;
    }

    private long sendOpenAi(HttpExchange exchange, Asked asked, Answer answer, long input, long cached, String finish, boolean cut)
            throws IOException {
        long created = Instant.now().getEpochSecond();
        ObjectNode usage = JSON.createObjectNode();
        usage.put("prompt_tokens", input).put("completion_tokens", answer.outputTokens()).put("total_tokens", input + answer.outputTokens());
        usage.putObject("prompt_tokens_details").put("cached_tokens", cached).put("audio_tokens", 0);
        usage.putObject("completion_tokens_details").put("reasoning_tokens", 0).put("audio_tokens", 0)
                .put("accepted_prediction_tokens", 0).put("rejected_prediction_tokens", 0);
        if (!asked.stream()) {
            ObjectNode completion = JSON.createObjectNode();
            completion.put("id", asked.id()).put("object", "chat.completion").put("created", created).put("model", asked.model());
            ObjectNode choice = completion.putArray("choices").addObject();
            choice.put("index", 0);
            choice.putObject("message").put("role", "assistant").put("content", answer.text()).putNull("refusal");
            choice.putNull("logprobs");
            choice.put("finish_reason", finish);
            completion.set("usage", usage);
            completion.put("service_tier", "default").put("system_fingerprint", "fp_standin");
            pace(answer.outputTokens());
            return sendWhole(exchange, completion, cut, answer.outputTokens());
        }
        exchange.getResponseHeaders().set("content-type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().set("cache-control", "no-cache");
        exchange.sendResponseHeaders(200, cut ? Integer.MAX_VALUE : 0);
        OutputStream out = exchange.getResponseBody();
        ObjectNode first = chunk(asked, created);
        ((ObjectNode) first.get("choices").get(0).get("delta")).put("role", "assistant").put("content", "").putNull("refusal");
        data(out, first);
        List<String> pieces = pieces(answer.text(), asked.schema() != null);
        int sentPieces = stream(pieces, answer.outputTokens(), cut, piece -> {
            ObjectNode c = chunk(asked, created);
            ((ObjectNode) c.get("choices").get(0).get("delta")).put("content", piece);
            data(out, c);
        });
        if (cut) {
            return Tokens.forModel(asked.model()).count(String.join("", pieces.subList(0, sentPieces)));
        }
        ObjectNode last = chunk(asked, created);
        ((ObjectNode) last.get("choices").get(0)).put("finish_reason", finish);
        data(out, last);
        if (asked.streamUsage()) {
            // with stream_options.include_usage, one more chunk: no choices, the usage
            ObjectNode tail = JSON.createObjectNode();
            tail.put("id", asked.id()).put("object", "chat.completion.chunk").put("created", created).put("model", asked.model())
                    .put("service_tier", "default").put("system_fingerprint", "fp_standin");
            tail.putArray("choices");
            tail.set("usage", usage);
            data(out, tail);
        }
        out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
        return answer.outputTokens();
    }

    private static ObjectNode chunk(Asked asked, long created) {
        ObjectNode c = JSON.createObjectNode();
        c.put("id", asked.id()).put("object", "chat.completion.chunk").put("created", created).put("model", asked.model())
                .put("service_tier", "default").put("system_fingerprint", "fp_standin");
        ObjectNode choice = c.putArray("choices").addObject();
        choice.put("index", 0);
        choice.putObject("delta");
        choice.putNull("logprobs");
        choice.putNull("finish_reason");
        c.putNull("usage");
        return c;
    }

    private static void data(OutputStream out, JsonNode node) {
        try {
            out.write(("data: " + JSON.writeValueAsString(node) + "\n\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode openAiError(String message, String type, String param, String code) {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode error = body.putObject("error");
        error.put("message", message).put("type", type);
        if (param == null) {
            error.putNull("param");
        } else {
            error.put("param", param);
        }
        if (code == null) {
            error.putNull("code");
        } else {
            error.put("code", code);
        }
        return body;
    }

    // ---- Anthropic Messages

    private Asked readAnthropic(JsonNode body, String id, Instant received) {
        String model = body.path("model").asString("claude-sonnet-4-5");
        int maxTokens = body.path("max_tokens").asInt(4096);
        List<String> blocks = new ArrayList<>();
        List<Boolean> breakpoints = new ArrayList<>();
        JsonNode schema = null;
        String schemaName = null;
        long overhead = 0;
        JsonNode tools = body.path("tools");
        if (tools.isArray() && !tools.isEmpty()) {
            blocks.add(JSON.writeValueAsString(tools));
            breakpoints.add(tools.get(tools.size() - 1).has("cache_control"));
            JsonNode choice = body.path("tool_choice");
            String forced = "tool".equals(choice.path("type").asString("")) ? choice.path("name").asString(null) : null;
            if (forced != null || "any".equals(choice.path("type").asString(""))) {
                overhead = TOOL_USE_SYSTEM_TOKENS;
                for (JsonNode tool : tools) {
                    if (forced == null || forced.equals(tool.path("name").asString())) {
                        schema = tool.path("input_schema");
                        schemaName = tool.path("name").asString();
                        break;
                    }
                }
            }
        }
        StringBuilder system = new StringBuilder();
        JsonNode systemNode = body.path("system");
        if (systemNode.isString()) {
            blocks.add(systemNode.asString());
            breakpoints.add(false);
            system.append(systemNode.asString());
        } else if (systemNode.isArray()) {
            for (JsonNode block : systemNode) {
                blocks.add(block.path("text").asString());
                breakpoints.add(block.has("cache_control"));
                system.append(block.path("text").asString());
            }
        }
        List<String[]> messages = new ArrayList<>();
        for (JsonNode turn : body.path("messages")) {
            String role = turn.path("role").asString("user");
            JsonNode content = turn.path("content");
            StringBuilder text = new StringBuilder();
            if (content.isString()) {
                blocks.add(role + ":" + content.asString());
                breakpoints.add(false);
                text.append(content.asString());
            } else {
                for (JsonNode block : content) {
                    String piece = block.has("text") ? block.path("text").asString() : JSON.writeValueAsString(block);
                    blocks.add(role + ":" + piece);
                    breakpoints.add(block.has("cache_control"));
                    text.append(piece);
                }
            }
            messages.add(new String[] {role, text.toString()});
        }
        return new Asked(ANTHROPIC, id, received, model, system.toString(), messages, schema, schemaName, maxTokens,
                body.path("stream").asBoolean(false), true, blocks, breakpoints, overhead);
    }

    private long sendAnthropic(HttpExchange exchange, Asked asked, Answer answer, long input, long cached, long cacheWrite, String stopReason,
                               boolean cut) throws IOException {
        ObjectNode usage = JSON.createObjectNode();
        usage.put("input_tokens", input - cached - cacheWrite).put("cache_creation_input_tokens", cacheWrite)
                .put("cache_read_input_tokens", cached);
        usage.putObject("cache_creation").put("ephemeral_5m_input_tokens", cacheWrite).put("ephemeral_1h_input_tokens", 0);
        boolean tool = asked.schema() != null;
        if (!asked.stream()) {
            ObjectNode message = message(asked, usage.deepCopy().put("output_tokens", answer.outputTokens()));
            ArrayNode content = message.putArray("content");
            if (!tool) {
                content.addObject().put("type", "text").put("text", answer.text());
            } else {
                ObjectNode use = content.addObject().put("type", "tool_use").put("id", "toolu_" + asked.id()).put("name", asked.schemaName());
                // a whole message carries the tool input parsed; an answer cut short is the part that parses, as Anthropic does
                use.set("input", parsedOrEmpty(answer.text()));
            }
            message.put("stop_reason", stopReason).putNull("stop_sequence");
            pace(answer.outputTokens());
            return sendWhole(exchange, message, cut, answer.outputTokens());
        }
        exchange.getResponseHeaders().set("content-type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().set("cache-control", "no-cache");
        exchange.getResponseHeaders().set("request-id", "req_" + asked.id());
        exchange.sendResponseHeaders(200, cut ? Integer.MAX_VALUE : 0);
        OutputStream out = exchange.getResponseBody();
        ObjectNode start = JSON.createObjectNode().put("type", "message_start");
        ObjectNode message = message(asked, usage.deepCopy().put("output_tokens", 1));
        message.putArray("content");
        message.putNull("stop_reason").putNull("stop_sequence");
        start.set("message", message);
        event(out, "message_start", start);
        ObjectNode blockStart = JSON.createObjectNode().put("type", "content_block_start").put("index", 0);
        if (!tool) {
            blockStart.putObject("content_block").put("type", "text").put("text", "");
        } else {
            blockStart.putObject("content_block").put("type", "tool_use").put("id", "toolu_" + asked.id()).put("name", asked.schemaName())
                    .putObject("input");
        }
        event(out, "content_block_start", blockStart);
        event(out, "ping", JSON.createObjectNode().put("type", "ping"));
        List<String> pieces = pieces(answer.text(), tool);
        int sentPieces = stream(pieces, answer.outputTokens(), cut, piece -> {
            ObjectNode delta = JSON.createObjectNode().put("type", "content_block_delta").put("index", 0);
            if (!tool) {
                delta.putObject("delta").put("type", "text_delta").put("text", piece);
            } else {
                delta.putObject("delta").put("type", "input_json_delta").put("partial_json", piece);
            }
            event(out, "content_block_delta", delta);
        });
        if (cut) {
            return Tokens.forModel(asked.model()).count(String.join("", pieces.subList(0, sentPieces)));
        }
        event(out, "content_block_stop", JSON.createObjectNode().put("type", "content_block_stop").put("index", 0));
        ObjectNode end = JSON.createObjectNode().put("type", "message_delta");
        end.putObject("delta").put("stop_reason", stopReason).putNull("stop_sequence");
        end.set("usage", usage.deepCopy().put("output_tokens", answer.outputTokens()));
        ((ObjectNode) end.get("usage")).remove("cache_creation");
        event(out, "message_delta", end);
        event(out, "message_stop", JSON.createObjectNode().put("type", "message_stop"));
        return answer.outputTokens();
    }

    private static JsonNode parsedOrEmpty(String json) {
        try {
            return JSON.readTree(json);
        } catch (RuntimeException e) {
            return JSON.createObjectNode();
        }
    }

    private static ObjectNode message(Asked asked, ObjectNode usage) {
        ObjectNode message = JSON.createObjectNode();
        message.put("id", asked.id()).put("type", "message").put("role", "assistant").put("model", asked.model());
        message.set("usage", usage);
        return message;
    }

    private static void event(OutputStream out, String name, JsonNode data) {
        try {
            out.write(("event: " + name + "\ndata: " + JSON.writeValueAsString(data) + "\n\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode anthropicError(String type, String message) {
        ObjectNode body = JSON.createObjectNode().put("type", "error");
        body.putObject("error").put("type", type).put("message", message);
        body.put("request_id", "req_standin");
        return body;
    }

    // ---- sending

    /** The answer in stream-sized pieces: words for text, short runs of characters for JSON. */
    private static List<String> pieces(String text, boolean json) {
        List<String> pieces = new ArrayList<>();
        int size = json ? 24 : 0;
        int at = 0;
        while (at < text.length()) {
            int end;
            if (json) {
                end = Math.min(text.length(), at + size);
            } else {
                end = at;
                while (end < text.length() && Character.isWhitespace(text.charAt(end))) {
                    end++;
                }
                while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
                    end++;
                }
                // a few words per event, as providers batch tokens
                for (int w = 0; w < 3 && end < text.length(); w++) {
                    while (end < text.length() && Character.isWhitespace(text.charAt(end))) {
                        end++;
                    }
                    while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
                        end++;
                    }
                }
            }
            pieces.add(text.substring(at, end));
            at = end;
        }
        return pieces;
    }

    /** Sends the pieces at the output rate; when {@code cut}, only the first half. Answers how many were sent. */
    private int stream(List<String> pieces, int outputTokens, boolean cut, Consumer<String> send) {
        int limit = cut ? pieces.size() / 2 : pieces.size();
        long began = System.nanoTime();
        double seconds = tokensPerSecond > 0 ? outputTokens / tokensPerSecond : 0;
        for (int i = 0; i < limit; i++) {
            if (seconds > 0) {
                long due = began + (long) (seconds * 1e9 * (i + 1) / Math.max(1, pieces.size()));
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    sleep(Duration.ofNanos(wait));
                }
            }
            send.accept(pieces.get(i));
        }
        return limit;
    }

    private void pace(int outputTokens) {
        if (tokensPerSecond > 0) {
            sleep(Duration.ofNanos((long) (outputTokens / tokensPerSecond * 1e9)));
        }
    }

    /** A whole JSON answer; when {@code cut}, half of it and then the connection closes (the declared length never arrives). */
    private static long sendWhole(HttpExchange exchange, JsonNode body, boolean cut, int outputTokens) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("content-type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        if (cut) {
            exchange.getResponseBody().write(bytes, 0, bytes.length / 2);
            exchange.getResponseBody().flush();
            return outputTokens / 2;
        }
        exchange.getResponseBody().write(bytes);
        return outputTokens;
    }

    private static void sendJson(HttpExchange exchange, int status, Map<String, String> headers, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("content-type", "application/json");
        headers.forEach(exchange.getResponseHeaders()::set);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String digest(String text) {
        return HexFormat.of().formatHex(sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static void sleep(Duration duration) {
        if (duration.isZero() || duration.isNegative()) {
            return;
        }
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}

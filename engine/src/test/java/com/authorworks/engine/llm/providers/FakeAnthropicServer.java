package com.authorworks.engine.llm.providers;

import com.authorworks.engine.internal.TokenCounter;
import com.authorworks.engine.llm.Completion;
import com.authorworks.engine.llm.CompletionRequest;
import com.authorworks.engine.llm.LanguageModel;
import com.authorworks.engine.llm.Message;
import com.authorworks.engine.llm.OutputFormat;
import com.authorworks.engine.standin.AnthropicPromptCache;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A local model server over real HTTP that speaks Anthropic's Messages API ({@code POST /v1/messages},
 * JSON or server-sent events) the way the public documentation describes it, for benchmarks and
 * end-to-end tests of the real adapter. The text comes from a {@link LanguageModel} (the sample
 * writer); what makes it behave like the real service:
 * <ul>
 * <li>output is released at {@code tokensPerSecond} per response (after {@code firstTokenLatency}),
 *     so a stream of N tokens takes N / rate seconds; a whole (non-streamed) answer arrives at the end;</li>
 * <li>input is counted over everything sent: tool definitions, system blocks, messages, plus the
 *     tool-use system prompt Anthropic adds when a tool is forced ({@value #TOOL_USE_SYSTEM_TOKENS} tokens);</li>
 * <li>prompt caching: the prefix up to a {@code cache_control} breakpoint (in the order tools, system,
 *     messages) is written to a cache (reported as {@code cache_creation_input_tokens}) and read by later
 *     requests with the same prefix and model ({@code cache_read_input_tokens}); prefixes under the
 *     model's minimum cacheable length are not cached; an entry lives 5 minutes from its last use and
 *     can be read only once the response that wrote it has started;</li>
 * <li>{@code max_tokens} cuts the answer ({@code stop_reason: max_tokens}); a missing key is a 401;</li>
 * <li>{@linkplain #faults faults} on chosen requests: a 429 with {@code retry-after} before anything is
 *     served, or a stream cut halfway through its text (no {@code message_stop}), as a dropped connection.</li>
 * </ul>
 * Tokens are counted with cl100k, like the engine's budgets.
 */
public final class FakeAnthropicServer implements AutoCloseable {

    /** Anthropic's documented tool-use system prompt size for Claude 4 models with {@code tool_choice} any/tool. */
    static final int TOOL_USE_SYSTEM_TOKENS = 313;

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final LanguageModel writer;
    private final double tokensPerSecond;
    private final Duration firstTokenLatency;
    private final AnthropicPromptCache cache = new AnthropicPromptCache();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong inFlight = new AtomicLong();
    private volatile Consumer<Seen> observer = seen -> { };
    private volatile java.util.function.LongFunction<Fault> faults = n -> Fault.NONE;
    private final List<Long> cutStreamTokens = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** What the server does to a request instead of answering it in full. */
    public enum Fault { NONE, RATE_LIMITED, CUT_STREAM }

    /** What one request asked for and what it was told, as the server saw it. */
    public record Seen(CompletionRequest request, String answer, long inputTokens, long cacheReadTokens, long cacheWriteTokens,
                       long outputTokens) {
    }

    public FakeAnthropicServer(LanguageModel writer, double tokensPerSecond, Duration firstTokenLatency) {
        this.writer = writer;
        this.tokensPerSecond = tokensPerSecond;
        this.firstTokenLatency = firstTokenLatency;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(executor);
        server.createContext("/v1/messages", this::handle);
        server.start();
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public long requests() {
        return requests.get();
    }

    /** Requests read and not yet answered to their end. */
    public long inFlight() {
        return inFlight.get();
    }

    /** Chooses a fault for each request by its number (1-based, in the order requests arrive). */
    public void faults(java.util.function.LongFunction<Fault> plan) {
        this.faults = plan;
    }

    /** The output tokens each cut stream had sent before it was cut, in order. */
    public List<Long> cutStreamTokens() {
        return List.copyOf(cutStreamTokens);
    }

    /** Receives every answered request (called before the answer is sent). */
    public void observe(Consumer<Seen> newObserver) {
        this.observer = newObserver;
    }

    /** The smallest prefix Anthropic caches for a model. */
    static int minimumCacheable(String model) {
        return AnthropicPromptCache.minimumCacheable(model);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                error(exchange, 405, "invalid_request_error", "Use POST.");
                return;
            }
            String key = exchange.getRequestHeaders().getFirst("x-api-key");
            if (key == null || key.isBlank()) {
                error(exchange, 401, "authentication_error", "x-api-key header is required");
                return;
            }
            JsonNode body = ProviderHttp.JSON.readTree(exchange.getRequestBody().readAllBytes());
            Fault fault = faults.apply(requests.incrementAndGet());
            if (fault == Fault.RATE_LIMITED) {
                exchange.getResponseHeaders().set("retry-after", "0");
                error(exchange, 429, "rate_limit_error", "Number of request tokens has exceeded your per-minute rate limit.");
                return;
            }
            inFlight.incrementAndGet();
            try {
                answer(exchange, body, fault == Fault.CUT_STREAM);
            } finally {
                inFlight.decrementAndGet();
            }
        } catch (RuntimeException e) {
            error(exchange, 500, "api_error", e.getClass().getSimpleName());
        }
    }

    private void answer(HttpExchange exchange, JsonNode body, boolean cut) throws IOException {
        String model = body.path("model").asString();
        int maxTokens = body.path("max_tokens").asInt(1024);
        boolean stream = body.path("stream").asBoolean(false);

        // the prompt as blocks in Anthropic's cache order: tools, system, messages
        List<String> blocks = new ArrayList<>();
        List<Boolean> breakpoints = new ArrayList<>();
        JsonNode tools = body.path("tools");
        String toolName = null;
        OutputFormat output = OutputFormat.text();
        if (tools.isArray() && !tools.isEmpty()) {
            blocks.add(ProviderHttp.JSON.writeValueAsString(tools));
            breakpoints.add(tools.get(tools.size() - 1).has("cache_control"));
            JsonNode tool = tools.get(0);
            toolName = body.path("tool_choice").path("name").asString(tool.path("name").asString());
            output = OutputFormat.json(toolName, ProviderHttp.JSON.writeValueAsString(tool.path("input_schema")));
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
        List<Message> messages = new ArrayList<>();
        for (JsonNode turn : body.path("messages")) {
            StringBuilder text = new StringBuilder();
            JsonNode content = turn.path("content");
            if (content.isString()) {
                blocks.add(turn.path("role").asString() + ":" + content.asString());
                breakpoints.add(false);
                text.append(content.asString());
            } else {
                for (JsonNode block : content) {
                    blocks.add(turn.path("role").asString() + ":" + block.path("text").asString());
                    breakpoints.add(block.has("cache_control"));
                    text.append(block.path("text").asString());
                }
            }
            messages.add("assistant".equals(turn.path("role").asString()) ? Message.assistant(text.toString()) : Message.user(text.toString()));
        }

        long[] tokens = blocks.stream().mapToLong(TokenCounter::count).toArray();
        long overhead = toolName == null ? 0 : TOOL_USE_SYSTEM_TOKENS;
        long total = overhead + java.util.Arrays.stream(tokens).sum();

        CompletionRequest request = new CompletionRequest(model, system.toString(), messages, body.path("temperature").asDouble(1.0),
                maxTokens, output, breakpoints.contains(true), null, null);
        Completion written = writer.complete(request);
        String text = written.text();
        String stopReason = toolName == null ? "end_turn" : "tool_use";
        int outputTokens = TokenCounter.count(text);
        if (outputTokens > maxTokens) {
            text = truncate(text, maxTokens);
            outputTokens = maxTokens;
            stopReason = "max_tokens";
        }

        sleep(firstTokenLatency);
        long[] cached = cache.use(model, blocks, breakpoints, tokens, overhead);
        long cacheRead = cached[0];
        long cacheWrite = cached[1];
        observer.accept(new Seen(request, text, total, cacheRead, cacheWrite, outputTokens));

        ObjectNode usage = ProviderHttp.JSON.createObjectNode();
        usage.put("input_tokens", total - cacheRead - cacheWrite);
        usage.put("cache_creation_input_tokens", cacheWrite);
        usage.put("cache_read_input_tokens", cacheRead);
        String id = "msg_fake_" + requests.get();
        if (stream) {
            stream(exchange, id, model, usage, toolName, text, outputTokens, stopReason, cut);
        } else {
            sleep(Duration.ofNanos((long) (outputTokens / tokensPerSecond * 1e9)));
            ObjectNode message = message(id, model, usage.put("output_tokens", outputTokens));
            ArrayNode content = message.putArray("content");
            if (toolName == null) {
                content.addObject().put("type", "text").put("text", text);
            } else {
                ObjectNode use = content.addObject().put("type", "tool_use").put("id", "toolu_" + id).put("name", toolName);
                use.set("input", ProviderHttp.JSON.readTree(text));
            }
            message.put("stop_reason", stopReason);
            byte[] bytes = ProviderHttp.JSON.writeValueAsBytes(message);
            exchange.getResponseHeaders().set("content-type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    private void stream(HttpExchange exchange, String id, String model, ObjectNode usage, String toolName, String text, int outputTokens,
                        String stopReason, boolean cut) throws IOException {
        exchange.getResponseHeaders().set("content-type", "text/event-stream");
        exchange.getResponseHeaders().set("cache-control", "no-cache");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        ObjectNode start = ProviderHttp.JSON.createObjectNode().put("type", "message_start");
        ObjectNode message = message(id, model, usage.deepCopy().put("output_tokens", 1));
        message.putArray("content");
        message.putNull("stop_reason");
        start.set("message", message);
        event(out, "message_start", start);
        ObjectNode blockStart = ProviderHttp.JSON.createObjectNode().put("type", "content_block_start").put("index", 0);
        if (toolName == null) {
            blockStart.putObject("content_block").put("type", "text").put("text", "");
        } else {
            ObjectNode use = blockStart.putObject("content_block").put("type", "tool_use").put("id", "toolu_" + id).put("name", toolName);
            use.putObject("input");
        }
        event(out, "content_block_start", blockStart);
        event(out, "ping", ProviderHttp.JSON.createObjectNode().put("type", "ping"));

        long began = System.nanoTime();
        double seconds = outputTokens / tokensPerSecond;
        int sent = 0;
        int upTo = cut ? text.length() / 2 : text.length();
        while (sent < upTo) {
            sleep(Duration.ofMillis(50));
            double elapsed = (System.nanoTime() - began) / 1e9;
            int due = Math.min(upTo, elapsed >= seconds ? text.length() : (int) (text.length() * elapsed / seconds));
            while (toolName == null && due < upTo && !Character.isWhitespace(text.charAt(due))) {
                due++;
            }
            if (due <= sent) {
                continue;
            }
            ObjectNode delta = ProviderHttp.JSON.createObjectNode().put("type", "content_block_delta").put("index", 0);
            if (toolName == null) {
                delta.putObject("delta").put("type", "text_delta").put("text", text.substring(sent, due));
            } else {
                delta.putObject("delta").put("type", "input_json_delta").put("partial_json", text.substring(sent, due));
            }
            event(out, "content_block_delta", delta);
            sent = due;
        }
        if (cut) {
            // the connection drops: the client sees the stream end without message_stop
            cutStreamTokens.add((long) TokenCounter.count(text.substring(0, sent)));
            return;
        }
        event(out, "content_block_stop", ProviderHttp.JSON.createObjectNode().put("type", "content_block_stop").put("index", 0));
        ObjectNode end = ProviderHttp.JSON.createObjectNode().put("type", "message_delta");
        end.putObject("delta").put("stop_reason", stopReason).putNull("stop_sequence");
        end.putObject("usage").put("output_tokens", outputTokens);
        event(out, "message_delta", end);
        event(out, "message_stop", ProviderHttp.JSON.createObjectNode().put("type", "message_stop"));
    }

    private static ObjectNode message(String id, String model, ObjectNode usage) {
        ObjectNode message = ProviderHttp.JSON.createObjectNode();
        message.put("id", id).put("type", "message").put("role", "assistant").put("model", model);
        message.set("usage", usage);
        return message;
    }

    private static void event(OutputStream out, String name, JsonNode data) throws IOException {
        out.write(("event: " + name + "\ndata: " + ProviderHttp.JSON.writeValueAsString(data) + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void error(HttpExchange exchange, int status, String type, String message) throws IOException {
        ObjectNode body = ProviderHttp.JSON.createObjectNode().put("type", "error");
        body.putObject("error").put("type", type).put("message", message);
        byte[] bytes = ProviderHttp.JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("content-type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static String truncate(String text, int maxTokens) {
        int low = 0;
        int high = text.length();
        while (low < high) {
            int mid = (low + high + 1) / 2;
            if (TokenCounter.count(text.substring(0, mid)) <= maxTokens) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return text.substring(0, low);
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

package com.authorworks.engine.sample;

import com.authorworks.engine.internal.AssistPrompts;
import com.authorworks.engine.internal.Json;
import com.authorworks.engine.internal.TokenCounter;
import com.authorworks.engine.llm.Completion;
import com.authorworks.engine.llm.CompletionRequest;
import com.authorworks.engine.llm.LanguageModel;
import com.authorworks.engine.llm.LanguageModelException;
import com.authorworks.engine.llm.Message;
import com.authorworks.engine.llm.OutputFormat;
import com.authorworks.engine.llm.Usage;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The offline writer: no model, no network, no key. Deterministic (the same request always gets the
 * same answer), it answers structured requests with valid instances of the schema it is given and
 * prose requests with readable placeholder text of the requested length. Everything it writes is
 * marked as sample output, and it reports token usage counted like a real model's so cost and
 * budget paths run for real.
 */
public final class SampleLanguageModel implements LanguageModel {

    /** Opens every text the sample writer produces. */
    public static final String MARKER = "[Sample text — offline writer, no AI model used]";
    /** Opens every free-text value in its structured answers. */
    public static final String SHORT_MARKER = "[Sample]";

    private static final Pattern LENGTH = Pattern.compile("about (\\d+) words");
    private final long seed;

    public SampleLanguageModel(long seed) {
        this.seed = seed;
    }

    @Override
    public String provider() {
        return "sample";
    }

    @Override
    public Completion complete(CompletionRequest request) {
        Random random = new Random(seed ^ fingerprint(request));
        String prompt = prompt(request);
        String text;
        java.util.Optional<AssistPrompts.Asked> assist = request.output() instanceof OutputFormat.Text ? AssistPrompts.read(request)
                : java.util.Optional.empty();
        if (assist.isPresent()) {
            text = SampleAssist.answer(assist.get(), random, request.system().contains("Fountain"));
        } else if (request.output() instanceof OutputFormat.Json json) {
            JsonNode schema;
            try {
                schema = Json.MAPPER.readTree(json.jsonSchema());
            } catch (JacksonException e) {
                throw new LanguageModelException.BadRequest(provider(), "The JSON schema '" + json.name() + "' is not valid JSON", e);
            }
            text = Json.MAPPER.writeValueAsString(new SchemaInstances(random, PromptFacts.of(prompt, request.system())).instance(schema));
        } else {
            Matcher length = LENGTH.matcher(request.messages().getLast().content());
            int words = length.find() ? Integer.parseInt(length.group(1)) : Math.min(250, request.maxTokens() / 2);
            text = new SampleProse(random, PromptFacts.of(prompt), request.system() != null
                    && request.system().contains("Fountain")).labelled(Math.max(20, words));
        }
        if (request.onDelta() != null) {
            int chunk = assist.isPresent() ? 40 : 400; // an author watches assist text arrive
            for (int i = 0; i < text.length(); i += chunk) {
                request.onDelta().accept(text.substring(i, Math.min(text.length(), i + chunk)));
            }
        }
        Usage usage = new Usage(TokenCounter.count(prompt), TokenCounter.count(text), 0, 0);
        return new Completion(text, usage, request.model(), provider(), Completion.FinishReason.STOP);
    }

    private static String prompt(CompletionRequest request) {
        StringBuilder all = new StringBuilder(request.system() == null ? "" : request.system());
        for (Message m : request.messages()) {
            all.append('\n').append(m.content());
        }
        return all.toString();
    }

    /** FNV-1a over the request's model and prompt: stable across JVMs, unlike {@code hashCode} of a record. */
    private static long fingerprint(CompletionRequest request) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : (request.model() + '\u0000' + prompt(request)).getBytes(StandardCharsets.UTF_8)) {
            hash ^= b;
            hash *= 0x100000001b3L;
        }
        return hash;
    }
}

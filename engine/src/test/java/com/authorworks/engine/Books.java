package com.authorworks.engine;

import com.authorworks.engine.internal.Json;
import com.authorworks.engine.llm.Completion;
import com.authorworks.engine.llm.CompletionRequest;
import com.authorworks.engine.llm.LanguageModel;
import com.authorworks.engine.llm.OutputFormat;
import com.authorworks.engine.llm.Usage;
import com.authorworks.engine.sample.SampleLanguageModel;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Test fixtures: specs, and the sample writer wrapped to count, record or fail calls like a flaky provider would. */
final class Books {

    private Books() {
    }

    static BookSpec spec(int chapters, int words, int window) {
        return new BookSpec("The Lantern Keeper", "A lighthouse keeper finds letters from her missing brother in the lamp room.",
                Format.NOVEL, words, chapters, "sample", "sample-writer", null, null, window);
    }

    static EngineOptions options(int concurrency) {
        return EngineOptions.defaults().withConcurrency(concurrency);
    }

    /** The sample writer, counting the calls that reached it and keeping their requests. */
    static class Counting implements LanguageModel {
        final LanguageModel delegate = new SampleLanguageModel(7);
        final AtomicInteger calls = new AtomicInteger();
        final List<CompletionRequest> requests = new CopyOnWriteArrayList<>();

        @Override
        public String provider() {
            return "sample";
        }

        @Override
        public Completion complete(CompletionRequest request) {
            calls.incrementAndGet();
            requests.add(request);
            return answer(request);
        }

        Completion answer(CompletionRequest request) {
            return delegate.complete(request);
        }
    }

    /** Fails the given call (1-based) and every later one, like a process killed mid-run. */
    static final class CrashingAt extends Counting {
        private final int crashAt;
        private final AtomicInteger attempts = new AtomicInteger();

        CrashingAt(int crashAt) {
            this.crashAt = crashAt;
        }

        @Override
        public Completion complete(CompletionRequest request) {
            if (attempts.incrementAndGet() >= crashAt) {
                throw new IllegalStateException("injected crash at call " + crashAt);
            }
            return super.complete(request);
        }
    }

    /**
     * The sample writer made to talk like a real model: every memory answer reports twenty more facts than
     * the scene needs (each about someone present, each under an attribute never seen before, so the ledger
     * grows without end), and every summary runs to hundreds of words whatever the schema asks. A request to
     * shorten a summary is ignored: the same long text comes back.
     */
    static final class Talkative extends Counting {
        private final AtomicInteger facts = new AtomicInteger();

        @Override
        Completion answer(CompletionRequest request) {
            String prompt = request.messages().getLast().content();
            if (request.output() instanceof OutputFormat.Text && prompt.startsWith("Shorten this summary")) {
                return new Completion(prompt.substring(prompt.indexOf("\n\n") + 2), new Usage(100, 600, 0, 0), request.model(), "sample",
                        Completion.FinishReason.STOP);
            }
            Completion plain = super.answer(request);
            if (!(request.output() instanceof OutputFormat.Json json)) {
                return plain;
            }
            ObjectNode answer = (ObjectNode) Json.MAPPER.readTree(plain.text());
            for (String field : List.of("summary", "chapterSummary")) {
                if (answer.has(field)) {
                    answer.put(field, rambling(answer.get(field).asString()));
                }
            }
            if (json.name().equals("scene_memory")) {
                java.util.regex.Matcher present = java.util.regex.Pattern.compile("Characters present: (.*)").matcher(prompt);
                List<String> names = present.find() ? List.of(present.group(1).split(", ")) : List.of();
                ArrayNode list = (ArrayNode) answer.get("facts");
                for (int i = 0; i < 20 && !names.isEmpty(); i++) {
                    int n = facts.incrementAndGet();
                    list.addObject().put("subject", names.get(i % names.size())).put("kind", "CHARACTER").put("attribute", "detail " + n)
                            .put("value", "token-" + n + " noticed in passing");
                }
            }
            String text = Json.write(answer);
            return new Completion(text, plain.usage(), plain.model(), plain.provider(), plain.finishReason());
        }

        private static String rambling(String summary) {
            return (summary + " ").repeat(40).strip();
        }
    }

    static BigDecimal usd(String amount) {
        return new BigDecimal(amount);
    }
}

package com.authorworks.engine;

import com.authorworks.engine.llm.Completion;
import com.authorworks.engine.llm.CompletionRequest;
import com.authorworks.engine.llm.LanguageModel;
import com.authorworks.engine.sample.SampleLanguageModel;

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

    static BigDecimal usd(String amount) {
        return new BigDecimal(amount);
    }
}

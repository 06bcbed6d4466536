package com.authorworks.content;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import com.authorworks.engine.llm.Completion;
import com.authorworks.engine.llm.CompletionRequest;
import com.authorworks.engine.llm.LanguageModelException;
import com.authorworks.engine.llm.OutputFormat;
import com.authorworks.engine.sample.SampleLanguageModel;

/**
 * Provider {@code cut-sample}: the real offline sample writer behind a flaky connection. A test can have
 * the next structured calls refused with a 429 before anything is served, and the next drafting streams
 * cut halfway (half the text streamed, then the connection drops), as a real provider's sometimes are.
 */
public final class CutSampleModels extends AlteredSampleModels {

    private static final AtomicInteger refusing = new AtomicInteger();
    private static final AtomicInteger cutting = new AtomicInteger();

    public CutSampleModels() {
        super("cut-sample");
    }

    static void refuse(int structuredCalls) {
        refusing.set(structuredCalls);
    }

    static void cut(int drafts) {
        cutting.set(drafts);
    }

    @Override
    Completion complete(SampleLanguageModel sample, CompletionRequest request) {
        if (request.output() instanceof OutputFormat.Json && refusing.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new LanguageModelException.RateLimited("cut-sample", "cut-sample is rate limiting these calls", Duration.ZERO);
        }
        if (request.output() instanceof OutputFormat.Text && request.streaming() && cutting.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            String text = sample.complete(new CompletionRequest(request.model(), request.system(), request.messages(), request.temperature(),
                    request.maxTokens(), request.output(), request.cachePrefix(), request.key(), null)).text();
            request.onDelta().accept(text.substring(0, text.length() / 2));
            throw new LanguageModelException.Unavailable("cut-sample", "The stream from cut-sample broke", null);
        }
        return sample.complete(request);
    }
}

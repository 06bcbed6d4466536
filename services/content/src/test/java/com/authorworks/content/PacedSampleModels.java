package com.authorworks.content;

import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

import com.authorworks.engine.llm.Completion;
import com.authorworks.engine.llm.CompletionRequest;
import com.authorworks.engine.llm.LanguageModelException;
import com.authorworks.engine.llm.OutputFormat;
import com.authorworks.engine.sample.SampleLanguageModel;

/**
 * Provider {@code paced-sample}: the real offline sample writer, except that each prose (drafting)
 * call first takes a permit, so a test can hold a generation in the middle of a book and then
 * cancel it or stop the server under it. A held call gives up when its thread is interrupted,
 * as a real HTTP call does.
 */
public final class PacedSampleModels extends AlteredSampleModels {

    static volatile Semaphore drafts = new Semaphore(Integer.MAX_VALUE);
    static final AtomicInteger waiting = new AtomicInteger();

    /** Lets {@code n} drafting calls through, then holds the rest. */
    static void allow(int n) {
        drafts = new Semaphore(n);
    }

    static void releaseAll() {
        Semaphore held = drafts;
        drafts = new Semaphore(Integer.MAX_VALUE);
        if (held.availablePermits() < 1_000_000) {
            held.release(1_000_000);
        }
    }

    public PacedSampleModels() {
        super("paced-sample");
    }

    @Override
    Completion complete(SampleLanguageModel sample, CompletionRequest request) {
        if (request.output() instanceof OutputFormat.Text) {
            Semaphore gate = drafts;
            waiting.incrementAndGet();
            try {
                gate.acquire();
            } catch (InterruptedException e) {
                // as the HTTP adapters do: keep the interrupt, so retry layers above give up too
                Thread.currentThread().interrupt();
                throw new LanguageModelException.Unavailable("paced-sample", "interrupted", e);
            } finally {
                waiting.decrementAndGet();
            }
        }
        return sample.complete(request);
    }
}

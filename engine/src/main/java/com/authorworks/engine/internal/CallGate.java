package com.authorworks.engine.internal;

import com.authorworks.engine.EngineOptions;
import com.authorworks.engine.llm.Completion;
import com.authorworks.engine.llm.CompletionRequest;
import com.authorworks.engine.llm.LanguageModel;
import com.authorworks.engine.llm.Message;
import com.authorworks.engine.llm.OutputFormat;
import com.authorworks.engine.llm.PromptCaching;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The one way a run calls its model: it checks the run is still going (cancel, another part's failure,
 * the budget), lets the first call of a new cacheable prefix go alone until it streams, waits for one of
 * the streams (earliest chapter first), can be interrupted by a cancel, and books every attempt it sends
 * ({@link CallAttempts}: from before it is sent, retries inside the model stack included) on the step that
 * pays for it and on the run's account.
 */
final class CallGate {

    private final LanguageModel model;
    private final EngineOptions options;
    private final AtomicBoolean cancelled;
    private final RunAccount account;
    private final StoryOrderGate streams;
    /** The first failure (or stop) of any part of the run; every later call gives up. */
    private final AtomicReference<RuntimeException> stop = new AtomicReference<>();
    private final Map<String, CountDownLatch> warming = new ConcurrentHashMap<>();
    private final Map<String, Integer> prefixTokens = new ConcurrentHashMap<>();
    /** Threads inside a model call, to interrupt when the run is cancelled. */
    private final Set<Thread> calling = new HashSet<>();
    private volatile BigDecimal budget;

    CallGate(LanguageModel model, EngineOptions options, AtomicBoolean cancelled, RunAccount account) {
        this.model = model;
        this.options = options;
        this.cancelled = cancelled;
        this.account = account;
        this.streams = new StoryOrderGate(options.concurrency());
    }

    void budget(BigDecimal usd) {
        budget = usd;
    }

    /** Records a part's failure so the other parts stop; the first one wins. */
    void failed(RuntimeException e) {
        stop.compareAndSet(null, e);
    }

    RuntimeException failure() {
        return stop.get();
    }

    /** Interrupts the calls in flight (after the run was cancelled), which the HTTP adapters answer by giving up. */
    void abandonCalls() {
        synchronized (calling) {
            calling.forEach(Thread::interrupt);
        }
    }

    Completion call(String purpose, String modelName, String system, List<Message> messages, OutputFormat output, int maxTokens,
                    double temperature, StepStore.PaidCalls calls) {
        return call(purpose, modelName, system, Turn.NOW, () -> messages, output, maxTokens, temperature, calls);
    }

    /**
     * When a call whose prompt depends on other calls may be made: {@link #await()} waits (without a stream) for what
     * the prompt needs, {@link #ready()} says, once the call holds a stream and its prompt is made, whether that prompt
     * still knows all it needs (if not, the stream is given back and the call waits again), and {@link #answered()}
     * hears the answer the moment it arrives, before anything is written.
     */
    interface Turn {

        Turn NOW = new Turn() {
        };

        default void await() {
        }

        default boolean ready() {
            return true;
        }

        /** @param text the answer's text */
        default void answered(String text) {
        }
    }

    /**
     * The same, with the conversation made only once the call has its stream, so a prompt knows all that finished
     * while it waited; {@code turn} waits after the cache warm-up and before a stream is taken, so what it waits for
     * is never held up by this call, and is asked again once the prompt is made.
     */
    Completion call(String purpose, String modelName, String system, Turn turn,
                    java.util.function.Supplier<List<Message>> conversation, OutputFormat output, int maxTokens, double temperature,
                    StepStore.PaidCalls calls) {
        checkGoing();
        // a prefix is marked for the provider's cache only when it is long enough to be cached: a shorter
        // mark would cost the cache-write price for nothing
        boolean cacheable = prefixTokens.computeIfAbsent(system, TokenCounter::count) >= PromptCaching.minimumTokens(modelName);
        // the first call with a new cacheable prefix goes alone until its answer starts, so the calls
        // after it read the provider's prompt cache instead of each writing it again
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch first = cacheable ? warming.putIfAbsent(modelName + '\u0000' + system, started) : null;
        if (first != null) {
            awaitGoing(first);
        }
        Completion completion = null;
        CallAttempts attempts = null;
        Thread caller = Thread.currentThread();
        while (true) {
            turn.await();
            try {
                streams.acquire(calls.rank(), this::checkGoing);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RunStopped(RunStopped.Reason.CANCELLED);
            }
            try {
                checkGoing();
                List<Message> messages = conversation.get();
                attempts = new CallAttempts(purpose, system, messages, output, options.prices(), calls, account);
                attempts.sending(model.provider(), modelName);
            } catch (RuntimeException | Error e) {
                if (attempts != null) {
                    attempts.failed();
                }
                started.countDown();
                streams.release();
                throw e;
            }
            // asked at the last moment before the prompt goes, when it is on the account
            if (turn.ready()) {
                break;
            }
            // something the prompt needs arrived while it was being made: take it off the account, give the stream back, wait
            attempts.failed();
            attempts = null;
            streams.release();
        }
        try {
            CallAttempts sent = attempts;
            List<Message> messages = sent.messages();
            synchronized (calling) {
                calling.add(caller);
            }
            completion = model.complete(new CompletionRequest(modelName, system, messages, temperature, maxTokens, output, cacheable,
                    options.key(), piece -> {
                        started.countDown();
                        sent.streamed(piece);
                    }, sent));
            turn.answered(completion.text());
        } catch (RuntimeException e) {
            if (cancelled.get()) {
                throw new RunStopped(RunStopped.Reason.CANCELLED);
            }
            throw e;
        } finally {
            synchronized (calling) {
                calling.remove(caller);
            }
            if (cancelled.get()) {
                // an interrupt meant for the abandoned call must not hit the checkpoint writes that follow
                Thread.interrupted();
            }
            if (completion == null && attempts != null) {
                attempts.failed();
            }
            started.countDown();
            streams.release();
        }
        attempts.answered(completion);
        return completion;
    }

    private void awaitGoing(CountDownLatch latch) {
        try {
            while (!latch.await(100, TimeUnit.MILLISECONDS)) {
                checkGoing();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RunStopped(RunStopped.Reason.CANCELLED);
        }
    }

    void checkGoing() {
        if (cancelled.get()) {
            throw new RunStopped(RunStopped.Reason.CANCELLED);
        }
        RuntimeException failure = stop.get();
        if (failure != null) {
            throw failure instanceof RunStopped s ? new RunStopped(s.reason()) : new RunStopped(RunStopped.Reason.FAILED);
        }
        if (account.reached(budget)) {
            RunStopped reached = new RunStopped(RunStopped.Reason.BUDGET);
            stop.compareAndSet(null, reached);
            throw reached;
        }
    }
}

package com.authorworks.engine.llm.providers;

import com.authorworks.engine.llm.Completion;
import com.authorworks.engine.llm.CompletionRequest;
import com.authorworks.engine.llm.LanguageModel;
import com.authorworks.engine.llm.LanguageModelException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retries the failures that may pass ({@link LanguageModelException#retryable()}: rate limits,
 * overload, 5xx, timeouts, broken streams) a bounded number of times and for a bounded total wait,
 * waiting as the provider asked ({@code retry-after} on a 429, 503 or 529) or else backing off
 * exponentially with jitter. Invalid keys, prompts too long, refusals and bad requests (4xx) are
 * thrown at once: trying again cannot help. An interrupted caller (a cancelled run) is never retried.
 *
 * <p>A retried streaming call streams again from the start: a consumer of
 * {@link CompletionRequest#onDelta()} that saw a broken stream must be ready to see the text anew,
 * unless the policy does not {@linkplain Policy#restartsStreams() restart streams}. Each attempt after
 * the first is announced to {@link CompletionRequest#attempts()} just before it is sent: the failed one
 * may have been served (a cut stream is billed), and the caller accounts for it.
 */
public final class RetryingLanguageModel implements LanguageModel {

    private static final Logger log = LoggerFactory.getLogger(RetryingLanguageModel.class);

    /**
     * How hard to try. Every bound is explicit: a call is given up after {@code maxAttempts} calls
     * or once the waits between them would pass {@code maxTotalWait}, whichever comes first.
     *
     * @param maxAttempts     calls in all, the first included
     * @param baseDelay       the wait before the first retry when the provider named none; doubles each time
     * @param maxDelay        the longest backoff wait
     * @param maxRetryAfter   the longest wait a provider may ask for; asked for more, we give up at once
     *                        (so that a fallback provider can answer instead)
     * @param maxTotalWait    the most time spent waiting between the attempts of one call, all waits together
     * @param restartsStreams whether a stream that broke after it delivered text is asked again; false
     *                        where a person watches the text appear (they have seen its first words)
     */
    public record Policy(int maxAttempts, Duration baseDelay, Duration maxDelay, Duration maxRetryAfter, Duration maxTotalWait,
                         boolean restartsStreams) {

        /** For generation runs: 4 attempts, 1 s doubling to 30 s, retry-after up to 2 min, 5 min of waiting in all. */
        public static final Policy DEFAULT = new Policy(4, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(2),
                Duration.ofMinutes(5), true);

        /**
         * For a call a person watches stream (AI assist): 3 attempts, waits of at most 10 s and 15 s in
         * all, and a stream that already showed text is not started again.
         */
        public static final Policy INTERACTIVE = new Policy(3, Duration.ofMillis(500), Duration.ofSeconds(4), Duration.ofSeconds(10),
                Duration.ofSeconds(15), false);

        public Policy {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1");
            }
            Objects.requireNonNull(baseDelay, "baseDelay");
            Objects.requireNonNull(maxDelay, "maxDelay");
            Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
            Objects.requireNonNull(maxTotalWait, "maxTotalWait");
        }
    }

    /** Waits between attempts; tests pass one that records instead of sleeping. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final LanguageModel delegate;
    private final Policy policy;
    private final Sleeper sleeper;
    private final DoubleSupplier jitter;

    public RetryingLanguageModel(LanguageModel delegate) {
        this(delegate, Policy.DEFAULT);
    }

    public RetryingLanguageModel(LanguageModel delegate, Policy policy) {
        this(delegate, policy, Thread::sleep, () -> ThreadLocalRandom.current().nextDouble());
    }

    /**
     * @param jitter gives numbers in [0, 1); each backoff wait is between half and all of its
     *               exponential step ("equal jitter"), so parallel callers spread out
     */
    public RetryingLanguageModel(LanguageModel delegate, Policy policy, Sleeper sleeper, DoubleSupplier jitter) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.jitter = Objects.requireNonNull(jitter, "jitter");
    }

    @Override
    public String provider() {
        return delegate.provider();
    }

    public Policy policy() {
        return policy;
    }

    @Override
    public Completion complete(CompletionRequest request) {
        Duration waited = Duration.ZERO;
        LanguageModelException failed = null;
        for (int attempt = 1; ; attempt++) {
            AtomicBoolean streamed = new AtomicBoolean();
            CompletionRequest sent = request;
            if (request.streaming() && !policy.restartsStreams()) {
                var onDelta = request.onDelta();
                sent = request.withOnDelta(delta -> {
                    streamed.set(true);
                    onDelta.accept(delta);
                });
            }
            try {
                if (failed != null) {
                    request.attempts().resending(delegate.provider(), request.model(), failed);
                }
                return delegate.complete(sent);
            } catch (LanguageModelException failure) {
                failed = failure;
                if (!failure.retryable() || attempt >= policy.maxAttempts() || Thread.currentThread().isInterrupted() || streamed.get()) {
                    throw failure;
                }
                Duration wait = failure.retryAfter().orElse(null);
                if (wait != null && wait.compareTo(policy.maxRetryAfter()) > 0) {
                    throw failure;
                }
                if (wait == null) {
                    wait = backoff(attempt);
                }
                if (waited.plus(wait).compareTo(policy.maxTotalWait()) > 0) {
                    throw failure;
                }
                waited = waited.plus(wait);
                log.warn("{} call failed ({}: {}); attempt {} of {} in {} ms", delegate.provider(),
                        failure.getClass().getSimpleName(), failure.getMessage(), attempt + 1, policy.maxAttempts(),
                        wait.toMillis());
                try {
                    sleeper.sleep(wait);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw failure;
                }
            }
        }
    }

    private Duration backoff(int attempt) {
        long step = policy.baseDelay().toMillis() << Math.min(attempt - 1, 20);
        long capped = Math.min(step, policy.maxDelay().toMillis());
        return Duration.ofMillis(capped / 2 + (long) (jitter.getAsDouble() * (capped - capped / 2)));
    }
}

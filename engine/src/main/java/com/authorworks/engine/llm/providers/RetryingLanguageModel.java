package com.authorworks.engine.llm.providers;

import com.authorworks.engine.llm.Completion;
import com.authorworks.engine.llm.CompletionRequest;
import com.authorworks.engine.llm.LanguageModel;
import com.authorworks.engine.llm.LanguageModelException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retries the failures that may pass ({@link LanguageModelException#retryable()}: rate limits,
 * overload, 5xx, timeouts, broken streams) a bounded number of times, waiting as the provider asked
 * ({@code retry-after}) or else backing off exponentially with jitter. Invalid keys, prompts too
 * long, refusals and bad requests are thrown at once: trying again cannot help.
 *
 * <p>A retried streaming call streams again from the start: a consumer of
 * {@link CompletionRequest#onDelta()} that saw a broken stream must be ready to see the text anew.
 * Each attempt after the first is announced to {@link CompletionRequest#attempts()} just before it is
 * sent: the failed one may have been served (a cut stream is billed), and the caller accounts for it.
 */
public final class RetryingLanguageModel implements LanguageModel {

    private static final Logger log = LoggerFactory.getLogger(RetryingLanguageModel.class);

    /**
     * How hard to try.
     *
     * @param maxAttempts   calls in all, the first included
     * @param baseDelay     the wait before the first retry when the provider named none; doubles each time
     * @param maxDelay      the longest backoff wait
     * @param maxRetryAfter the longest wait a provider may ask for; asked for more, we give up at once
     *                      (so that a fallback provider can answer instead)
     */
    public record Policy(int maxAttempts, Duration baseDelay, Duration maxDelay, Duration maxRetryAfter) {

        public static final Policy DEFAULT =
                new Policy(4, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(2));

        public Policy {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1");
            }
            Objects.requireNonNull(baseDelay, "baseDelay");
            Objects.requireNonNull(maxDelay, "maxDelay");
            Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
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

    @Override
    public Completion complete(CompletionRequest request) {
        LanguageModelException failed = null;
        for (int attempt = 1; ; attempt++) {
            try {
                if (failed != null) {
                    request.attempts().resending(delegate.provider(), request.model(), failed);
                }
                return delegate.complete(request);
            } catch (LanguageModelException failure) {
                failed = failure;
                if (!failure.retryable() || attempt >= policy.maxAttempts()) {
                    throw failure;
                }
                Duration wait = failure.retryAfter().orElseGet(() -> null);
                if (wait != null && wait.compareTo(policy.maxRetryAfter()) > 0) {
                    throw failure;
                }
                if (wait == null) {
                    wait = backoff(attempt);
                }
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

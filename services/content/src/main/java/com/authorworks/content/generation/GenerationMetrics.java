package com.authorworks.content.generation;

import java.math.BigDecimal;
import java.util.Locale;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * What generation tells Prometheus, counted in the process that did it:
 * {@code authorworks_generation_jobs_total{outcome}} (how runs ended: completed, failed, cancelled,
 * budget_exhausted, awaiting_approval) and, per booked model call (generation and AI assist),
 * {@code authorworks_model_tokens_total{provider,direction="input"|"output"}} and
 * {@code authorworks_model_cost_usd_total{provider}}. A call is counted once, with the provider's
 * figures; one whose figures stay estimated (a cut stream, a process that died) is on the book's account
 * but not counted here.
 */
@Component
class GenerationMetrics {

    private final MeterRegistry registry;

    GenerationMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void ended(Job.JobState state) {
        Counter.builder("authorworks.generation.jobs").description("Generation runs by how they ended")
                .tag("outcome", state.name().toLowerCase(Locale.ROOT)).register(registry).increment();
    }

    void booked(String provider, long inputTokens, long outputTokens, BigDecimal costUsd) {
        String by = provider == null ? "unknown" : provider;
        tokens(by, "input").increment(inputTokens);
        tokens(by, "output").increment(outputTokens);
        Counter.builder("authorworks.model.cost").baseUnit("usd").description("What booked model calls cost")
                .tag("provider", by).register(registry).increment(costUsd == null ? 0 : costUsd.doubleValue());
    }

    private Counter tokens(String provider, String direction) {
        return Counter.builder("authorworks.model.tokens").baseUnit("tokens").description("Tokens of booked model calls")
                .tag("provider", provider).tag("direction", direction).register(registry);
    }
}

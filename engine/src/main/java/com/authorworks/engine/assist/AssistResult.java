package com.authorworks.engine.assist;

import com.authorworks.engine.llm.Usage;

import java.math.BigDecimal;

/**
 * The assistant's answer.
 *
 * @param text     the new text, to insert in place of the selection (or after the scene, for continue)
 * @param sample   whether the offline sample writer wrote it (its text says so too)
 * @param provider the provider that answered
 * @param model    the model that answered
 * @param usage    tokens as the provider reported them
 * @param costUsd  what the call cost, priced by the {@code PriceTable} given
 */
public record AssistResult(String text, boolean sample, String provider, String model, Usage usage, BigDecimal costUsd) {
}

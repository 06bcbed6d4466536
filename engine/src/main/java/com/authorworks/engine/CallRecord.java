package com.authorworks.engine;

import com.authorworks.engine.llm.Usage;

import java.math.BigDecimal;

/**
 * One paid model call, kept with the step that made it.
 *
 * @param id           unique to this call, so an account that sees it in several records (the step's
 *                     unfinished record, then the step's own) books it once; null in records written
 *                     before calls had ids
 * @param purpose      e.g. {@code draft}, {@code memory}, {@code retry after invalid JSON}
 * @param provider     who answered
 * @param model        which model answered
 * @param usage        tokens as the provider reported them
 * @param costUsd      priced with {@code priceVersion}
 * @param priceVersion the {@link PriceTable#version()} used
 */
public record CallRecord(String id, String purpose, String provider, String model, Usage usage, BigDecimal costUsd, String priceVersion) {
}

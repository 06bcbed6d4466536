package com.authorworks.engine;

import com.authorworks.engine.llm.Usage;

import java.math.BigDecimal;

/**
 * One model call (one attempt: a retried call is several), kept with the step that made it. A call is
 * on the account from the moment it is sent: first as an estimate, then with the provider's own count
 * once it answers.
 *
 * @param id           unique to this call, so an account that sees it in several records (the step's
 *                     unfinished record, then the step's own) or in several versions (estimated, then
 *                     answered) books it once; null in records written before calls had ids
 * @param purpose      e.g. {@code draft}, {@code memory}, {@code retry after invalid JSON}
 * @param provider     who answered (for an estimate: who was asked)
 * @param model        which model answered (for an estimate: which was asked)
 * @param usage        tokens as the provider reported them, or as estimated
 * @param costUsd      priced with {@code priceVersion}
 * @param priceVersion the {@link PriceTable#version()} used
 * @param estimated    whether {@code usage} is the engine's estimate, not the provider's report: input
 *                     counted from the prompt (cl100k, all of it priced as uncached input), output from
 *                     the text that had streamed. So is a call still in flight, one whose stream broke
 *                     or that failed after it began to answer, and one in flight when the process died.
 *                     (An attempt that failed before its first token — a 429, a 5xx, no connection — is
 *                     taken off the account again: providers do not bill a request they refused)
 */
public record CallRecord(String id, String purpose, String provider, String model, Usage usage, BigDecimal costUsd, String priceVersion,
                         boolean estimated) {
}

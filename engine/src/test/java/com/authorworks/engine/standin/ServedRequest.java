package com.authorworks.engine.standin;

import java.time.Instant;
import java.util.List;

/**
 * One request as the stand-in served it.
 *
 * @param id             the response id ({@code chatcmpl-standin-N} or {@code msg_standin_N}); also on error answers
 * @param received       when the request arrived
 * @param finished       when its last byte was sent
 * @param protocol       {@code openai} or {@code anthropic}
 * @param status         the HTTP status sent
 * @param inputTokens    every input token, cached ones included (what {@code prompt_tokens} or the sum of Anthropic's three input figures says)
 * @param cachedTokens   input tokens read from the prompt cache
 * @param cacheWriteTokens input tokens written to the prompt cache (Anthropic)
 * @param outputTokens   output tokens sent (for a cut stream, those sent before the cut)
 * @param maxTokens      the request's {@code max_tokens} / {@code max_completion_tokens}
 * @param stopReason     {@code stop}, {@code length}, {@code end_turn}, {@code max_tokens}, {@code tool_use}; null for an error or a cut stream
 * @param fault          the fault injected, or null
 * @param schemaName     the structured output's name (response_format json_schema name or forced tool), null for text
 * @param requestText    the system prompt and every message's text, joined by blank lines
 * @param responseText   the answer's text (for structured answers the JSON, as sent)
 * @param plantedTokens  tokens of the facts this answer planted
 * @param reportedTokens tokens of earlier facts this answer reported back (extraction and summaries)
 */
public record ServedRequest(String id, Instant received, Instant finished, String protocol, String model, int status, long inputTokens,
                            long cachedTokens, long cacheWriteTokens, long outputTokens, int maxTokens, String stopReason, Faults.Fault fault,
                            String schemaName, String requestText, String responseText, List<String> plantedTokens,
                            List<String> reportedTokens) {

    /** Whether a whole answer was delivered (2xx and not cut). */
    public boolean answered() {
        return status == 200 && fault != Faults.Fault.CUT_STREAM;
    }
}

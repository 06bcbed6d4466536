package com.authorworks.engine.internal;

import com.authorworks.engine.BookSpec;
import com.authorworks.engine.llm.Completion;
import com.authorworks.engine.llm.Message;
import com.authorworks.engine.llm.OutputFormat;

import java.util.List;

/**
 * Keeps the model's summaries to the length the engine allows: a summary that came out too long is
 * written again, shorter, by the summary model from itself (so the call's input is bounded by the answer
 * it shortens), and cut by the engine if the model still says too much. Never stored as the model wrote it.
 */
final class Compressor {

    private final BookSpec spec;
    private final CallGate gate;

    Compressor(BookSpec spec, CallGate gate) {
        this.spec = spec;
        this.gate = gate;
    }

    String bounded(String summary, int words, StepStore.PaidCalls calls) {
        if (Words.count(summary) <= words) {
            return summary.strip();
        }
        Completion shorter = gate.call("summary compression", spec.summaryModelOrDefault(), Prompts.keeper(spec),
                List.of(Message.user(Prompts.compression(Words.capped(summary, words * 8), words))), OutputFormat.text(), words * 2 + 50,
                0.3, calls);
        return Words.capped(shorter.text(), words);
    }
}

package com.authorworks.engine.internal;

import com.authorworks.engine.StepFailedException;
import com.authorworks.engine.StepKeys;
import com.authorworks.engine.llm.Completion;
import com.authorworks.engine.llm.Message;
import com.authorworks.engine.llm.OutputFormat;

import tools.jackson.core.JacksonException;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Structured answers: asks, binds, checks, and asks again with the problems until valid or out of tries. */
final class StructuredAsk {

    /**
     * One structured question.
     *
     * @param purpose   what its calls are booked as
     * @param step      the step that fails when no valid answer comes
     * @param check     the problems of a bound answer, in words a model can act on; empty when valid
     * @param maxTokens the most output tokens one answer may take
     */
    record Question<T>(String purpose, String step, Class<T> type, String system, String user, String schemaName, String schema,
                       Function<T, List<String>> check, String model, int maxTokens) {
    }

    private final CallGate gate;
    private final int tries;

    StructuredAsk(CallGate gate, int tries) {
        this.gate = gate;
        this.tries = tries;
    }

    /** How many times a step asks before it fails; a script scene's drafting call is asked as often ({@link SceneDrafts}). */
    int tries() {
        return tries;
    }

    /** The answer was cut at the length limit and the caller asked to hear of it at once ({@link #askWhole}). */
    static final class Cut extends RuntimeException {
        Cut(String step) {
            super(step + ": the answer was cut off at the length limit", null, false, false);
        }
    }

    <T> T ask(Question<T> q, StepStore.PaidCalls calls) {
        return ask(q, calls, false);
    }

    /**
     * The same, but an answer cut at the length limit is not asked again: {@link Cut} is thrown at once, for a
     * caller that can ask a smaller question instead (a summary of fewer items).
     */
    <T> T askWhole(Question<T> q, StepStore.PaidCalls calls) {
        return ask(q, calls, true);
    }

    private <T> T ask(Question<T> q, StepStore.PaidCalls calls, boolean cutThrows) {
        List<Message> messages = new ArrayList<>(List.of(Message.user(q.user())));
        List<String> problems = List.of();
        int maxTokens = q.maxTokens();
        for (int attempt = 1; attempt <= tries; attempt++) {
            String purpose = attempt == 1 ? q.purpose() : q.purpose().equals(StepKeys.kind(q.step())) ? "retry after invalid output"
                    : q.purpose() + " retry after invalid output";
            Completion completion = gate.call(purpose, q.model(), q.system(), messages, OutputFormat.json(q.schemaName(), q.schema()),
                    maxTokens, 0.4, calls);
            if (completion.finishReason() == Completion.FinishReason.MAX_TOKENS && cutThrows) {
                throw new Cut(q.step());
            }
            if (completion.finishReason() == Completion.FinishReason.MAX_TOKENS) {
                // a cut answer is never repaired or stored: ask afresh (without the cut text, which would only
                // grow the prompt), for a briefer answer, with room for once more output
                problems = List.of("the answer was cut off at the limit of " + maxTokens + " output tokens");
                messages = new ArrayList<>(List.of(Message.user(q.user() + "\n\nAn earlier answer to this was cut off at the length "
                        + "limit. Answer briefly: keep every text field short and list each item once.")));
                maxTokens = Math.min(q.maxTokens() * 2, maxTokens * 3 / 2);
                continue;
            }
            try {
                T value = Json.read(completion.text(), q.type());
                problems = q.check().apply(value);
                if (problems.isEmpty()) {
                    return value;
                }
            } catch (JacksonException e) {
                problems = List.of("not valid JSON for the schema: " + e.getOriginalMessage());
            }
            messages.add(Message.assistant(completion.text()));
            messages.add(Message.user("That answer is invalid:\n- " + String.join("\n- ", problems)
                    + "\nAnswer again with the complete corrected JSON."));
        }
        throw new StepFailedException(q.step(), "no valid answer after " + tries + " tries: " + String.join("; ", problems));
    }
}

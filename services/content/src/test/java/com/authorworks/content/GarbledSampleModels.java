package com.authorworks.content;

import java.util.concurrent.atomic.AtomicInteger;

import com.authorworks.engine.llm.Completion;
import com.authorworks.engine.llm.CompletionRequest;
import com.authorworks.engine.llm.OutputFormat;
import com.authorworks.engine.sample.SampleLanguageModel;

/**
 * Provider {@code garbled-sample}: the real offline sample writer, except that a test can have its
 * next answers for one JSON schema come back as prose, as a weak model's sometimes do. The call is
 * still paid for (the sample writer's usage is kept), so a step can fail after paying.
 */
public final class GarbledSampleModels extends AlteredSampleModels {

    private static volatile String schema = "";
    private static final AtomicInteger garbled = new AtomicInteger();

    public GarbledSampleModels() {
        super("garbled-sample");
    }

    /** The next {@code answers} answers for {@code schemaName} are not JSON. */
    static void garble(String schemaName, int answers) {
        schema = schemaName;
        garbled.set(answers);
    }

    @Override
    Completion complete(SampleLanguageModel sample, CompletionRequest request) {
        Completion answer = sample.complete(request);
        if (request.output() instanceof OutputFormat.Json json && json.name().equals(schema)
                && garbled.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return new Completion("I would rather tell you about it in prose.", answer.usage(), answer.model(), answer.provider(),
                    answer.finishReason());
        }
        return answer;
    }
}

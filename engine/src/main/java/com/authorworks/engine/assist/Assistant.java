package com.authorworks.engine.assist;

import com.authorworks.engine.PriceTable;
import com.authorworks.engine.internal.AssistPrompts;
import com.authorworks.engine.llm.Completion;
import com.authorworks.engine.llm.CompletionRequest;
import com.authorworks.engine.llm.LanguageModel;
import com.authorworks.engine.llm.Message;
import com.authorworks.engine.llm.OutputFormat;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Helps an author edit: one streamed text call per request, with the prompts of {@link AssistPrompts}.
 * Nothing is stored; the caller decides what to do with the text and books the cost.
 */
public final class Assistant {

    private Assistant() {
    }

    /**
     * Streams the answer to {@code onDelta} as the model writes it and returns it whole.
     *
     * @throws com.authorworks.engine.llm.LanguageModelException when the provider fails, also after some deltas
     */
    public static AssistResult assist(LanguageModel model, AssistRequest request, PriceTable prices, Consumer<String> onDelta) {
        Objects.requireNonNull(onDelta, "onDelta");
        Completion completion = model.complete(new CompletionRequest(request.model(), AssistPrompts.system(request.format(), request.style(), request.standing()),
                List.of(Message.user(AssistPrompts.user(request.format(), request.action().id(), request.sceneText(), request.selection(), request.instruction()))),
                AssistPrompts.temperature(request.action().id()),
                AssistPrompts.maxTokens(request.action().id(), request.selection()), OutputFormat.text(), true, request.key(), onDelta));
        return new AssistResult(completion.text().strip(), "sample".equals(completion.provider()), completion.provider(), completion.model(),
                completion.usage(), prices.cost(completion.provider(), completion.model(), completion.usage()));
    }
}

package com.authorworks.content;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.authorworks.engine.llm.Completion;
import com.authorworks.engine.llm.CompletionRequest;
import com.authorworks.engine.llm.Message;
import com.authorworks.engine.llm.OutputFormat;
import com.authorworks.engine.sample.SampleLanguageModel;

/** Provider {@code recording-sample}: the real offline sample writer, recording the user message of every prose (drafting) call. */
public final class RecordingSampleModels extends AlteredSampleModels {

    static final List<String> drafts = new CopyOnWriteArrayList<>();

    public RecordingSampleModels() {
        super("recording-sample");
    }

    @Override
    Completion complete(SampleLanguageModel sample, CompletionRequest request) {
        if (request.output() instanceof OutputFormat.Text) {
            drafts.add(String.join("\n", request.messages().stream().map(Message::content).toList()));
        }
        return sample.complete(request);
    }
}

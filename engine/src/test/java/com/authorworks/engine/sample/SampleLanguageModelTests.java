package com.authorworks.engine.sample;

import com.authorworks.engine.internal.Json;
import com.authorworks.engine.internal.OutlineSkeleton;
import com.authorworks.engine.internal.PlanChecks;
import com.authorworks.engine.internal.Schemas;
import com.authorworks.engine.internal.TokenCounter;
import com.authorworks.engine.internal.Words;
import com.authorworks.engine.llm.Completion;
import com.authorworks.engine.llm.CompletionRequest;
import com.authorworks.engine.llm.LanguageModels;
import com.authorworks.engine.llm.Message;
import com.authorworks.engine.llm.OutputFormat;
import com.authorworks.engine.llm.ProviderSettings;
import com.authorworks.engine.story.Cast;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SampleLanguageModelTests {

    private final SampleLanguageModel model = new SampleLanguageModel(1);

    @Test
    void isFoundByProviderName() {
        assertThat(LanguageModels.providers()).contains("sample");
        assertThat(LanguageModels.create(ProviderSettings.of("sample")).provider()).isEqualTo("sample");
    }

    @Test
    void writesMarkedProseOfTheRequestedLengthAndCountsItsTokens() {
        String prompt = "POV: Ada Quill\nCharacters present: Ada Quill, Bram Holloway\nSetting: the lighthouse\nBeats:\n- Ada finds the letter\n\nWrite about 800 words.";
        StringBuilder streamed = new StringBuilder();
        Completion c = model.complete(request(prompt, OutputFormat.text(), streamed));

        assertThat(c.text()).startsWith(SampleLanguageModel.MARKER).contains("Ada finds the letter").contains("the lighthouse");
        assertThat(Words.count(c.text())).isBetween(800, 900);
        assertThat(c.provider()).isEqualTo("sample");
        assertThat(c.usage().inputTokens()).isEqualTo(TokenCounter.count("system\n" + prompt));
        assertThat(c.usage().outputTokens()).isEqualTo(TokenCounter.count(c.text()));
        assertThat(streamed.toString()).isEqualTo(c.text());
    }

    @Test
    void theSameRequestGetsTheSameAnswerAndAnotherSeedAnother() {
        var request = request("Write about 200 words.", OutputFormat.text(), null);

        assertThat(model.complete(request).text()).isEqualTo(new SampleLanguageModel(1).complete(request).text())
                .isNotEqualTo(new SampleLanguageModel(2).complete(request).text());
    }

    @Test
    void answersTheEngineSchemasWithValidMarkedInstances() {
        Cast cast = Json.read(model.complete(request("Create the characters.", OutputFormat.json("characters", Schemas.characters()), null)).text(),
                Cast.class);
        assertThat(PlanChecks.cast(cast)).isEmpty();
        assertThat(cast.characters()).allSatisfy(c -> assertThat(c.description()).startsWith(SampleLanguageModel.SHORT_MARKER));

        List<String> names = new ArrayList<>(cast.names());
        OutlineSkeleton skeleton = Json.read(model.complete(request("Outline it. " + Json.write(cast),
                OutputFormat.json("outline", Schemas.outlineSkeleton(7, 3)), null)).text(), OutlineSkeleton.class);
        assertThat(PlanChecks.skeleton(skeleton, 7, 3)).isEmpty();
        OutlineSkeleton.ChapterScenes planned = Json.read(model.complete(request("Plan chapters 1 to 3. " + Json.write(cast),
                OutputFormat.json("chapter_scenes", Schemas.chapterScenes(3, names, 2, 4, 1500)), null)).text(), OutlineSkeleton.ChapterScenes.class);

        assertThat(PlanChecks.scenes(planned, 1, 3, "chapter", cast)).isEmpty();
        assertThat(planned.chapters()).hasSize(3).allSatisfy(ch -> assertThat(ch.scenes()).hasSizeBetween(2, 4)
                .allSatisfy(s -> assertThat(s.wordTarget()).isBetween(750, 2250)));
    }

    private static CompletionRequest request(String prompt, OutputFormat output, StringBuilder stream) {
        return new CompletionRequest("sample-writer", "system", List.of(Message.user(prompt)), 0.7, 4000, output, true, null,
                stream == null ? null : stream::append);
    }
}

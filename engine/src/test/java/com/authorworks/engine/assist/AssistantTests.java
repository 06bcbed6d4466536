package com.authorworks.engine.assist;

import com.authorworks.engine.Format;
import com.authorworks.engine.PriceTable;
import com.authorworks.engine.llm.Completion;
import com.authorworks.engine.llm.CompletionRequest;
import com.authorworks.engine.llm.LanguageModel;
import com.authorworks.engine.sample.SampleLanguageModel;
import com.authorworks.engine.story.Instructions;
import com.authorworks.engine.story.StyleGuide;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AssistantTests {

    static final String SCENE = "Mara climbed the lighthouse stairs with the letters in her coat.\n\nThe lamp room was cold. She read the first letter twice.";
    static final String SELECTION = "The lamp room was cold and the glass was fogged with salt. She read the first letter twice, "
            + "then a third time, slowly. Outside, the gulls argued over the rocks.";
    static final StyleGuide STYLE = new StyleGuide("spare, close third", "past", "third", List.of("short sentences"), List.of("few tags"),
            List.of("adverbs"));

    final SampleLanguageModel sample = new SampleLanguageModel(7);

    /** The sample writer, keeping the requests it was sent. */
    final class Recording implements LanguageModel {
        final List<CompletionRequest> seen = new ArrayList<>();

        @Override
        public String provider() {
            return "recording";
        }

        @Override
        public Completion complete(CompletionRequest request) {
            seen.add(request);
            return sample.complete(request);
        }
    }

    AssistResult ask(AssistAction action, String selection, List<String> deltas) {
        return Assistant.assist(sample, new AssistRequest(action, SCENE, selection, null, Format.NOVEL, STYLE, "sample-writer", null),
                PriceTable.current(), deltas::add);
    }

    static int words(String text) {
        return text.strip().split("\\s+").length;
    }

    @Test
    void theSampleWriterDoesWhatEachActionAsksAndSaysItIsSampleText() {
        List<String> deltas = new ArrayList<>();
        AssistResult continued = ask(AssistAction.CONTINUE, null, deltas);
        assertThat(continued.sample()).isTrue();
        assertThat(continued.text()).startsWith(SampleLanguageModel.MARKER).contains("\n\n").doesNotContain(SCENE);
        assertThat(String.join("", deltas).strip()).isEqualTo(continued.text());
        assertThat(deltas).hasSizeGreaterThan(1);
        assertThat(continued.usage().inputTokens()).isPositive();
        assertThat(continued.costUsd()).isZero();

        String shorter = ask(AssistAction.SHORTEN, SELECTION, new ArrayList<>()).text();
        assertThat(shorter).startsWith(SampleLanguageModel.SHORT_MARKER).contains("The lamp room was cold");
        assertThat(words(shorter)).isLessThan(words(SELECTION));

        String longer = ask(AssistAction.EXPAND, SELECTION, new ArrayList<>()).text();
        assertThat(longer).startsWith(SampleLanguageModel.SHORT_MARKER).contains(SELECTION);
        assertThat(words(longer)).isGreaterThan(words(SELECTION) + 10);

        String rewritten = ask(AssistAction.REWRITE, SELECTION, new ArrayList<>()).text();
        assertThat(rewritten).startsWith(SampleLanguageModel.SHORT_MARKER).doesNotContain(SELECTION);

        String fixed = ask(AssistAction.FIX_GRAMMAR, "the lamp room was cold , and i read the the letter.she wept", new ArrayList<>()).text();
        assertThat(fixed).isEqualTo(SampleLanguageModel.SHORT_MARKER + " The lamp room was cold, and I read the letter. She wept.");
    }

    @Test
    void theSampleWriterAnswersTheSameRequestTheSameWay() {
        assertThat(ask(AssistAction.REWRITE, SELECTION, new ArrayList<>()).text())
                .isEqualTo(ask(AssistAction.REWRITE, SELECTION, new ArrayList<>()).text());
    }

    @Test
    void thePromptCarriesTheTaskStyleSceneAndSelection() {
        Recording recording = new Recording();
        Assistant.assist(recording, new AssistRequest(AssistAction.SHORTEN, SCENE, SELECTION, "keep the gulls", Format.SCREENPLAY, STYLE,
                "claude-sonnet-4-5", null), PriceTable.current(), d -> { });

        CompletionRequest request = recording.seen.getFirst();
        assertThat(request.streaming()).isTrue();
        assertThat(request.system()).contains("Fountain").contains("Voice: spare, close third");
        assertThat(request.messages().getFirst().content()).contains("Task: shorten", "keep the gulls", SCENE, SELECTION);
        assertThat(request.maxTokens()).isLessThan(200);
    }

    @Test
    void theBooksStandingInstructionsCloseTheSystemPromptWithinTheirBound() {
        Recording recording = new Recording();
        String standing = "Always British spelling. " + "Never name the town. ".repeat(80);
        Assistant.assist(recording, new AssistRequest(AssistAction.REWRITE, SCENE, SELECTION, null, Format.NOVEL, STYLE, "m", null, standing),
                PriceTable.current(), d -> { });

        String system = recording.seen.getFirst().system();
        String carried = system.substring(system.indexOf("The author's standing instructions (they override the rest):\n"));
        assertThat(carried).contains("Always British spelling.").endsWith("Never name the town.");
        assertThat(carried.length()).isLessThan(Instructions.MAX_CHARS + 80);
    }

    @Test
    void everyActionButContinueNeedsASelection() {
        assertThat(AssistAction.parse("fix-grammar")).contains(AssistAction.FIX_GRAMMAR);
        assertThat(AssistAction.parse("summarise")).isEmpty();
        assertThatThrownBy(() -> new AssistRequest(AssistAction.EXPAND, SCENE, " ", null, null, null, "m", null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void assistInAScriptAsksForFountainInThePresentTense() {
        Recording recording = new Recording();
        String script = "INT. LAMP ROOM - NIGHT\n\nMara reads the letter.\n\nMARA\nHe was here.";

        Assistant.assist(recording, new AssistRequest(AssistAction.EXPAND, script, "Mara reads the letter.", null,
                Format.SCREENPLAY, STYLE, "sample-writer", null), PriceTable.current(), piece -> { });

        CompletionRequest asked = recording.seen.getFirst();
        assertThat(asked.system()).contains("Fountain").contains("Tense: present").doesNotContain("Tense: past").doesNotContain("no headings");
        assertThat(asked.messages().getFirst().content()).contains("action and dialogue").doesNotContain("interiority");
    }
}

package com.authorworks.engine.internal;

import com.authorworks.engine.story.ScenePosition;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

class UnrememberedSentencesTests {

    @Test
    void onlyEarlierScenesSentencesAboutTheSubjectsConcreteOnesFirstLaidOutInStoryOrder() {
        TreeMap<ScenePosition, String> drafted = new TreeMap<>();
        drafted.put(new ScenePosition(1, 2), "Ada Vell watched the door. The rain kept on. Ada took room 12 at the Old Mill.");
        drafted.put(new ScenePosition(2, 1), "Ben said nothing. Ada owes Ben 40 crowns.");
        drafted.put(new ScenePosition(3, 1), "Ada Vell left town with 9 keys.");

        UnrememberedSentences sentences = new UnrememberedSentences(new ScenePosition(3, 1), drafted, List.of("Ada Vell", "the Old Mill"));

        assertThat(sentences.items()).as("about the subjects: a figure and two subjects, then a figure, then the rest; never 3.1 itself or later")
                .containsExactly("Ada took room 12 at the Old Mill.", "Ada owes Ben 40 crowns.", "Ada Vell watched the door.");
        assertThat(sentences.render(sentences.items()))
                .isEqualTo("1.2: Ada Vell watched the door. Ada took room 12 at the Old Mill.\n2.1: Ada owes Ben 40 crowns.");
    }

    @Test
    void theyFitTheirShare() {
        TreeMap<ScenePosition, String> drafted = new TreeMap<>();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 400; i++) {
            text.append("Ada took room ").append(i).append(" at the Old Mill. ");
        }
        drafted.put(new ScenePosition(1, 1), text.toString());

        UnrememberedSentences sentences = new UnrememberedSentences(new ScenePosition(2, 1), drafted, List.of("Ada"));

        assertThat(sentences.items()).hasSize(400);
        assertThat(sentences.tokensWithin(600)).isPositive().isLessThanOrEqualTo(600);
    }

    @Test
    void theShareTheyAreSureOfGrowsWithTheScenesTheyComeFromBoundedAndTheyCountThoseScenes() {
        TreeMap<ScenePosition, String> drafted = new TreeMap<>();
        drafted.put(new ScenePosition(1, 1), "Ada took room 4 at the Old Mill. The rain kept on.");
        drafted.put(new ScenePosition(1, 2), "Nobody came. The rain kept on.");
        drafted.put(new ScenePosition(2, 1), "Ada owes Ben 40 crowns.");

        assertThat(new UnrememberedSentences(new ScenePosition(3, 1), drafted, List.of("Ada")).scenes()).as("1.2 names no subject").isEqualTo(2);
        assertThat(SceneContext.unrememberedShare(0)).isEqualTo(SceneContext.UNREMEMBERED_TOKENS);
        assertThat(SceneContext.unrememberedShare(2)).isEqualTo(SceneContext.UNREMEMBERED_TOKENS);
        assertThat(SceneContext.unrememberedShare(5)).isEqualTo(5 * SceneContext.UNREMEMBERED_TOKENS_PER_SCENE);
        assertThat(SceneContext.unrememberedShare(11)).isEqualTo(SceneContext.UNREMEMBERED_MOST_TOKENS)
                .isLessThan(SceneContext.LEDGER_AND_UNREMEMBERED_TOKENS);
    }

    @Test
    void theConcreteOnesAloneCanBeMeasured() {
        TreeMap<ScenePosition, String> drafted = new TreeMap<>();
        drafted.put(new ScenePosition(1, 1), "Ada watched the door. Ada took room 4 at the Old Mill. Ada listened to the rain for a long while.");

        UnrememberedSentences sentences = new UnrememberedSentences(new ScenePosition(2, 1), drafted, List.of("Ada"));

        int concrete = sentences.tokensWithin(600, true);
        assertThat(concrete).isEqualTo(TokenCounter.count(sentences.render(List.of("Ada took room 4 at the Old Mill."))));
        assertThat(sentences.tokensWithin(600)).isGreaterThan(concrete);
    }
}

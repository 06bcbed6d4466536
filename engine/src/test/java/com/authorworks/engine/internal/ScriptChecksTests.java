package com.authorworks.engine.internal;

import com.authorworks.engine.Format;

import org.junit.jupiter.api.Test;

import static com.authorworks.engine.internal.ScriptSamples.*;
import static org.assertj.core.api.Assertions.assertThat;

class ScriptChecksTests {

    @Test
    void aScreenplayInFountainIsAccepted() {
        assertThat(ScriptChecks.problems(Format.SCREENPLAY, NO_FRAME, SCREENPLAY)).isEmpty();
    }

    @Test
    void aFenceAroundAWholeScriptIsRemovedAndTheScriptAccepted() {
        String fenced = "```fountain\n" + SCREENPLAY + "```";

        assertThat(ScriptChecks.unfenced(fenced)).isEqualTo(SCREENPLAY.strip());
        assertThat(ScriptChecks.problems(Format.SCREENPLAY, NO_FRAME, ScriptChecks.unfenced(fenced))).isEmpty();
        assertThat(ScriptChecks.problems(Format.SCREENPLAY, NO_FRAME, fenced)).anyMatch(p -> p.contains("code fences"));
    }

    @Test
    void proseInsideACodeFenceIsRefusedWithWhatMakesItProse() {
        var problems = ScriptChecks.problems(Format.SCREENPLAY, NO_FRAME, ScriptChecks.unfenced(FENCED_PROSE));

        assertThat(problems).anyMatch(p -> p.startsWith("Start the scene with a scene heading"))
                .anyMatch(p -> p.contains("reads as narration"))
                .anyMatch(p -> p.contains("in quotation marks"))
                .anyMatch(p -> p.contains("past tense"));
    }

    @Test
    void proseUnderASceneHeadingIsStillRefused() {
        assertThat(ScriptChecks.problems(Format.SCREENPLAY, NO_FRAME, PROSE_UNDER_A_HEADING))
                .noneMatch(p -> p.contains("scene heading"))
                .anyMatch(p -> p.contains("in quotation marks"))
                .anyMatch(p -> p.contains("past tense"));
    }

    @Test
    void aSceneHeadingMustStandOnItsOwn() {
        assertThat(ScriptChecks.problems(Format.SCREENPLAY, NO_FRAME, HEADING_GLUED_TO_ACTION))
                .containsExactly("Put a blank line after the scene heading `INT. LAMP ROOM - NIGHT`: it must stand on its own.");
    }

    @Test
    void presentTenseActionWithAStrayPastVerbIsNotCalledPastTense() {
        String script = SCREENPLAY.replace("She lifts out a bundle", "The letters were his. She lifts out a bundle");

        assertThat(ScriptChecks.problems(Format.SCREENPLAY, NO_FRAME, script)).isEmpty();
    }

    @Test
    void markdownIsNotFountain() {
        String script = SCREENPLAY.replace("EDDA\n(under", "**EDDA**\n(under").replace("She lifts out", "- She lifts out");

        assertThat(ScriptChecks.problems(Format.SCREENPLAY, NO_FRAME, script)).anyMatch(p -> p.startsWith("Markdown formatting"));
    }

    @Test
    void aStagePlaySceneOpensWithItsActAndSceneHeadersAndHasStageDirections() {
        assertThat(STAGE_ACT_TWO_FRAME.opening()).containsExactly("> ACT TWO <", ".SCENE 1");
        assertThat(ScriptChecks.frame(Format.STAGE_PLAY, 2, 3, 3, 2).opening()).containsExactly(".SCENE 3");
        assertThat(ScriptChecks.problems(Format.STAGE_PLAY, STAGE_ACT_TWO_FRAME, STAGE_PLAY_ACT_TWO)).isEmpty();

        assertThat(ScriptChecks.problems(Format.STAGE_PLAY, STAGE_ACT_TWO_FRAME, STAGE_PLAY_ACT_TWO.replace("> ACT TWO <\n\n", "")))
                .containsExactly("The scene must open with `> ACT TWO <` then `.SCENE 1`, each line on its own with a blank line after it.");
        String noDirections = "> ACT TWO <\n\n.SCENE 1\n\nEDDA\nYou took your time.\n\nBRAM\nThe boat would not start.";
        assertThat(ScriptChecks.problems(Format.STAGE_PLAY, STAGE_ACT_TWO_FRAME, noDirections))
                .singleElement().asString().startsWith("There are no stage directions");
    }

    @Test
    void dialogueWrittenAsNameColonLineIsRefused() {
        assertThat(ScriptChecks.problems(Format.STAGE_PLAY, STAGE_ACT_TWO_FRAME, NAME_COLON_DIALOGUE))
                .anyMatch(p -> p.startsWith("Dialogue is written as `NAME: words`"));
    }

    @Test
    void aTvEpisodeHasAColdOpenThenActsEachClosedByItsBreak() {
        assertThat(ScriptChecks.frame(Format.TV_EPISODE, 1, 1, 1, 5)).satisfies(f -> {
            assertThat(f.opening()).containsExactly("> COLD OPEN <");
            assertThat(f.closing()).containsExactly("> END OF COLD OPEN <");
            assertThat(f.note()).contains("cold open");
        });
        assertThat(ScriptChecks.frame(Format.TV_EPISODE, 2, 1, 2, 5)).satisfies(f -> {
            assertThat(f.opening()).containsExactly("> ACT ONE <");
            assertThat(f.closing()).isEmpty();
        });
        assertThat(ScriptChecks.frame(Format.TV_EPISODE, 5, 2, 2, 5)).satisfies(f -> {
            assertThat(f.opening()).isEmpty();
            assertThat(f.closing()).containsExactly("> END OF ACT FOUR <");
            assertThat(f.note()).contains("act-out");
        });
        // an episode of one part: its first scene is the cold open, the rest act one
        assertThat(ScriptChecks.frame(Format.TV_EPISODE, 1, 2, 3, 1).opening()).containsExactly("> ACT ONE <");

        assertThat(ScriptChecks.problems(Format.TV_EPISODE, TV_COLD_OPEN_FRAME, TV_COLD_OPEN)).isEmpty();
        assertThat(ScriptChecks.problems(Format.TV_EPISODE, TV_COLD_OPEN_FRAME, COLD_OPEN_WITHOUT_ITS_BREAK))
                .containsExactly("The scene must end with `> END OF COLD OPEN <`, on its own line after a blank line.");
    }

    @Test
    void proseFormatsAreNotChecked() {
        assertThat(ScriptChecks.problems(Format.NOVEL, NO_FRAME, FENCED_PROSE)).isEmpty();
    }

    @Test
    void aQuotedSignAndASuperAreScreenplayNotProse() {
        String script = SCREENPLAY.replace("She lifts out a bundle", "A card on the boards reads \"Do not light the lamp again.\"\n\nSUPER: Ten years later\n\nShe lifts out a bundle");

        assertThat(ScriptChecks.problems(Format.SCREENPLAY, NO_FRAME, script)).isEmpty();
    }
}

package com.authorworks.engine;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StepKeysParseTests {

    @Test
    void aKeyIsReadBackAsItsPhaseChapterAndScene() {
        assertThat(StepKeys.parse(StepKeys.OUTLINE)).isEqualTo(new StepKeys.Step("plan/outline", "plan/outline", "plan", null, null));
        assertThat(StepKeys.parse(StepKeys.draft(12, 3))).isEqualTo(new StepKeys.Step("draft/c012/s03", "draft", "draft", 12, 3));
        assertThat(StepKeys.parse(StepKeys.revision(2, 1)).phase()).isEqualTo("revision");
        assertThat(StepKeys.parse(StepKeys.memory(2, 1))).extracting(StepKeys.Step::phase, StepKeys.Step::chapter, StepKeys.Step::scene)
                .containsExactly("summary", 2, 1);
        assertThat(StepKeys.parse(StepKeys.chapterSummary(7))).extracting(StepKeys.Step::phase, StepKeys.Step::chapter, StepKeys.Step::scene)
                .containsExactly("summary", 7, null);
        assertThat(StepKeys.parse(StepKeys.BOOK_SUMMARY).phase()).isEqualTo("summary");
        assertThat(StepKeys.parse(StepKeys.ASSIST).phase()).isEqualTo("assist");
        assertThat(StepKeys.parse("spec").phase()).isEqualTo("other");
        assertThat(StepKeys.parse("draft/c1/sx").phase()).isEqualTo("other");
    }
}

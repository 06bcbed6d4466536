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

    @Test
    void aKeysKindIsWhatCostBreakdownsGroupBy() {
        assertThat(StepKeys.kind(StepKeys.GENRE)).isEqualTo("plan/genre");
        assertThat(StepKeys.kind(StepKeys.draft(1, 2))).isEqualTo("draft");
        assertThat(StepKeys.kind(StepKeys.memory(1, 2))).isEqualTo("memory");
        assertThat(StepKeys.kind(StepKeys.revision(1, 2))).isEqualTo("revision");
        assertThat(StepKeys.kind(StepKeys.chapterSummary(3))).isEqualTo("summary");
        assertThat(StepKeys.kind(StepKeys.BOOK_SUMMARY)).isEqualTo("summary");
        assertThat(StepKeys.kind(StepKeys.ASSIST)).isEqualTo("assist");
    }

    @Test
    void recordsThatHoldPaidCallsNameTheStepThatPaid() {
        String part = StepKeys.partial(StepKeys.OUTLINE, "skeleton", "inputs");
        assertThat(StepKeys.paidFor(StepKeys.draft(1, 2))).isEqualTo("draft/c001/s02");
        assertThat(StepKeys.paidFor(StepKeys.unfinished(StepKeys.draft(1, 2), "run-1"))).isEqualTo("draft/c001/s02");
        assertThat(StepKeys.paidFor(part)).isEqualTo(StepKeys.OUTLINE);
        assertThat(StepKeys.paidFor(StepKeys.unfinished(part, "run-1"))).isEqualTo(StepKeys.OUTLINE);
        assertThat(StepKeys.paidFor(StepKeys.manifest(1, 2))).isNull();
        assertThat(StepKeys.paidFor("spec")).isNull();
    }
}

package com.authorworks.engine.internal;

import com.authorworks.engine.ContextManifest;
import com.authorworks.engine.story.Fact;
import com.authorworks.engine.story.ScenePosition;
import com.authorworks.engine.story.StoryLedger;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LedgerSelectionTests {

    @Test
    void oneSubjectsLongHistoryCannotPushTheOthersOutOfTheBudget() {
        StoryLedger ledger = new StoryLedger();
        for (int i = 1; i <= 200; i++) {
            ledger.record(new Fact("Mara", Fact.Kind.CHARACTER, "mark " + i, "scar number " + i, new ScenePosition(1 + i / 10, 1 + i % 10)));
        }
        ledger.record(new Fact("Ada", Fact.Kind.CHARACTER, "location", "the mill", new ScenePosition(2, 1)));
        ledger.record(new Fact("The Mill", Fact.Kind.PLACE, "state", "burned", new ScenePosition(3, 1)));
        ScenePosition now = new ScenePosition(40, 1);
        Map<String, List<Fact>> present = ledger.asOf(now, List.of("Mara", "Ada", "The Mill"));
        LedgerSelection selection = new LedgerSelection(present, Map.of());

        var part = new ContextBuilder.Part("story ledger", 4, 40, "Story ledger", selection.items(), false, false, 300, true, selection::render);
        var built = ContextBuilder.build("draft/c040/s01", "system", List.of(part), List.of(), 6_000);

        assertThat(built.user()).contains("Ada: location = the mill").contains("The Mill: state = burned").contains("Mara:");
        ContextManifest.Part listed = built.manifest().parts().get(1);
        assertThat(listed.status()).isEqualTo(ContextManifest.Status.TRUNCATED);
        assertThat(listed.tokens()).isLessThanOrEqualTo(300);
        assertThat(listed.included()).contains("Ada: location = the mill", "The Mill: state = burned");
        assertThat(listed.leftOut()).isNotEmpty().allSatisfy(item -> assertThat(item).startsWith("Mara: mark "));
        assertThat(listed.included().size() + listed.leftOut().size()).isEqualTo(202);
        // Mara's most recent marks went in before her oldest ones
        assertThat(listed.included()).contains("Mara: mark 200 = scar number 200").doesNotContain("Mara: mark 1 = scar number 1");
    }

    @Test
    void consequentialAndRecentFactsComeFirstAndSupersededOnesNeverAppear() {
        StoryLedger ledger = new StoryLedger();
        ledger.record(new Fact("Kit", Fact.Kind.CHARACTER, "location", "the quay", new ScenePosition(1, 1)));
        ledger.record(new Fact("Kit", Fact.Kind.CHARACTER, "hair", "red", new ScenePosition(1, 2)));
        ledger.record(new Fact("Kit", Fact.Kind.CHARACTER, "location", "the lamp room", new ScenePosition(2, 1)));
        ledger.record(new Fact("Kit", Fact.Kind.CHARACTER, "mood", "wary", new ScenePosition(2, 2)));
        Map<String, List<Fact>> present = new LinkedHashMap<>(ledger.asOf(new ScenePosition(3, 1), List.of("Kit")));

        List<String> items = new LedgerSelection(present, Map.of()).items();

        assertThat(items).containsExactly("Kit: location = the lamp room", "Kit: mood = wary", "Kit: hair = red");
    }

    @Test
    void aValueThatRepeatsTheEndOfItsAttributeRunsOnFromItAndOthersKeepTheirEqualsSign() {
        assertThat(LedgerSelection.entry("knows the ledger cipher", "the ledger cipher is 7199-ICE")).isEqualTo("knows the ledger cipher is 7199-ICE");
        assertThat(LedgerSelection.entry("carries the brass pocket watch", "the Brass Pocket Watch, tagged 6729-SWJ"))
                .isEqualTo("carries the brass pocket watch, tagged 6729-SWJ");
        assertThat(LedgerSelection.entry("injury to the left palm", "a cut across the left palm")).isEqualTo("injury to the left palm = a cut across the left palm");
        assertThat(LedgerSelection.entry("location", "room 12 at the mill")).isEqualTo("location = room 12 at the mill");
        assertThat(LedgerSelection.entry("owes the mill", "the mill")).as("nothing left to run on with").isEqualTo("owes the mill = the mill");
        assertThat(LedgerSelection.entry("holds the key", "the keystone")).as("one word is no repetition").isEqualTo("holds the key = the keystone");

        StoryLedger ledger = new StoryLedger();
        ledger.record(new Fact("Kit", Fact.Kind.CHARACTER, "knows the vault code", "the vault code is 4471", new ScenePosition(1, 1)));
        ledger.record(new Fact("Kit", Fact.Kind.CHARACTER, "location", "the quay", new ScenePosition(1, 2)));
        LedgerSelection selection = new LedgerSelection(ledger.asOf(new ScenePosition(2, 1), List.of("Kit")), Map.of());
        assertThat(selection.render(selection.items())).isEqualTo("Kit: knows the vault code is 4471; location = the quay");
    }
}

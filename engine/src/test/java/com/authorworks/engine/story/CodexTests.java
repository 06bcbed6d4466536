package com.authorworks.engine.story;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class CodexTests {

    private static Codex.Entry entry(String name, Codex.Pin pin, List<String> aliases, Codex.Fact... facts) {
        return new Codex.Entry("CHARACTER", name, aliases, "", pin, List.of(facts));
    }

    @Test
    void aSceneSeesAlwaysEntriesThenThoseItsPlanNamesThenThoseThePreviousSceneNamesNeverTheNeverOnes() {
        Codex codex = new Codex(List.of(
                entry("Previous", Codex.Pin.AUTO, List.of()),
                entry("Mara Vell", Codex.Pin.AUTO, List.of("the Widow")),
                entry("Oath", Codex.Pin.ALWAYS, List.of()),
                entry("Hidden", Codex.Pin.NEVER, List.of()),
                entry("Absent", Codex.Pin.AUTO, List.of())));

        List<Codex.Selected> seen = codex.asOf(3, "The widow crosses the marsh; Hidden waits", "Previous said goodbye.");

        assertThat(seen).extracting(s -> s.entry().name()).containsExactly("Oath", "Mara Vell", "Previous");
        assertThat(seen).extracting(Codex.Selected::reason)
                .containsExactly(Codex.Reason.ALWAYS, Codex.Reason.PLANNED, Codex.Reason.PREVIOUS_SCENE);
    }

    @Test
    void factsHoldFromTheirSceneTheLatestOfAnAttributeWinsAndAScenesOwnExtractedFactsAreNotItsInput() {
        Codex codex = new Codex(List.of(entry("Mara", Codex.Pin.ALWAYS, List.of(),
                new Codex.Fact("location = the inn", "location", 1, true),
                new Codex.Fact("location = the marsh", "location", 2, true),
                new Codex.Fact("has lost her left hand", null, 4, false),
                new Codex.Fact("fears the sea", null, 0, false),
                new Codex.Fact("location = the tower", "location", 4, true))));

        assertThat(codex.asOf(4, "", "").getFirst().facts()).extracting(Codex.Fact::text)
                .containsExactly("fears the sea", "location = the marsh", "has lost her left hand");
        assertThat(codex.asOf(2, "", "").getFirst().facts()).extracting(Codex.Fact::text)
                .containsExactly("fears the sea", "location = the inn");
        assertThat(codex.asOf(5, "", "").getFirst().text()).contains("- location = the tower").doesNotContain("the marsh");
    }

    @Test
    void scenesAreCountedThroughTheBook() {
        assertThat(Codex.sceneIndex(List.of(3, 2, 4), 1, 1)).isEqualTo(1);
        assertThat(Codex.sceneIndex(List.of(3, 2, 4), 3, 2)).isEqualTo(7);
    }
}

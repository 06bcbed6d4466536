package com.authorworks.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.authorworks.engine.story.Codex;

import tools.jackson.databind.json.JsonMapper;

/** A host's codex stands in for the ledger in every drafting prompt, under the ledger's share of the budget. */
class CodexPromptTests {

    @TempDir
    Path dir;

    @Test
    void aCodexOverItsShareLosesTheLeastImportantEntriesAndKeepsThePinnedOnesAndTheNeverOnesNeverGoIn() {
        List<Codex.Entry> entries = new ArrayList<>();
        // many entries every plan names ("the"), each long: together far over the share
        for (int i = 0; i < 120; i++) {
            entries.add(new Codex.Entry("LORE", "the", List.of(), "Filler entry " + i + " " + "about the salt marsh and its tides ".repeat(8),
                    Codex.Pin.AUTO, List.of()));
        }
        entries.add(new Codex.Entry("LORE", "Brine Oath", List.of(), "", Codex.Pin.ALWAYS,
                List.of(new Codex.Fact("every smuggler swears it at dawn", null, 0, false))));
        entries.add(new Codex.Entry("LORE", "Forbidden Lore", List.of("the"), "never to be told", Codex.Pin.NEVER, List.of()));
        var store = new FileCheckpointStore(dir);
        store.put(StepKeys.CODEX, JsonMapper.builder().build().writeValueAsString(new Codex(entries)));
        var engine = new GenerationEngine(new Books.Counting(), store, null, Books.options(2));

        assertThat(engine.start(Books.spec(2, 6_000, 1)).status()).isEqualTo(RunResult.Status.COMPLETED);

        List<String> drafts = engine.finishedSteps().stream().filter(k -> k.startsWith("draft/")).toList();
        assertThat(drafts).isNotEmpty();
        for (String key : drafts) {
            StepKeys.Step step = StepKeys.parse(key);
            ContextManifest manifest = engine.manifest(step.chapter(), step.scene()).orElseThrow();
            assertThat(manifest.parts()).noneMatch(p -> p.name().equals("story ledger"));
            ContextManifest.Part codex = manifest.parts().stream().filter(p -> p.name().equals("codex")).findFirst().orElseThrow();
            assertThat(codex.status()).isEqualTo(ContextManifest.Status.TRUNCATED);
            assertThat(codex.tokens()).isLessThanOrEqualTo(2_000);
            assertThat(codex.included().getFirst()).startsWith("Brine Oath (lore)").contains("- every smuggler swears it at dawn");
            assertThat(codex.included()).hasSizeLessThan(121);
            assertThat(codex.itemsTotal()).isEqualTo(121);
            assertThat(codex.included()).noneMatch(item -> item.startsWith("Forbidden Lore"));
            assertThat(codex.leftOut()).noneMatch(item -> item.startsWith("Forbidden Lore"));
            assertThat(manifest.usedTokens()).isLessThanOrEqualTo(manifest.budgetTokens());
        }
    }

    @Test
    void theAuthorsStandingInstructionsCloseEveryDraftingPrompt() {
        var store = new FileCheckpointStore(dir);
        store.put(StepKeys.INSTRUCTIONS, "  Always British spelling.\nNo profanity.  ");
        var engine = new GenerationEngine(new Books.Counting(), store, null, Books.options(2));

        assertThat(engine.start(Books.spec(1, 3_000, 1)).status()).isEqualTo(RunResult.Status.COMPLETED);

        List<String> drafts = engine.finishedSteps().stream().filter(k -> k.startsWith("draft/")).toList();
        assertThat(drafts).isNotEmpty();
        for (String key : drafts) {
            StepKeys.Step step = StepKeys.parse(key);
            ContextManifest manifest = engine.manifest(step.chapter(), step.scene()).orElseThrow();
            assertThat(manifest.parts()).anySatisfy(p -> {
                assertThat(p.name()).isEqualTo("author's instructions");
                assertThat(p.status()).isEqualTo(ContextManifest.Status.INCLUDED);
            });
            assertThat(manifest.prompt()).endsWith("## The author's standing instructions (they override the rest)\n\nAlways British spelling.\nNo profanity.");
        }
    }
}

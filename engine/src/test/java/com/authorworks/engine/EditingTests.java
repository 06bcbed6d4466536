package com.authorworks.engine;

import com.authorworks.engine.internal.Json;
import com.authorworks.engine.story.Genre;
import com.authorworks.engine.story.Outline;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EditingTests {

    @TempDir
    Path dir;

    @Test
    void regeneratingASceneInvalidatesOnlyWhatDependsOnIt() {
        var store = new FileCheckpointStore(dir);
        var engine = new GenerationEngine(new Books.Counting(), store, null, Books.options(2));
        engine.start(Books.spec(8, 36_000, 2));
        assertThat(engine.step(StepKeys.draft(5, 2))).as("chapters of 4,500 words have two to four scenes").isPresent();
        String chapterSix = engine.step(StepKeys.chapterSummary(6)).orElseThrow().content();

        Set<String> invalidated = engine.regenerate(StepKeys.draft(5, 2));

        assertThat(invalidated).contains(StepKeys.draft(5, 2), StepKeys.memory(5, 2), StepKeys.chapterSummary(5), StepKeys.BOOK_SUMMARY,
                StepKeys.draft(7, 1), StepKeys.chapterSummary(8));
        assertThat(invalidated).noneMatch(k -> k.matches("(draft|memory|summary)/c00[1-4].*"))
                .as("chapter 6 reads chapters up to 4 only").noneMatch(k -> k.contains("c006"))
                .doesNotContain(StepKeys.draft(5, 1), StepKeys.memory(5, 1), StepKeys.OUTLINE);
        assertThat(store.keys("")).doesNotContainAnyElementsOf(invalidated);

        Books.Counting again = new Books.Counting();
        new GenerationEngine(again, store, null, Books.options(2)).resume();

        long invalidatedSteps = invalidated.stream().filter(StepKeys::isStep).filter(k -> !k.matches("summary/c\\d+")).count();
        assertThat(again.calls.get()).as("one call per invalidated step (a chapter's summary comes with its last scene's memory)")
                .isEqualTo(invalidatedSteps);
        assertThat(invalidated).filteredOn(k -> k.matches("summary/c\\d+")).allSatisfy(k -> assertThat(engine.step(k)).get()
                .satisfies(r -> assertThat(r.calls()).isEmpty()));
        assertThat(engine.step(StepKeys.chapterSummary(6)).orElseThrow().content()).isEqualTo(chapterSix);
    }

    @Test
    void editingTheGenreKeepsTheEditAndRedoesEverythingAfterIt() {
        var store = new FileCheckpointStore(dir);
        var engine = new GenerationEngine(new Books.Counting(), store, null, Books.options(2));
        engine.start(Books.spec(2, 3_000, 1));

        String edited = Json.write(new Genre("gothic romance", List.of("coastal gothic"), "adults", "brooding", List.of("Rebecca")));
        Set<String> invalidated = engine.edit(StepKeys.GENRE, edited);

        assertThat(invalidated).contains(StepKeys.STYLE, StepKeys.OUTLINE, StepKeys.draft(1, 1), StepKeys.BOOK_SUMMARY);
        assertThat(store.keys("")).containsExactly(StepKeys.GENRE, StepKeys.SPEC);
        engine.resume();
        // the outline was planned again from the edited genre: every scene it now has is written and remembered
        Outline outline = Json.read(engine.step(StepKeys.OUTLINE).orElseThrow().content(), Outline.class);
        for (int c = 1; c <= 2; c++) {
            for (int s = 1; s <= outline.chapter(c).scenes().size(); s++) {
                assertThat(store.keys("")).contains(StepKeys.draft(c, s), StepKeys.memory(c, s));
            }
            assertThat(store.keys("")).contains(StepKeys.chapterSummary(c));
        }
        assertThat(store.keys("")).contains(StepKeys.actSummary(1), StepKeys.BOOK_SUMMARY);
        assertThat(engine.step(StepKeys.GENRE).orElseThrow()).satisfies(r -> {
            assertThat(r.edited()).isTrue();
            assertThat(r.content()).isEqualTo(edited);
        });
        assertThat(engine.cost().byStep()).doesNotContainKey(StepKeys.GENRE);
    }

    @Test
    void anInvalidEditIsRefusedAndNothingIsLost() {
        var store = new FileCheckpointStore(dir);
        var engine = new GenerationEngine(new Books.Counting(), store, null, Books.options(2));
        engine.start(Books.spec(2, 3_000, 1));
        List<String> keys = store.keys("");

        assertThatThrownBy(() -> engine.edit(StepKeys.OUTLINE, "{\"acts\": [], \"chapters\": []}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exactly 2 entries");
        assertThatThrownBy(() -> engine.edit(StepKeys.CHARACTERS, "not json")).isInstanceOf(IllegalArgumentException.class);
        assertThat(store.keys("")).isEqualTo(keys);
    }
}

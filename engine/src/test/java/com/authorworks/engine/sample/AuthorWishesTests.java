package com.authorworks.engine.sample;

import com.authorworks.engine.BookSpec;
import com.authorworks.engine.FileCheckpointStore;
import com.authorworks.engine.Format;
import com.authorworks.engine.GenerationEngine;
import com.authorworks.engine.EngineOptions;
import com.authorworks.engine.RunResult;
import com.authorworks.engine.StepKeys;
import com.authorworks.engine.internal.Json;
import com.authorworks.engine.internal.Prompts;
import com.authorworks.engine.story.Cast;
import com.authorworks.engine.story.Genre;
import com.authorworks.engine.story.Synopsis;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The sample writer's plan follows the author: their people, their genre, their idea, still labelled as sample text. */
class AuthorWishesTests {

    private static final String IDEA = "Mara Quill keeps the lighthouse on Skellig Rock. When her brother Tobias vanishes at sea, "
            + "Mara finds his letters hidden in the lamp room, and Tobias writes of a ship that never docked.";

    @TempDir
    Path dir;

    @Test
    void thePlanUsesTheAuthorsNamesGenreAndIdea() {
        var engine = new GenerationEngine(new SampleLanguageModel(7), new FileCheckpointStore(dir), e -> { },
                EngineOptions.defaults().withConcurrency(1));
        BookSpec spec = new BookSpec("The Lamp Room", IDEA, Format.NOVEL, 6_000, 3, "sample", "sample-writer", null, null, 1,
                "cosy mystery", "first person, dry humour");

        assertThat(engine.plan(spec).status()).isEqualTo(RunResult.Status.PLANNED);

        Genre genre = Json.read(engine.step(StepKeys.GENRE).orElseThrow().content(), Genre.class);
        assertThat(genre.genre()).isEqualTo("cosy mystery");
        Cast cast = Json.read(engine.step(StepKeys.CHARACTERS).orElseThrow().content(), Cast.class);
        assertThat(cast.names()).startsWith("Mara Quill", "Tobias");
        assertThat(cast.names()).doesNotContain("Skellig Rock".split(" ")[0]);
        Synopsis synopsis = Json.read(engine.step(StepKeys.SYNOPSIS).orElseThrow().content(), Synopsis.class);
        assertThat(synopsis.logline()).startsWith(SampleLanguageModel.SHORT_MARKER).contains("Mara Quill keeps the lighthouse on Skellig Rock.");

        assertThat(engine.resume().status()).isEqualTo(RunResult.Status.COMPLETED);
        String book = engine.markdown();
        assertThat(book).contains(SampleLanguageModel.MARKER).contains("Mara Quill").contains("Tobias");
    }

    @Test
    void genreAndStyleTravelAsTheirOwnLinesNotInsideTheIdea() {
        BookSpec spec = new BookSpec("T", "An idea.", Format.NOVEL, 6_000, 3, "sample", "m", null, null, 1, " cosy\nmystery ", "terse");

        String planner = Prompts.planner(spec);

        assertThat(planner).contains(Prompts.AUTHOR_GENRE + " cosy mystery\n").contains(Prompts.AUTHOR_STYLE + " terse\n")
                .endsWith(Prompts.AUTHOR_IDEA + "\nAn idea.");
        assertThat(Prompts.planner(new BookSpec("T", "An idea.", Format.NOVEL, 6_000, 3, "sample", "m", null, null, 1)))
                .doesNotContain(Prompts.AUTHOR_GENRE).doesNotContain(Prompts.AUTHOR_STYLE);
    }

    @Test
    void namesComeFromACharactersLineOrFromCapitalisedWordsInsideSentences() {
        assertThat(PromptFacts.names("A heist.\nCharacters: Ada Lovelace (inventor), Bram; Cleo and Dev\n"))
                .containsExactly("Ada Lovelace", "Bram", "Cleo", "Dev");
        assertThat(PromptFacts.names("The war ends. In Paris, old Jules Marceau waits for Anna. Jules never sleeps."))
                .containsExactly("Jules Marceau", "Anna");
        assertThat(PromptFacts.wishes("x\n\nThe author's idea:\nGenre: space opera\nA captain named Ilse Varga.").genre())
                .isEqualTo("space opera");
    }
}

package com.authorworks.engine.internal;

import com.authorworks.engine.BookSpec;
import com.authorworks.engine.DraftedBook;
import com.authorworks.engine.EngineOptions;
import com.authorworks.engine.FileCheckpointStore;
import com.authorworks.engine.Format;
import com.authorworks.engine.GenerationEngine;
import com.authorworks.engine.RunResult;
import com.authorworks.engine.sample.SampleLanguageModel;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import tools.jackson.core.type.TypeReference;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import static com.authorworks.engine.internal.ScriptSamples.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The script checks against a real Fountain parser, fountain-js 1.2.4 (installed from src/test/node's
 * package-lock.json on first use, like e2e/): {@link FountainReader} reads a script as it does, what they accept parses
 * into scene headings, character cues, dialogue, parentheticals and transitions, and the prose they refuse
 * parses into none of them.
 */
class ScriptChecksFountainTests {

    private static final Path NODE = Path.of("src/test/node");

    record Token(String type, String text) {
    }

    @BeforeAll
    static void installFountainJs() throws IOException, InterruptedException {
        if (!Files.isDirectory(NODE.resolve("node_modules/fountain-js"))) {
            // never the test JVM's own streams: surefire talks to its fork over stdin and stdout, and npm holding or
            // reading them corrupts that channel (the fork then hangs at exit)
            Path log = NODE.resolve("npm-ci.log");
            Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(NODE.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            npm.getOutputStream().close();
            assertThat(npm.waitFor(5, TimeUnit.MINUTES) && npm.exitValue() == 0).as("npm ci in " + NODE + " (see " + log + ")").isTrue();
        }
    }

    @Test
    void theChecksReadScriptsAsFountainJsDoes() throws Exception {
        List<String> scripts = List.of(SCREENPLAY, STAGE_PLAY_ACT_TWO, TV_COLD_OPEN, FENCED_PROSE, ScriptChecks.unfenced(FENCED_PROSE),
                PROSE_UNDER_A_HEADING, NAME_COLON_DIALOGUE, HEADING_GLUED_TO_ACTION,
                "FADE IN:\n\nEXT. PIER - DAY\n\n@McCLANE\nYippee.\n\nANNA ^\nMe too.\n\n~Row, row\n~your boat\n\n[[a note]]\n\n===\n\n# Act\n\n= synopsis\n\nFADE OUT.");

        List<List<Token>> parsed = fountainJs(scripts);

        for (int i = 0; i < scripts.size(); i++) {
            assertThat(ours(scripts.get(i))).as("script %d", i).isEqualTo(parsed.get(i));
        }
    }

    @Test
    void whatTheChecksAcceptParsesIntoEveryScriptElement() throws Exception {
        assertThat(ScriptChecks.problems(Format.SCREENPLAY, NO_FRAME, SCREENPLAY)).isEmpty();

        List<String> types = types(fountainJs(List.of(SCREENPLAY)).getFirst());

        assertThat(types).containsSubsequence("scene_heading", "action", "character", "parenthetical", "dialogue", "action", "character",
                "dialogue", "action", "transition");
    }

    @Test
    void theProseTheChecksRefuseHasNoCuesNoDialogueAndNoHeading() throws Exception {
        List<String> refused = List.of(ScriptChecks.unfenced(FENCED_PROSE), FENCED_PROSE, NAME_COLON_DIALOGUE);
        refused.forEach(text -> assertThat(ScriptChecks.problems(Format.SCREENPLAY, NO_FRAME, text)).isNotEmpty());

        List<List<Token>> parsed = fountainJs(refused);

        assertThat(types(parsed.get(0))).containsOnly("action");
        assertThat(types(parsed.get(1))).containsOnly("action");
        assertThat(types(parsed.get(2))).doesNotContain("character", "dialogue");
        // a heading glued to its first action line is not a heading, to fountain-js either: it reads a character cue
        assertThat(types(fountainJs(List.of(HEADING_GLUED_TO_ACTION)).getFirst())).startsWith("character", "dialogue");
    }

    @ParameterizedTest
    @EnumSource(value = Format.class, names = {"SCREENPLAY", "STAGE_PLAY", "TV_EPISODE"})
    void theSampleWriterWritesScenesTheChecksAndFountainJsAccept(Format format, @TempDir Path dir) throws Exception {
        BookSpec spec = new BookSpec("Tide Tables", "Two radio operators on opposite shores.", format, 4_000, 3, "sample", "sample-writer",
                null, null, 1);
        var store = new FileCheckpointStore(dir);
        assertThat(new GenerationEngine(new SampleLanguageModel(11), store, null, EngineOptions.defaults()).start(spec).status())
                .isEqualTo(RunResult.Status.COMPLETED);
        DraftedBook book = GenerationEngine.bookOf(store);
        List<String> scenes = new ArrayList<>();
        for (DraftedBook.Chapter chapter : book.chapters()) {
            for (DraftedBook.Scene scene : chapter.scenes()) {
                String text = scene.text().orElseThrow();
                assertThat(ScriptChecks.problems(format, ScriptChecks.frame(format, chapter.number(), scene.number(), chapter.scenes().size(),
                        book.chapters().size()), text)).as("chapter %d scene %d", chapter.number(), scene.number()).isEmpty();
                assertThat(text).contains(SampleLanguageModel.MARKER);
                scenes.add(text);
            }
        }

        List<List<Token>> parsed = fountainJs(scenes);

        for (int i = 0; i < scenes.size(); i++) {
            assertThat(ours(scenes.get(i))).isEqualTo(parsed.get(i));
            assertThat(types(parsed.get(i))).contains("scene_heading", "action", "character", "dialogue");
            assertThat(parsed.get(i)).as("labelled sample text").contains(new Token("centered", SampleLanguageModel.MARKER));
        }
        List<Token> opening = parsed.getFirst();
        switch (format) {
            case STAGE_PLAY -> assertThat(opening.subList(0, 2)).containsExactly(new Token("centered", "ACT ONE"),
                    new Token("scene_heading", "SCENE 1"));
            case TV_EPISODE -> {
                assertThat(opening.getFirst()).isEqualTo(new Token("centered", "COLD OPEN"));
                assertThat(parsed.getLast().getLast()).isEqualTo(new Token("centered", "END OF ACT TWO"));
            }
            default -> assertThat(opening.get(1).type()).isEqualTo("scene_heading");
        }
    }

    private static List<Token> ours(String text) {
        return FountainReader.elements(text).stream().map(e -> new Token(e.type().name().toLowerCase(Locale.ROOT), e.text())).toList();
    }

    private static List<String> types(List<Token> tokens) {
        return tokens.stream().map(Token::type).toList();
    }

    /** One node process for all the scripts given: their tokens as fountain-js 1.2.4 reads them. */
    private static List<List<Token>> fountainJs(List<String> scripts) throws IOException, InterruptedException {
        Process node = new ProcessBuilder("node", "tokens.mjs").directory(NODE.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (var in = node.getOutputStream()) {
            in.write(Json.write(scripts).getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(node.waitFor(1, TimeUnit.MINUTES) && node.exitValue() == 0).as("node tokens.mjs").isTrue();
        return Json.MAPPER.readValue(out, new TypeReference<List<List<Token>>>() { });
    }
}

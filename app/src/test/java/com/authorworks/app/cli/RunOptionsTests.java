package com.authorworks.app.cli;

import com.authorworks.app.cli.FlakyChatServer.Fault;
import com.authorworks.engine.EngineOptions;
import com.authorworks.engine.FileCheckpointStore;
import com.authorworks.engine.GenerationEngine;
import com.authorworks.engine.sample.SampleLanguageModel;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The model stack and defaults the CLI runs a book with. */
class RunOptionsTests {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(Map<String, String> environment, String... args) {
        CommandLine line = AuthorWorksCommand.commandLine();
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        ((GenerateCommand) line.getSubcommands().get("generate").getCommand()).run.environment = environment;
        ((ResumeCommand) line.getSubcommands().get("resume").getCommand()).run.environment = environment;
        return line.execute(args);
    }

    @Test
    void generateWritesTheWholeBookThroughRateLimitsOutagesAndACutAnswerWithoutAResume() throws Exception {
        Path book = dir.resolve("book");
        try (var provider = new FlakyChatServer(Map.of(1, Fault.RATE_LIMITED, 3, Fault.UNAVAILABLE, 6, Fault.SERVER_ERROR,
                9, Fault.CUT_BODY, 10, Fault.RATE_LIMITED))) {

            int exit = run(Map.of(), "generate", "--title", "Salt and Signal", "--format", "short-story", "--provider", "openai-compatible",
                    "--model", "sample-writer", "--base-url", provider.baseUrl().toString(), "--out", book.toString());

            assertThat(exit).as(err.toString()).isZero();
            assertThat(out.toString()).contains("Done.");
            assertThat(provider.served()).containsExactlyInAnyOrder(Fault.RATE_LIMITED, Fault.UNAVAILABLE, Fault.SERVER_ERROR, Fault.CUT_BODY,
                    Fault.RATE_LIMITED);
            assertThat(provider.requests()).isEqualTo(provider.answered() + 5);
            var engine = new GenerationEngine(new SampleLanguageModel(1), new FileCheckpointStore(book), null, EngineOptions.defaults());
            // the cut answer was served too (half of it): it is on the account as well, flagged as estimated
            assertThat(engine.cost().calls()).as("every served call on the account, each once").isEqualTo(provider.answered() + 1);
            assertThat(engine.cost().estimatedCalls()).as("the cut answer, counted from what streamed").isEqualTo(1);
        }
        assertThat(book.resolve("book.md")).exists();
    }

    @Test
    void theFallbackAnswersWhenTheBooksProviderStaysDown() throws Exception {
        Path book = dir.resolve("book");
        try (var down = new FlakyChatServer(Map.of(1, Fault.UNAVAILABLE, 2, Fault.UNAVAILABLE, 3, Fault.UNAVAILABLE, 4, Fault.UNAVAILABLE));
             var standby = new FlakyChatServer(Map.of())) {

            int exit = run(Map.of("OPENAI_COMPATIBLE_BASE_URL", standby.baseUrl().toString()),
                    "generate", "--title", "Salt and Signal", "--format", "short-story", "--provider", "openai-compatible", "--model",
                    "sample-writer", "--base-url", down.baseUrl().toString(), "--fallback", "openai-compatible:sample-writer",
                    "--out", book.toString());

            assertThat(exit).as(err.toString()).isZero();
            assertThat(down.served()).hasSize(4);
            assertThat(standby.answered()).isPositive();
        }
    }

    @Test
    void withoutAChapterWindowTheBookIsDraftedWithAsManyChaptersOpenAsTheStreamsCanUse() throws Exception {
        Path book = dir.resolve("book");

        assertThat(run(Map.of(), "generate", "--title", "Wide", "--chapters", "14", "--words", "14000", "--concurrency", "8",
                "--out", book.toString())).as(err.toString()).isZero();

        assertThat(GenerationEngine.specIn(new FileCheckpointStore(book)).orElseThrow().chapterWindow()).isEqualTo(12);
        assertThat(err.toString()).doesNotContain("Note:");
    }

    @Test
    void aChapterWindowNarrowerThanTheStreamsIsSaidToLeaveThemIdle() {
        Path book = dir.resolve("book");

        assertThat(run(Map.of(), "generate", "--title", "Narrow", "--chapters", "6", "--words", "6000", "--concurrency", "8",
                "--chapter-window", "2", "--out", book.toString())).as(err.toString()).isZero();
        assertThat(err.toString()).contains("Note: --concurrency 8: only 2 of 8 streams can be used while drafting: each chapter is "
                + "drafted one call at a time and the chapter window is 2; a wider --chapter-window uses them.");

        assertThat(run(Map.of(), "resume", book.toString(), "--concurrency", "3")).isZero();
        assertThat(err.toString()).contains("only 2 of 3 streams").contains("the chapter window is part of the book");
    }

    @Test
    void aProviderWhoseKeyIsMissingNamesItsVariable() {
        assertThat(run(Map.of(), "generate", "--title", "Keyless", "--provider", "gemini", "--out", dir.resolve("x").toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("Set GEMINI_API_KEY to use gemini");
        assertThat(dir.resolve("x")).doesNotExist();
    }
}

package com.authorworks.app.cli;

import com.authorworks.engine.sample.SampleLanguageModel;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class BookCommandsTests {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine line = AuthorWorksCommand.commandLine();
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        return line.execute(args);
    }

    @Test
    void generateThenExportWritesTheWholeBookAsMarkdown() throws Exception {
        Path book = dir.resolve("book");

        int generated = run("generate", "--title", "Salt and Signal", "--braindump", "Two radio operators on opposite shores.",
                "--chapters", "5", "--words", "8000", "--concurrency", "3", "--out", book.toString());

        assertThat(generated).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Done.").contains("book.md");
        assertThat(book.resolve("checkpoints/spec.json")).exists();
        assertThat(book.resolve("checkpoints/manifest/c005/s01.json")).exists();

        Path exported = dir.resolve("exported.md");
        assertThat(run("export", book.toString(), "--format", "md", "--output", exported.toString())).isZero();
        String markdown = Files.readString(exported);
        assertThat(markdown).startsWith("# Salt and Signal").contains("## Chapter 5: ").contains(SampleLanguageModel.MARKER)
                .doesNotContain("Not drafted yet");
        assertThat(markdown).isEqualTo(Files.readString(book.resolve("book.md")));
    }

    @Test
    void resumeOfAFinishedBookCallsNothingAgain() {
        Path book = dir.resolve("book");
        assertThat(run("generate", "--title", "Short", "--format", "short-story", "--out", book.toString())).isZero();

        assertThat(run("resume", book.toString())).isZero();

        assertThat(out.toString()).contains("Done.");
        assertThat(out.toString().lines().filter(l -> l.startsWith("Done.")).distinct()).as("same totals after resume").hasSize(1);
    }

    @Test
    void estimateNamesTokensAndCostWithoutWriting() {
        assertThat(run("estimate", "--title", "Big", "--provider", "anthropic", "--chapters", "12", "--words", "60000")).isZero();

        assertThat(out.toString()).contains("claude-sonnet-4-5").contains("input tokens").contains("about $");
        assertThat(dir.toFile().list()).isEmpty();
    }

    @Test
    void badInputGetsAMessageNotAStackTrace() {
        assertThat(run("generate", "--title", "X", "--format", "limerick", "--out", dir.resolve("x").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown format 'limerick'").doesNotContain("Exception");

        assertThat(run("export", dir.resolve("nothing-here").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("holds no book");
    }
}

package com.authorworks.app.cli;

import com.authorworks.engine.BookSpec;
import com.authorworks.engine.ChapterWindow;
import com.authorworks.engine.Format;
import com.authorworks.engine.llm.ProviderCatalogue;

import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** What to write: the options {@code generate} and {@code estimate} share. */
final class BookOptions {

    @Option(names = "--title", required = true, description = "Working title.")
    String title;

    @Option(names = "--braindump", description = "Your idea, as text.")
    String braindump;

    @Option(names = "--braindump-file", description = "Your idea, from a file.")
    Path braindumpFile;

    @Option(names = "--format", defaultValue = "novel",
            description = "novel, novella, short-story, screenplay, stage-play, tv-episode or non-fiction (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--words", description = "Target length in words (default: depends on the format).")
    Integer words;

    @Option(names = "--chapters", description = "Number of chapters (default: depends on the format).")
    Integer chapters;

    @Option(names = "--provider", defaultValue = "sample",
            description = "sample (offline, no AI), anthropic, openai, gemini, ollama or openai-compatible (default: ${DEFAULT-VALUE}); "
                    + "see docs/providers.md for each one's default models and key variable.")
    String provider;

    @Option(names = "--model", description = "Model that plans and drafts (default: the provider's recommended one).")
    String model;

    @Option(names = "--summary-model", description = "Cheaper model for summaries and fact extraction (default: the provider's small one).")
    String summaryModel;

    @Option(names = "--chapter-window",
            description = "How many chapters may be drafted side by side (1 = strictly in order; default: follows --concurrency, "
                    + "4 up to 4 streams and 2 more for each stream above that, e.g. 12 for 8).")
    Integer chapterWindow;

    @Option(names = "--budget", description = "Stop cleanly once the book has cost this many US dollars.")
    BigDecimal budget;

    /** The book; unless {@code --chapter-window} is given, its window follows the {@code concurrency} it will run with. */
    BookSpec spec(int concurrency) {
        Format f;
        try {
            f = Format.parse(format);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown format '" + format + "'");
        }
        String idea = braindump;
        if (braindumpFile != null) {
            try {
                idea = Files.readString(braindumpFile);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + braindumpFile, e);
            }
        }
        if (idea == null || idea.isBlank()) {
            idea = "A story called \"" + title + "\".";
        }
        String p = provider.strip().toLowerCase(Locale.ROOT);
        ProviderCatalogue.Provider known = ProviderCatalogue.require(p);
        String m = known.model(model).orElseThrow(() -> new IllegalArgumentException("--model is required for provider " + p));
        String sm = known.summaryModel(model, summaryModel).orElse(m);
        return new BookSpec(title, idea, f, words != null ? words : f.defaultWords(), chapters != null ? chapters : f.defaultChapters(),
                p, m, sm, budget, chapterWindow != null ? chapterWindow : ChapterWindow.forConcurrency(concurrency));
    }
}

package com.authorworks.app.cli;

import com.authorworks.engine.BookSpec;
import com.authorworks.engine.Format;

import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** What to write: the options {@code generate} and {@code estimate} share. */
final class BookOptions {

    /** The model each provider plans and drafts with, and its cheaper model for summaries, unless told otherwise. */
    private static final Map<String, String[]> DEFAULT_MODELS = Map.of(
            "sample", new String[] {"sample-writer", "sample-writer"},
            "anthropic", new String[] {"claude-sonnet-4-5", "claude-haiku-4-5"},
            "openai", new String[] {"gpt-5", "gpt-5-mini"},
            "gemini", new String[] {"gemini-2.5-pro", "gemini-2.5-flash"},
            "ollama", new String[] {"llama3.1", "llama3.1"});

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
            description = "sample (offline, no AI), anthropic, openai, gemini, ollama or openai-compatible (default: ${DEFAULT-VALUE}).")
    String provider;

    @Option(names = "--model", description = "Model that plans and drafts (default: the provider's recommended one).")
    String model;

    @Option(names = "--summary-model", description = "Cheaper model for summaries and fact extraction (default: the provider's small one).")
    String summaryModel;

    @Option(names = "--chapter-window", defaultValue = "4",
            description = "How many chapters may be drafted side by side (default: ${DEFAULT-VALUE}; 1 = strictly in order).")
    int chapterWindow;

    @Option(names = "--budget", description = "Stop cleanly once the book has cost this many US dollars.")
    BigDecimal budget;

    BookSpec spec() {
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
        String p = provider.toLowerCase(Locale.ROOT);
        String[] defaults = DEFAULT_MODELS.get(p);
        String m = model != null ? model : defaults != null ? defaults[0] : null;
        if (m == null) {
            throw new IllegalArgumentException("--model is required for provider " + p);
        }
        String sm = summaryModel != null ? summaryModel : model == null && defaults != null ? defaults[1] : m;
        return new BookSpec(title, idea, f, words != null ? words : f.defaultWords(), chapters != null ? chapters : f.defaultChapters(),
                p, m, sm, budget, chapterWindow);
    }
}

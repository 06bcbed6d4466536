package com.authorworks.content.generation;

import java.math.BigDecimal;
import java.util.Optional;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import com.authorworks.engine.BookSpec;
import com.authorworks.engine.ChapterWindow;
import com.authorworks.engine.EngineOptions;
import com.authorworks.engine.Format;
import com.authorworks.engine.llm.ProviderCatalogue;
import com.authorworks.platform.Problem;

/**
 * What to generate, as the author asks for it; unset numbers take the format's defaults. Kept on
 * the job so a resumed or restarted job runs exactly the same spec.
 */
record GenerationRequest(@NotBlank @Size(max = 300) String title, @NotBlank @Size(max = 20_000) String braindump, String format,
                         @Min(250) @Max(1_000_000) Integer targetWords, @Min(1) @Max(200) Integer chapters,
                         @Size(max = 40) String provider, @Size(max = 100) String model, @Size(max = 100) String summaryModel,
                         @DecimalMin("0") BigDecimal budgetUsd, @Min(1) @Max(20) Integer chapterWindow, Boolean approveOutline,
                         @Size(max = 300) String genre, @Size(max = 2_000) String style) {

    /** A request without genre or style wishes (the planner decides both from the idea). */
    GenerationRequest(String title, String braindump, String format, Integer targetWords, Integer chapters, String provider, String model,
            String summaryModel, BigDecimal budgetUsd, Integer chapterWindow, Boolean approveOutline) {
        this(title, braindump, format, targetWords, chapters, provider, model, summaryModel, budgetUsd, chapterWindow, approveOutline, null,
                null);
    }

    static final String SAMPLE = ProviderCatalogue.SAMPLE;

    /**
     * The engine's spec; an impossible combination is a 400 {@code invalid-generation-request}. Unset
     * models take the provider's defaults, and an unset chapter window follows the streams the job runs with.
     */
    BookSpec spec() {
        Format f = engineFormat();
        try {
            return new BookSpec(title.strip(), braindump, f, targetWords == null ? f.defaultWords() : targetWords,
                    chapters == null ? f.defaultChapters() : chapters, providerName(), modelName(), summaryModelName(), budgetUsd,
                    chapterWindow == null ? ChapterWindow.forConcurrency(EngineOptions.defaults().concurrency()) : chapterWindow,
                    genre, style);
        } catch (IllegalArgumentException e) {
            throw Problem.badRequest("invalid-generation-request", e.getMessage());
        }
    }

    Format engineFormat() {
        try {
            return format == null ? Format.NOVEL : Format.parse(format);
        } catch (IllegalArgumentException e) {
            throw Problem.badRequest("invalid-format", "format must be one of novel, novella, short-story, screenplay, "
                    + "stage-play, tv-episode, non-fiction; was " + format);
        }
    }

    String providerName() {
        return provider == null || provider.isBlank() ? SAMPLE : provider.strip().toLowerCase(java.util.Locale.ROOT);
    }

    /** The model that plans and drafts: the author's, else the provider's default; a 400 when there is neither. */
    String modelName() {
        return namedOrDefaultModel().orElseThrow(() -> Problem.badRequest("model-required", "Name the model to use with " + providerName()
                + ": it has no default."));
    }

    /** The model as the job's status shows it; null for a job from before models were filled in that named none. */
    String shownModel() {
        return namedOrDefaultModel().orElse(null);
    }

    private Optional<String> namedOrDefaultModel() {
        Optional<String> named = model == null || model.isBlank() ? Optional.empty() : Optional.of(model.strip());
        return ProviderCatalogue.find(providerName()).map(p -> p.model(model)).orElse(named);
    }

    /** The model for summaries and extraction: the author's, else the provider's cheaper one when no model was named. */
    String summaryModelName() {
        return ProviderCatalogue.find(providerName()).flatMap(p -> p.summaryModel(model, summaryModel))
                .orElse(summaryModel == null || summaryModel.isBlank() ? null : summaryModel.strip());
    }

    /**
     * The request with its defaults filled in, as it is kept on the job: a later change of a default
     * never changes a book that is already being written.
     */
    GenerationRequest resolved() {
        BookSpec spec = spec();
        return new GenerationRequest(title, braindump, format, targetWords, chapters, spec.provider(), spec.model(), spec.summaryModel(),
                budgetUsd, spec.chapterWindow(), approveOutline,
                spec.genre(), spec.style());
    }

    /** Whether the job writes the plan only and waits for the author to approve the outline. */
    boolean approvesOutline() {
        return Boolean.TRUE.equals(approveOutline);
    }

    GenerationRequest withBudget(BigDecimal budget) {
        return new GenerationRequest(title, braindump, format, targetWords, chapters, provider, model, summaryModel, budget, chapterWindow,
                approveOutline, genre, style);
    }

    /** The same book, drafted to the end: what resuming after the outline was approved runs. */
    GenerationRequest drafting() {
        return new GenerationRequest(title, braindump, format, targetWords, chapters, provider, model, summaryModel, budgetUsd, chapterWindow,
                null, genre, style);
    }
}

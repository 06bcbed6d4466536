package com.authorworks.engine;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What to write and with which model: the input of a generation run, stored as its first checkpoint.
 *
 * @param title         the working title
 * @param braindump     the author's raw idea, any length
 * @param format        the kind of work
 * @param targetWords   how long the finished work should be
 * @param chapters      how many chapters (sequences, acts...) the outline must have
 * @param provider      the model provider, e.g. {@code anthropic}, {@code sample}
 * @param model         the model that plans and drafts
 * @param summaryModel  a cheaper model for summaries and fact extraction; null uses {@code model}
 * @param budgetUsd     the most the run may spend; null for no cap. Raising it lets a stopped run resume
 * @param chapterWindow how many chapters may be drafted side by side. Chapter N sees the drafted text of
 *                      chapters up to N - window and the plan of the ones in between, so the book depends on
 *                      this number but never on thread timing
 * @param genre         the genre the author asked for, in their words ("cosy mystery"); null or blank leaves it to the planner
 * @param style         the author's style wishes ("first person, present tense, dry humour"); null or blank for none
 */
public record BookSpec(String title, String braindump, Format format, int targetWords, int chapters,
                       String provider, String model, String summaryModel, BigDecimal budgetUsd, int chapterWindow,
                       String genre, String style) {

    /** A spec without genre or style wishes: the planner decides both from the idea. */
    public BookSpec(String title, String braindump, Format format, int targetWords, int chapters,
                    String provider, String model, String summaryModel, BigDecimal budgetUsd, int chapterWindow) {
        this(title, braindump, format, targetWords, chapters, provider, model, summaryModel, budgetUsd, chapterWindow, null, null);
    }

    public BookSpec {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(braindump, "braindump");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(model, "model");
        if (title.isBlank()) {
            throw new IllegalArgumentException("A book needs a title");
        }
        if (chapters < 1 || chapters > 200) {
            throw new IllegalArgumentException("chapters must be between 1 and 200");
        }
        if (targetWords < 500 * chapters / 2 || targetWords > 1_000_000) {
            throw new IllegalArgumentException("targetWords must be between 250 per chapter and 1,000,000");
        }
        if (chapterWindow < 1) {
            throw new IllegalArgumentException("chapterWindow must be at least 1");
        }
        if (budgetUsd != null && budgetUsd.signum() < 0) {
            throw new IllegalArgumentException("budgetUsd cannot be negative");
        }
        genre = genre == null || genre.isBlank() ? null : genre.strip();
        style = style == null || style.isBlank() ? null : style.strip();
    }

    /** The model used for summaries and extraction. */
    public String summaryModelOrDefault() {
        return summaryModel == null || summaryModel.isBlank() ? model : summaryModel;
    }

    public BookSpec withBudget(BigDecimal newBudget) {
        return new BookSpec(title, braindump, format, targetWords, chapters, provider, model, summaryModel, newBudget, chapterWindow,
                genre, style);
    }
}

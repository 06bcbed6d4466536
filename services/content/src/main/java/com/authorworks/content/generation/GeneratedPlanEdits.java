package com.authorworks.content.generation;

import java.util.Map;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.authorworks.content.internal.ArtifactKind;
import com.authorworks.content.internal.Book;
import com.authorworks.content.internal.PlanEdits;
import com.authorworks.engine.EngineOptions;
import com.authorworks.engine.GenerationEngine;
import com.authorworks.engine.StepKeys;
import com.authorworks.engine.StepRecord;
import com.authorworks.engine.sample.SampleLanguageModel;
import com.authorworks.engine.sample.SampleLanguageModelFactory;
import com.authorworks.engine.story.Outline;
import com.authorworks.platform.Problem;

import tools.jackson.databind.json.JsonMapper;

/**
 * An edited plan step of a generated book replaces the engine's checkpoint (checked by the engine
 * against the step's schema) and invalidates exactly the steps built on it; resuming the book
 * writes them again. Books written by hand have no checkpoints and are left alone.
 */
@Component
class GeneratedPlanEdits implements PlanEdits {

    private static final Map<ArtifactKind, String> STEPS = Map.of(ArtifactKind.GENRE, StepKeys.GENRE, ArtifactKind.STYLE, StepKeys.STYLE,
            ArtifactKind.CHARACTERS, StepKeys.CHARACTERS, ArtifactKind.SYNOPSIS, StepKeys.SYNOPSIS, ArtifactKind.OUTLINE, StepKeys.OUTLINE);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final GenerationJobs jobs;
    private final JdbcClient db;
    private final TransactionTemplate transactions;
    private final GeneratedWork work;
    private final GenerationMetrics metrics;

    GeneratedPlanEdits(GenerationJobs jobs, JdbcClient db, TransactionTemplate transactions, GeneratedWork work, GenerationMetrics metrics) {
        this.jobs = jobs;
        this.db = db;
        this.transactions = transactions;
        this.work = work;
        this.metrics = metrics;
    }

    @Override
    public void edited(Book book, ArtifactKind kind, String json) {
        String step = STEPS.get(kind);
        var last = jobs.latest(book.id());
        if (step == null || last.isEmpty()) {
            return;
        }
        if (last.get().state().active()) {
            throw Problem.conflict("generation-in-progress", "The book is being generated; cancel it or wait before editing its plan.");
        }
        // No model is called to edit a step; the engine only needs one to exist.
        GenerationEngine engine = new GenerationEngine(new SampleLanguageModel(SampleLanguageModelFactory.SEED),
                new BookCheckpoints(db, transactions, book.id(), book.owner(), metrics), null, EngineOptions.defaults());
        Optional<String> before = engine.step(step).map(StepRecord::content);
        try {
            engine.edit(step, json);
        } catch (IllegalArgumentException e) {
            throw new Problem(HttpStatus.BAD_REQUEST, "invalid-artifact", e.getMessage());
        }
        if (kind == ArtifactKind.OUTLINE && before.isPresent()) {
            work.outlineEdited(book, JSON.readValue(before.get(), Outline.class), JSON.readValue(json, Outline.class));
        }
    }
}

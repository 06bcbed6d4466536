package com.authorworks.app.cli;

import com.authorworks.engine.BookSpec;
import com.authorworks.engine.EngineOptions;
import com.authorworks.engine.Estimate;
import com.authorworks.engine.GenerationEngine;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.math.RoundingMode;
import java.util.concurrent.Callable;

/** {@code authorworks estimate}: tokens and cost of a book before anything is spent. */
@Command(name = "estimate", mixinStandardHelpOptions = true, description = "Estimate the calls, tokens and cost of a book; calls no model.")
final class EstimateCommand implements Callable<Integer> {

    @Spec
    CommandSpec command;

    @Mixin
    BookOptions book;

    @Override
    public Integer call() {
        EngineOptions options = EngineOptions.defaults();
        BookSpec spec = book.spec(options.concurrency());
        Estimate e = GenerationEngine.estimate(spec, options);
        var out = command.commandLine().getOut();
        out.printf("%s, %d chapters, ~%,d words with %s/%s (summaries: %s)%n", spec.format().label(), spec.chapters(), spec.targetWords(),
                spec.provider(), spec.model(), spec.summaryModelOrDefault());
        out.printf("  %,d scenes, %,d model calls%n", e.scenes(), e.calls());
        out.printf("  %,d input tokens, %,d output tokens%n", e.inputTokens(), e.outputTokens());
        out.printf("  about $%s at list prices (price table %s)%s%n", e.costUsd().setScale(2, RoundingMode.HALF_UP).toPlainString(),
                options.prices().version(), e.priced() ? "" : " — a model is not in the price table and was counted as free");
        out.flush();
        return 0;
    }
}

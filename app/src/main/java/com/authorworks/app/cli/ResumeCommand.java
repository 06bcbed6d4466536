package com.authorworks.app.cli;

import com.authorworks.engine.BookSpec;
import com.authorworks.engine.FileCheckpointStore;
import com.authorworks.engine.GenerationEngine;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code authorworks resume DIR}: continues a book at its first unfinished step. */
@Command(name = "resume", mixinStandardHelpOptions = true,
        description = "Continue a book at its first unfinished step; nothing finished is done (or paid for) again.")
final class ResumeCommand implements Callable<Integer> {

    @Spec
    CommandSpec command;

    @Parameters(paramLabel = "DIR", description = "The book's directory.")
    Path dir;

    @Option(names = "--budget", description = "A new budget cap in US dollars (raise it to continue a run stopped at the cap).")
    BigDecimal budget;

    @Option(names = "--no-budget", description = "Remove the budget cap.")
    boolean noBudget;

    @Mixin
    RunOptions run;

    @Override
    public Integer call() throws Exception {
        var store = new FileCheckpointStore(dir);
        BookSpec spec = GenerationEngine.specIn(store).orElseThrow(() -> new IllegalArgumentException(dir + " holds no book (no checkpoints/spec.json)"));
        var options = run.engineOptions(spec);
        var model = run.model(spec);
        run.noteIdleStreams(spec, "the chapter window is part of the book and stays as it was on resume", command.commandLine().getErr());
        try (var progress = new ProgressBarListener(System.err)) {
            var engine = new GenerationEngine(model, store, progress, options);
            return RunReport.run(engine, () -> budget != null || noBudget ? engine.resume(noBudget ? null : budget) : engine.resume(),
                    dir, command.commandLine().getOut());
        }
    }
}

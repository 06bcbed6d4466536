package com.authorworks.app.cli;

import com.authorworks.engine.BookSpec;
import com.authorworks.engine.EngineOptions;
import com.authorworks.engine.FileCheckpointStore;
import com.authorworks.engine.GenerationEngine;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.math.BigDecimal;
import java.net.URI;
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

    @Option(names = "--concurrency", defaultValue = "4", description = "Most model calls in flight at once (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--base-url", description = "Provider API address (Ollama, OpenAI-compatible servers, proxies).")
    URI baseUrl;

    @Override
    public Integer call() throws Exception {
        var store = new FileCheckpointStore(dir);
        BookSpec spec = GenerationEngine.specIn(store).orElseThrow(() -> new IllegalArgumentException(dir + " holds no book (no checkpoints/spec.json)"));
        var options = EngineOptions.defaults().withConcurrency(concurrency).withKey(Models.key(spec.provider(), System.getenv()));
        try (var progress = new ProgressBarListener(System.err)) {
            var engine = new GenerationEngine(Models.create(spec.provider(), baseUrl), store, progress, options);
            return RunReport.run(engine, () -> budget != null || noBudget ? engine.resume(noBudget ? null : budget) : engine.resume(),
                    dir, command.commandLine().getOut());
        }
    }
}

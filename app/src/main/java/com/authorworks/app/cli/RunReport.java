package com.authorworks.app.cli;

import com.authorworks.engine.GenerationEngine;
import com.authorworks.engine.RunResult;

import java.io.IOException;
import java.io.PrintWriter;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;

/** Runs a book with a progress bar, writes its Markdown next to the checkpoints and says how it went. */
final class RunReport {

    static final String BOOK_FILE = "book.md";

    private RunReport() {
    }

    static int run(GenerationEngine engine, java.util.function.Supplier<RunResult> run, Path dir, PrintWriter out) throws IOException {
        RunResult result = run.get();
        Files.writeString(dir.resolve(BOOK_FILE), engine.markdown());
        var cost = result.cost();
        out.printf("%s. %d calls%s, %,d input and %,d output tokens, $%s.%n", switch (result.status()) {
            case COMPLETED -> "Done";
            case BUDGET_EXHAUSTED -> "Stopped at the budget cap (raise it with: authorworks resume " + dir + " --budget <usd>)";
            case CANCELLED -> "Cancelled (continue with: authorworks resume " + dir + ")";
            case PLANNED -> "Planned (draft it with: authorworks resume " + dir + ")";
        }, cost.calls(), cost.estimatedCalls() == 0 ? ""
                : " (" + cost.estimatedCalls() + " estimated: cut streams, calls lost with a stopped or killed run)", cost.usage().inputTokens(), cost.usage().outputTokens(), cost.costUsd().setScale(4, RoundingMode.HALF_UP).toPlainString());
        out.println("Book: " + dir.resolve(BOOK_FILE) + "   checkpoints and manifests: " + dir.resolve("checkpoints"));
        out.flush();
        return result.status() == RunResult.Status.COMPLETED ? 0 : 3;
    }
}

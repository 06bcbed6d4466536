package com.authorworks.app.cli;

import com.authorworks.engine.BookSpec;
import com.authorworks.engine.FileCheckpointStore;
import com.authorworks.engine.GenerationEngine;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code authorworks generate}: writes a book from an idea into a directory of checkpoints. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Write a book from your idea. Keys come from the provider's environment variable (ANTHROPIC_API_KEY, OPENAI_API_KEY, "
                + "GEMINI_API_KEY, OPENAI_COMPATIBLE_API_KEY). The default provider 'sample' is an offline writer that uses no AI and marks "
                + "its text as sample.")
final class GenerateCommand implements Callable<Integer> {

    @Spec
    CommandSpec command;

    @Mixin
    BookOptions book;

    @Mixin
    RunOptions run;

    @Option(names = {"--out", "-o"}, description = "Directory for the book, its checkpoints and manifests (default: books/<title>).")
    Path out;

    @Override
    public Integer call() throws Exception {
        BookSpec spec = book.spec(run.concurrency);
        var engineOptions = run.engineOptions(spec);
        var model = run.model(spec);
        Path dir = out != null ? out : Path.of("books", slug(spec.title()));
        Files.createDirectories(dir);
        var err = command.commandLine().getErr();
        run.noteIdleStreams(spec, book.chapterWindow != null ? "a wider --chapter-window uses them" : "", err);
        try (var progress = new ProgressBarListener(System.err)) {
            var engine = new GenerationEngine(model, new FileCheckpointStore(dir), progress, engineOptions);
            err.println("Writing \"" + spec.title() + "\" (" + spec.format().label() + ", " + spec.chapters() + " chapters, ~" + spec.targetWords()
                    + " words) with " + spec.provider() + "/" + spec.model() + " into " + dir);
            err.flush();
            return RunReport.run(engine, () -> engine.start(spec), dir, command.commandLine().getOut());
        }
    }

    static String slug(String title) {
        String s = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return s.isEmpty() ? "book" : s;
    }
}

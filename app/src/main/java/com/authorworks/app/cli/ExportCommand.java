package com.authorworks.app.cli;

import com.authorworks.engine.FileCheckpointStore;
import com.authorworks.engine.GenerationEngine;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code authorworks export DIR --format md}: writes the book (as far as it is drafted) in a reading format. */
@Command(name = "export", mixinStandardHelpOptions = true, description = "Export a book from its directory.")
final class ExportCommand implements Callable<Integer> {

    enum ExportFormat { md }

    @Spec
    CommandSpec command;

    @Parameters(paramLabel = "DIR", description = "The book's directory.")
    Path dir;

    @Option(names = "--format", defaultValue = "md", description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    ExportFormat format;

    @Option(names = {"--output", "-o"}, description = "File to write (default: DIR/book.md).")
    Path output;

    @Override
    public Integer call() throws Exception {
        var store = new FileCheckpointStore(dir);
        if (GenerationEngine.specIn(store).isEmpty()) {
            throw new IllegalArgumentException(dir + " holds no book (no checkpoints/spec.json)");
        }
        Path target = output != null ? output : dir.resolve(RunReport.BOOK_FILE);
        String markdown = GenerationEngine.markdownOf(store);
        Files.writeString(target, markdown);
        command.commandLine().getOut().println("Wrote " + target + " (" + markdown.split("\\s+").length + " words)");
        command.commandLine().getOut().flush();
        return 0;
    }
}

package com.authorworks.app.cli;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import com.authorworks.engine.DraftedBook;
import com.authorworks.engine.FileCheckpointStore;
import com.authorworks.engine.GenerationEngine;
import com.authorworks.publishing.ExportOptions;
import com.authorworks.publishing.Format;
import com.authorworks.publishing.Manuscript;
import com.authorworks.publishing.Publishing;
import com.authorworks.publishing.TrimSize;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code authorworks export DIR --format epub}: writes the book, as far as it is drafted, in a reading format. */
@Command(name = "export", mixinStandardHelpOptions = true, description = "Export a book from its directory.")
final class ExportCommand implements Callable<Integer> {

    enum ExportFormat {
        md(Format.MARKDOWN), html(Format.HTML), epub(Format.EPUB), pdf(Format.PDF), docx(Format.DOCX),
        fountain(Format.FOUNTAIN), fdx(Format.FDX);

        final Format format;

        ExportFormat(Format format) {
            this.format = format;
        }
    }

    @Spec
    CommandSpec command;

    @Parameters(paramLabel = "DIR", description = "The book's directory.")
    Path dir;

    @Option(names = "--format", defaultValue = "md",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}); fountain and fdx are for scripts.")
    ExportFormat format;

    @Option(names = {"--output", "-o"}, description = "File to write (default: DIR/book.<format>).")
    Path output;

    @Option(names = "--author", defaultValue = "Anonymous", description = "The author's name on the title page.")
    String author;

    @Option(names = "--trim", defaultValue = "6x9",
            description = "PDF trim size: 6x9, 5.5x8.5, 5x8, A5 or letter (default: ${DEFAULT-VALUE}).")
    String trim;

    @Override
    public Integer call() throws Exception {
        var store = new FileCheckpointStore(dir);
        if (GenerationEngine.specIn(store).isEmpty()) {
            throw new IllegalArgumentException(dir + " holds no book (no checkpoints/spec.json)");
        }
        Path target = output != null ? output : dir.resolve("book." + format.format.extension());
        DraftedBook book = GenerationEngine.bookOf(store);
        if (format == ExportFormat.md) {
            // The engine's own Markdown: the same text `generate` leaves in book.md.
            Files.writeString(target, GenerationEngine.markdownOf(store));
        } else {
            Manuscript manuscript = Manuscripts.of(book, author);
            TrimSize trimSize = TrimSize.named(trim);
            try (OutputStream out = Files.newOutputStream(target)) {
                Publishing.writer(format.format).write(manuscript, new ExportOptions(trimSize, null, null), out);
            }
        }
        var out = command.commandLine().getOut();
        out.println("Wrote " + target + (book.complete() ? "" : " (the book is not finished: scenes not drafted yet are left out)"));
        out.flush();
        return 0;
    }
}

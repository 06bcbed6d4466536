package com.authorworks.app.cli;

import picocli.CommandLine.Command;

/** The top-level command; {@code serve} is handled before picocli so the server starts fast. */
@Command(name = "authorworks", mixinStandardHelpOptions = true, version = "AuthorWorks 0.1.0",
        description = "Write, publish and earn from long-form stories with AI.%n"
                + "Run with no command (or 'serve') to start the platform at http://localhost:8080.",
        subcommands = {GenerateCommand.class, ResumeCommand.class, EstimateCommand.class, ExportCommand.class, MigrateCommand.class})
public class AuthorWorksCommand implements Runnable {

    /** The command line with the error handling every command shares: a sentence for the user, not a stack trace. */
    public static picocli.CommandLine commandLine() {
        return new picocli.CommandLine(new AuthorWorksCommand()).setExecutionExceptionHandler((e, line, parsed) -> {
            if (e instanceof IllegalArgumentException || e instanceof IllegalStateException || e instanceof java.io.UncheckedIOException
                    || e instanceof com.authorworks.engine.StepFailedException || e instanceof com.authorworks.engine.llm.LanguageModelException
                    || e instanceof com.authorworks.publishing.UnsupportedExportException) {
                line.getErr().println("Error: " + e.getMessage());
                line.getErr().flush();
                return 2;
            }
            throw e;
        });
    }

    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }
}

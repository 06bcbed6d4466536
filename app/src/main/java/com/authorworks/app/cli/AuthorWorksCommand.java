package com.authorworks.app.cli;

import picocli.CommandLine.Command;

/** The top-level command; {@code serve} is handled before picocli so the server starts fast. */
@Command(name = "authorworks", mixinStandardHelpOptions = true, version = "AuthorWorks 0.1.0",
        description = "Write, publish and earn from long-form stories with AI.%n"
                + "Run with no command (or 'serve') to start the platform at http://localhost:8080.",
        subcommands = {})
public class AuthorWorksCommand implements Runnable {

    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }
}

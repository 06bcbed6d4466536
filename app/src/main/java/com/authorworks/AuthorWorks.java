package com.authorworks;

import com.authorworks.app.cli.AuthorWorksCommand;

/**
 * The one executable. {@code serve} (the default) starts the platform; every other command runs
 * on the command line without starting a server.
 */
public final class AuthorWorks {

    private AuthorWorks() {
    }

    public static void main(String[] args) {
        if (args.length == 0 || "serve".equals(args[0])) {
            AuthorWorksApplication.serve(args.length == 0 ? args : java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        System.exit(AuthorWorksCommand.commandLine().execute(args));
    }
}

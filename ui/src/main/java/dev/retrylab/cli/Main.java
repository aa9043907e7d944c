package dev.retrylab.cli;

import picocli.CommandLine;

/** Entry point of the {@code retrylab} command. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(RetrylabCommand.commandLine().execute(args));
    }
}

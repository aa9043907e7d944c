package dev.retrylab.cli;

import picocli.CommandLine;

/** Entry point of the {@code retrylab} command. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        // charts are drawn off screen: no display needed
        System.setProperty("java.awt.headless", "true");
        System.exit(RetrylabCommand.commandLine().execute(args));
    }
}

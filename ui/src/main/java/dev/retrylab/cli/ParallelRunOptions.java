package dev.retrylab.cli;

import picocli.CommandLine.Option;

/** The options every command that runs simulations on a pool of threads shares (a picocli mixin). */
final class ParallelRunOptions {

    @Option(names = "--threads", paramLabel = "N",
            description = "Runs go in parallel on this many threads (default: the number of cores). "
                    + "The results do not depend on it.")
    Integer threads;

    @Option(names = "--quiet", description = "No progress bar (there is none anyway when standard error is "
            + "not a terminal, or for the first second).")
    boolean quiet;
}

package dev.retrylab.model;

/**
 * Hears how far a {@link ReplicationRunner} has got, for a progress bar. The runner calls it on
 * the thread that called {@link ReplicationRunner#run}, once per finished run, never concurrently.
 */
@FunctionalInterface
public interface RunProgress {

    /** Hears nothing. */
    RunProgress NONE = (finished, total) -> { };

    /**
     * One more run finished.
     *
     * @param finished runs finished so far, 1 to {@code total}
     * @param total    runs in all: strategies times replications, summed over the scenarios run together
     */
    void runFinished(int finished, int total);
}

package dev.retrylab.time;

/** A handle to a scheduled task. */
@FunctionalInterface
public interface Cancellable {

    /**
     * Cancels the task if it has not started yet.
     *
     * @return true when this call prevented the task from running
     */
    boolean cancel();
}

package dev.retrylab.ui.model;

/** How a {@link RunTask} ended: with its result, a readable error, or cancelled. */
public sealed interface RunOutcome<T> {

    /** The task finished with {@code result}. */
    record Succeeded<T>(T result) implements RunOutcome<T> {
    }

    /** The task failed; {@code message} is one readable line. */
    record Failed<T>(String message) implements RunOutcome<T> {
    }

    /** The task was cancelled. */
    record Cancelled<T>() implements RunOutcome<T> {
    }
}

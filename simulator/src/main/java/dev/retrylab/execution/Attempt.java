package dev.retrylab.execution;

/** One attempt of a synchronous call: returns a result or throws what went wrong. */
@FunctionalInterface
public interface Attempt<T> {

    T call() throws Exception;
}

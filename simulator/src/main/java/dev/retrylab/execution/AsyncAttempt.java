package dev.retrylab.execution;

import java.util.concurrent.CompletionStage;

/**
 * One attempt of an asynchronous call: starts the work and returns a stage that completes with
 * the result or exceptionally with what went wrong. It must not block. When the executor gives up
 * on an attempt (timeout, a hedge won), it cancels the stage's {@code CompletableFuture} if it is
 * one.
 */
@FunctionalInterface
public interface AsyncAttempt<T> {

    CompletionStage<T> start();
}

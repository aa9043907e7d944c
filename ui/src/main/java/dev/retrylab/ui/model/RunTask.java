package dev.retrylab.ui.model;

import dev.retrylab.model.ReplicationRunner;
import dev.retrylab.model.RunProgress;
import dev.retrylab.model.Scenario;
import dev.retrylab.model.ScenarioResult;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One run of a scenario, off the calling thread: it reports progress as runs finish, can be
 * cancelled (the runs under way finish, no new one starts), and ends in a {@link RunOutcome}: the
 * result, a readable error, or cancelled. Listeners are called on the running thread; a view
 * hands them over to its own thread.
 */
public final class RunTask {

    /** Hears how far the run has got. */
    @FunctionalInterface
    public interface ProgressListener {
        /** {@code finished} of {@code total} runs (strategies times replications) are done. */
        void progress(int finished, int total);
    }

    private final Scenario scenario;
    private final int threads;
    private final AtomicBoolean cancelled = new AtomicBoolean();

    /** A task that runs {@code scenario} on up to {@code threads} threads. */
    public RunTask(Scenario scenario, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be 1 or more, was " + threads);
        }
        this.scenario = scenario;
        this.threads = threads;
    }

    /** Starts the run on {@code executor}; the future completes with the outcome, never exceptionally. */
    public CompletableFuture<RunOutcome> start(Executor executor, ProgressListener listener) {
        return CompletableFuture.supplyAsync(() -> run(listener), executor);
    }

    /** Asks the run to stop: it ends as {@link RunOutcome.Cancelled} once the runs under way finish. */
    public void cancel() {
        cancelled.set(true);
    }

    private RunOutcome run(ProgressListener listener) {
        RunProgress progress = (finished, total) -> {
            listener.progress(finished, total);
            if (cancelled.get()) {
                throw new Cancellation();
            }
        };
        try {
            if (cancelled.get()) {
                return new RunOutcome.Cancelled();
            }
            ScenarioResult result = ReplicationRunner.run(scenario, scenario.replications(), threads, progress);
            return cancelled.get() ? new RunOutcome.Cancelled() : new RunOutcome.Succeeded(result);
        } catch (Cancellation e) {
            return new RunOutcome.Cancelled();
        } catch (RuntimeException | OutOfMemoryError e) {
            return new RunOutcome.Failed(Messages.readable("the run of " + scenario.name() + " failed", e));
        }
    }

    /** Thrown from the progress callback to stop the runner. */
    private static final class Cancellation extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Cancellation() {
            super("cancelled", null, false, false);
        }
    }
}

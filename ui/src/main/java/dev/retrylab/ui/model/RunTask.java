package dev.retrylab.ui.model;

import dev.retrylab.chart.SweepResults;
import dev.retrylab.model.ReplicationRunner;
import dev.retrylab.model.RunProgress;
import dev.retrylab.model.Scenario;
import dev.retrylab.model.ScenarioResult;
import dev.retrylab.sweep.SweepGrid;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * A run of a scenario, or of the points of a sweep, off the calling thread: it reports progress
 * as runs finish, can be cancelled (the runs under way finish, no new one starts), and ends in a
 * {@link RunOutcome}: the result, a readable error, or cancelled. Listeners are called on the
 * running thread; a view hands them over to its own thread.
 *
 * @param <T> what the task gives: a {@link ScenarioResult}, or the {@link SweepResults}
 */
public final class RunTask<T> {

    /** Hears how far the run has got. */
    @FunctionalInterface
    public interface ProgressListener {
        /** {@code finished} of {@code total} runs (strategies times replications) are done. */
        void progress(int finished, int total);
    }

    private final String name;
    private final Function<RunProgress, T> work;
    private final AtomicBoolean cancelled = new AtomicBoolean();

    private RunTask(String name, Function<RunProgress, T> work) {
        this.name = name;
        this.work = work;
    }

    /** A task that runs every strategy of {@code scenario} on up to {@code threads} threads. */
    public static RunTask<ScenarioResult> run(Scenario scenario, int threads) {
        checkThreads(threads);
        return new RunTask<>("the run of " + scenario.name(),
                progress -> ReplicationRunner.run(scenario, scenario.replications(), threads, progress));
    }

    /**
     * A task that runs the points of {@code plan} in order on up to {@code threads} threads,
     * keeping the summaries only.
     */
    public static RunTask<SweepResults> sweep(SweepPlan plan, int threads) {
        checkThreads(threads);
        SweepGrid grid = plan.grid();
        return new RunTask<>("the sweep of " + String.join(" and ", grid.paths()), progress -> new SweepResults(
                grid.paths(), grid.values(), ReplicationRunner.runAll(plan.points(), threads, false, progress)));
    }

    private static void checkThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be 1 or more, was " + threads);
        }
    }

    /** Starts the task on {@code executor}; the future completes with the outcome, never exceptionally. */
    public CompletableFuture<RunOutcome<T>> start(Executor executor, ProgressListener listener) {
        return CompletableFuture.supplyAsync(() -> execute(listener), executor);
    }

    /** Asks the task to stop: it ends as {@link RunOutcome.Cancelled} once the runs under way finish. */
    public void cancel() {
        cancelled.set(true);
    }

    private RunOutcome<T> execute(ProgressListener listener) {
        RunProgress progress = (finished, total) -> {
            listener.progress(finished, total);
            if (cancelled.get()) {
                throw new Cancellation();
            }
        };
        try {
            if (cancelled.get()) {
                return new RunOutcome.Cancelled<>();
            }
            T result = work.apply(progress);
            return cancelled.get() ? new RunOutcome.Cancelled<>() : new RunOutcome.Succeeded<>(result);
        } catch (Cancellation e) {
            return new RunOutcome.Cancelled<>();
        } catch (RuntimeException | OutOfMemoryError e) {
            return new RunOutcome.Failed<>(Messages.readable(name + " failed", e));
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

package dev.retrylab.ui.model;

import dev.retrylab.chart.SweepResults;
import dev.retrylab.model.ReplicationRunner;
import dev.retrylab.model.RunProgress;
import dev.retrylab.model.Scenario;
import dev.retrylab.model.ScenarioResult;
import dev.retrylab.sweep.SweepGrid;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * A run of a scenario, or of the points of a sweep, off the calling thread: it reports progress
 * as runs finish, can be cancelled, and ends in a {@link RunOutcome}: the result, a readable
 * error, or cancelled. Cancelling interrupts the running thread, so the runs under way stop
 * within milliseconds (see {@link ReplicationRunner}); the thread's interrupt status is cleared
 * before the task ends, so the executor's thread can run the next task. Listeners are called on
 * the running thread; a view hands them over to its own thread. Thread-safe.
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
    private final Object lock = new Object();
    /** Guarded by {@link #lock}, like {@link #runner}. */
    private boolean cancelled;
    /** The thread running the task, while it runs. */
    private Thread runner;

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

    /**
     * Stops the task: it ends as {@link RunOutcome.Cancelled} within milliseconds, also when a run
     * is under way, or at once when it has not started yet. No effect once it has ended.
     */
    public void cancel() {
        synchronized (lock) {
            cancelled = true;
            if (runner != null) {
                runner.interrupt();
            }
        }
    }

    private boolean cancelled() {
        synchronized (lock) {
            return cancelled;
        }
    }

    private RunOutcome<T> execute(ProgressListener listener) {
        synchronized (lock) {
            if (cancelled) {
                return new RunOutcome.Cancelled<>();
            }
            runner = Thread.currentThread();
        }
        try {
            T result = work.apply(listener::progress);
            return cancelled() ? new RunOutcome.Cancelled<>() : new RunOutcome.Succeeded<>(result);
        } catch (CancellationException e) {
            return new RunOutcome.Cancelled<>();
        } catch (RuntimeException | OutOfMemoryError e) {
            return new RunOutcome.Failed<>(Messages.readable(name + " failed", e));
        } finally {
            synchronized (lock) {
                runner = null;
                if (cancelled) {
                    // the interrupt was meant for this task, not for the executor's next one
                    Thread.interrupted();
                }
            }
        }
    }
}

package dev.retrylab.execution;

import dev.retrylab.strategy.hedge.HedgePolicy;
import dev.retrylab.time.Cancellable;
import dev.retrylab.time.Clock;
import dev.retrylab.time.Scheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * One hedged pass: starts an attempt, then another each time the hedge delay passes without a
 * success (up to the policy's maximum), or at once when every running attempt has failed. The
 * first success wins and the other attempts are cancelled; when every attempt failed and no hedge
 * is left, the pass fails with the last failure. Thread-safe: attempts may complete on any thread.
 */
final class HedgedCall<T> {

    private final HedgePolicy policy;
    private final Scheduler scheduler;
    private final Clock clock;
    private final Supplier<CompletableFuture<T>> launcher;
    private final CompletableFuture<T> result = new CompletableFuture<>();
    private final List<CompletableFuture<T>> attempts = new ArrayList<>(2);
    private int hedgesStarted;
    private int running;
    private Cancellable timer;

    private HedgedCall(HedgePolicy policy, Scheduler scheduler, Supplier<CompletableFuture<T>> launcher) {
        this.policy = policy;
        this.scheduler = scheduler;
        this.clock = scheduler.clock();
        this.launcher = launcher;
    }

    /** Starts the pass; {@code launcher} starts one attempt each time it is called. */
    static <T> CompletableFuture<T> start(HedgePolicy policy, Scheduler scheduler,
                                          Supplier<CompletableFuture<T>> launcher) {
        HedgedCall<T> call = new HedgedCall<>(policy, scheduler, launcher);
        call.result.whenComplete((value, error) -> call.stopTheRest());
        policy.callStarted();
        call.launch(false);
        return call.result;
    }

    private void launch(boolean hedge) {
        CompletableFuture<T> attempt;
        int number;
        synchronized (this) {
            if (result.isDone()) {
                return;
            }
            if (hedge) {
                hedgesStarted++;
                policy.hedgeStarted();
            }
            number = hedgesStarted;
            running++;
            if (policy.mayStartHedge(hedgesStarted)) {
                timer = scheduler.schedule(Duration.ofNanos(policy.hedgeDelayNanos()), () -> launch(true));
            }
        }
        long started = clock.nanoTime();
        try {
            attempt = launcher.get();
        } catch (RuntimeException e) {
            attempt = CompletableFuture.failedFuture(e);
        }
        boolean startedTooLate;
        synchronized (this) {
            attempts.add(attempt);
            startedTooLate = result.isDone();
        }
        if (startedTooLate && !attempt.isDone() && attempt.cancel(true)) {
            policy.attemptCancelled();
        }
        attempt.whenComplete((value, error) -> finished(number, started, value, error));
    }

    private void finished(int number, long started, T value, Throwable error) {
        boolean hedgeNow = false;
        synchronized (this) {
            running--;
            if (result.isDone()) {
                return;
            }
            policy.recordLatency(clock.nanoTime() - started);
            if (error == null) {
                if (number > 0) {
                    policy.hedgeWon();
                }
                result.complete(value);
                return;
            }
            if (running == 0) {
                if (policy.mayStartHedge(hedgesStarted)) {
                    if (timer != null) {
                        timer.cancel();
                    }
                    hedgeNow = true;
                } else {
                    result.completeExceptionally(AsyncExecutor.unwrap(error));
                    return;
                }
            }
        }
        if (hedgeNow) {
            launch(true);
        }
    }

    private void stopTheRest() {
        List<CompletableFuture<T>> toCancel;
        synchronized (this) {
            if (timer != null) {
                timer.cancel();
            }
            toCancel = new ArrayList<>(attempts);
        }
        for (CompletableFuture<T> attempt : toCancel) {
            if (!attempt.isDone() && attempt.cancel(true)) {
                policy.attemptCancelled();
            }
        }
    }
}

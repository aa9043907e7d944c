package dev.retrylab.execution;

import dev.retrylab.strategy.FailureException;
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
 * One hedged pass (Dean and Barroso, "The Tail at Scale", CACM 2013): starts an attempt, then
 * another each time the hedge delay passes without an answer, up to the policy's maximum. The
 * first success wins and the other attempts are cancelled. After any failure no new hedge starts:
 * the attempts still running may win, and when every attempt has failed the pass fails, reporting
 * a failure that carries a server's Retry-After hint if one did (else the last). Whether to try
 * again is the retry stage's decision, with its classification, Retry-After, budget and backoff.
 * Thread-safe: attempts may complete on any thread; the fields are guarded by the object's lock.
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
    private Throwable reported;
    private boolean hedgingStopped;

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
        int number;
        synchronized (this) {
            if (result.isDone() || (hedge && (hedgingStopped || !policy.mayStartHedge(hedgesStarted)))) {
                return;
            }
            if (hedge) {
                hedgesStarted++;
                policy.hedgeStarted();
            }
            number = hedgesStarted;
            running++;
            if (policy.mayStartHedge(hedgesStarted)) {
                try {
                    timer = scheduler.schedule(Duration.ofNanos(policy.hedgeDelayNanos()), () -> launch(true));
                } catch (RuntimeException e) {
                    timer = null; // no further hedges; the attempts already running decide the pass
                }
            }
        }
        long started = clock.nanoTime();
        CompletableFuture<T> attempt;
        try {
            attempt = launcher.get();
        } catch (Throwable e) {
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
            } else {
                stopHedging();
                Throwable cause = AsyncExecutor.unwrap(error);
                if (reported == null || !hasRetryAfter(reported)) {
                    reported = cause;
                }
                if (running > 0) {
                    return;
                }
            }
        }
        if (error == null) {
            result.complete(value);
        } else {
            result.completeExceptionally(reported);
        }
    }

    private void stopHedging() {
        hedgingStopped = true;
        if (timer != null) {
            timer.cancel();
        }
    }

    private static boolean hasRetryAfter(Throwable error) {
        return error instanceof FailureException failure && failure.failure() != null
                && failure.failure().retryAfter() != null;
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

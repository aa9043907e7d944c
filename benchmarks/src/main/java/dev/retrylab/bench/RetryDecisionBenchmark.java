package dev.retrylab.bench;

import dev.retrylab.strategy.Decision;
import dev.retrylab.strategy.Failure;
import dev.retrylab.strategy.FailureKind;
import dev.retrylab.strategy.backoff.Backoff;
import dev.retrylab.strategy.backoff.Jitter;
import dev.retrylab.strategy.retry.RetryPolicy;
import dev.retrylab.strategy.retry.RetryState;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What it measures: one retry decision of {@link RetryPolicy} after a timeout (classification,
 * attempt limit, exponential backoff with full jitter, deadline check), on a reused
 * {@link RetryState}, beside {@link #baseline} that computes only the jittered delay.
 *
 * <p>How to run: {@code ./retrylab bench RetryDecisionBenchmark -prof gc}.
 *
 * <p>What to expect: tens of nanoseconds; the decision to give up is a shared instance, and a
 * retry decision is a small record that escape analysis often removes.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RetryDecisionBenchmark {

    private static final Failure TIMEOUT = Failure.of(FailureKind.TIMEOUT);

    private RetryPolicy policy;
    private Backoff backoff;
    private RetryState state;
    private SplittableRandom rng;

    @Setup
    public void setUp() {
        backoff = Backoff.exponential(Duration.ofMillis(100), 2.0).withCap(Duration.ofSeconds(10))
                .withJitter(Jitter.FULL);
        policy = RetryPolicy.builder().maxAttempts(5).backoff(backoff).build();
        state = new RetryState(0L);
        rng = new SplittableRandom(1);
    }

    @Benchmark
    public long baseline() {
        return backoff.delayNanos(2, 0L, rng);
    }

    @Benchmark
    public long retryDecision() {
        if (state.attempts() >= 5) {
            state.reset(0L);
        }
        Decision decision = policy.decide(state, TIMEOUT, 0L, rng);
        state.attemptStarted();
        return decision.delayNanos();
    }
}

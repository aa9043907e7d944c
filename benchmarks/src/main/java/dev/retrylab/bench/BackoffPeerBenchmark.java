package dev.retrylab.bench;

import dev.retrylab.strategy.backoff.Backoff;
import dev.retrylab.strategy.backoff.Jitter;
import io.github.resilience4j.core.IntervalFunction;
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
 * What it measures: one randomised exponential backoff delay (100 ms doubling to a 10 s cap,
 * ±50 % proportional jitter) for retries 1..8 in turn: retrylab's {@link Backoff} and
 * Resilience4j 2.4.0's {@code IntervalFunction.ofExponentialRandomBackoff}, beside
 * {@link #baseline}, the same arithmetic by hand. Failsafe 3.3.2 computes its delays inside its
 * executor and exposes no function to call on its own, so it has no counterpart here; its delay
 * computation is part of {@link FailOnceBenchmark}.
 *
 * <p>How to run: {@code ./retrylab bench BackoffPeerBenchmark -prof gc}.
 *
 * <p>What to expect: retrylab near the baseline with 0 B/op; Resilience4j's function takes and
 * returns boxed numbers.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class BackoffPeerBenchmark {

    private Backoff retrylab;
    private IntervalFunction resilience4j;
    private SplittableRandom rng;
    private int retry;

    @Setup
    public void setUp() {
        retrylab = Backoff.exponential(Duration.ofMillis(100), 2.0).withCap(Duration.ofSeconds(10))
                .withJitter(Jitter.PROPORTIONAL, 0.5);
        resilience4j = IntervalFunction.ofExponentialRandomBackoff(Duration.ofMillis(100), 2.0, 0.5,
                Duration.ofSeconds(10));
        rng = new SplittableRandom(1);
    }

    private int nextRetry() {
        retry = retry == 8 ? 1 : retry + 1;
        return retry;
    }

    @Benchmark
    public long baseline() {
        double delay = Math.min(10_000_000_000.0, 100_000_000.0 * Math.pow(2.0, nextRetry() - 1));
        return (long) (delay * 0.5 + rng.nextDouble() * delay);
    }

    @Benchmark
    public long retrylab() {
        return retrylab.delayNanos(nextRetry(), 0L, rng);
    }

    @Benchmark
    public long resilience4j() {
        return resilience4j.apply(nextRetry());
    }
}

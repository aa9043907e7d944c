package dev.retrylab.bench;

import dev.retrylab.strategy.backoff.Backoff;
import dev.retrylab.strategy.backoff.Jitter;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What it measures: the cost of computing one backoff delay (retry 1..8 in turn) for each jitter
 * type, beside {@link #baseline} which draws the same random number and does the same arithmetic
 * by hand.
 *
 * <p>How to run: {@code ./retrylab bench BackoffBenchmark -prof gc}.
 *
 * <p>What to expect: a few nanoseconds per delay, within a small factor of the baseline, and
 * {@code gc.alloc.rate.norm} of 0 B/op for every type: computing a delay is pure arithmetic.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class BackoffBenchmark {

    @Param({"none", "full", "equal", "decorrelated", "proportional"})
    public String jitter;

    private Backoff backoff;
    private SplittableRandom rng;
    private int retry;
    private long previous;

    @Setup
    public void setUp() {
        backoff = Backoff.exponential(Duration.ofMillis(100), 2.0).withCap(Duration.ofSeconds(10))
                .withJitter(Jitter.valueOf(jitter.toUpperCase(java.util.Locale.ROOT)));
        rng = new SplittableRandom(1);
    }

    private int nextRetry() {
        retry = retry == 8 ? 1 : retry + 1;
        return retry;
    }

    @Benchmark
    public long baseline() {
        int n = nextRetry();
        long delay = Math.min(10_000_000_000L, (long) (100_000_000L * Math.pow(2.0, n - 1)));
        return (long) (rng.nextDouble() * delay);
    }

    @Benchmark
    public long exponentialBackoff() {
        previous = backoff.delayNanos(nextRetry(), previous, rng);
        return previous;
    }
}

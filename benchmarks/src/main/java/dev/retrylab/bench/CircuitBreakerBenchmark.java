package dev.retrylab.bench;

import dev.retrylab.strategy.breaker.CircuitBreaker;
import dev.retrylab.strategy.breaker.CircuitBreakerConfig;
import dev.retrylab.time.SystemClock;
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
 * What it measures: a closed circuit breaker's permit-and-record (ask for permission, record a
 * success) with a count-based window of 100 calls: retrylab's {@link CircuitBreaker},
 * Resilience4j 2.4.0's and Failsafe 3.3.2's defaults, beside {@link #baseline}, which counts the
 * call in a plain field.
 *
 * <p>How to run: {@code ./retrylab bench CircuitBreakerBenchmark -prof gc}.
 *
 * <p>What to expect: tens of nanoseconds (an uncontended lock and a ring buffer), 0 B/op for
 * retrylab.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CircuitBreakerBenchmark {

    private CircuitBreaker retrylab;
    private io.github.resilience4j.circuitbreaker.CircuitBreaker resilience4j;
    private dev.failsafe.CircuitBreaker<Object> failsafe;
    private long calls;

    @Setup
    public void setUp() {
        retrylab = new CircuitBreaker(CircuitBreakerConfig.builder().countWindow(100).build(), SystemClock.INSTANCE);
        resilience4j = io.github.resilience4j.circuitbreaker.CircuitBreaker.ofDefaults("bench");
        failsafe = dev.failsafe.CircuitBreaker.ofDefaults();
    }

    @Benchmark
    public long baseline() {
        return ++calls;
    }

    @Benchmark
    public boolean retrylab() {
        boolean permitted = retrylab.tryAcquirePermission();
        retrylab.onSuccess();
        return permitted;
    }

    @Benchmark
    public boolean resilience4j() {
        boolean permitted = resilience4j.tryAcquirePermission();
        resilience4j.onSuccess(0L, TimeUnit.NANOSECONDS);
        return permitted;
    }

    @Benchmark
    public boolean failsafe() {
        boolean permitted = failsafe.tryAcquirePermit();
        failsafe.recordSuccess();
        return permitted;
    }
}

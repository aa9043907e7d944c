package dev.retrylab.bench;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeExecutor;
import dev.retrylab.execution.Attempt;
import dev.retrylab.execution.Pipeline;
import dev.retrylab.execution.SyncExecutor;
import dev.retrylab.strategy.backoff.Backoff;
import dev.retrylab.strategy.retry.RetryPolicy;
import io.github.resilience4j.core.functions.CheckedSupplier;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Duration;
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
 * What it measures: a call that succeeds at its first attempt, made through a synchronous
 * executor with a retry policy (3 attempts, exponential backoff): retrylab's
 * {@link SyncExecutor}, Resilience4j 2.4.0's {@code Retry} and Failsafe 3.3.2's
 * {@code RetryPolicy}, beside {@link #baseline}, the direct call.
 *
 * <p>How to run: {@code ./retrylab bench SuccessPathBenchmark -prof gc}.
 *
 * <p>What to expect: retrylab's overhead (its time minus the baseline's) at most half of the
 * lower of the two others', and 0 B/op for retrylab.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SuccessPathBenchmark {

    private static final Object RESULT = new Object();

    private final Attempt<Object> attempt = () -> RESULT;
    private final CheckedSupplier<Object> resilience4jSupplier = () -> RESULT;
    private final dev.failsafe.function.CheckedSupplier<Object> failsafeSupplier = () -> RESULT;

    private SyncExecutor retrylab;
    private Retry resilience4j;
    private FailsafeExecutor<Object> failsafe;

    @Setup
    public void setUp() {
        retrylab = SyncExecutor.onSystemClock(Pipeline.builder()
                .retry(RetryPolicy.builder().maxAttempts(3)
                        .backoff(Backoff.exponential(Duration.ofMillis(100), 2.0)).build())
                .build(), null, 1L);
        resilience4j = Retry.of("bench", RetryConfig.custom().maxAttempts(3)
                .waitDuration(Duration.ofMillis(100)).build());
        failsafe = Failsafe.with(dev.failsafe.RetryPolicy.builder().withMaxAttempts(3)
                .withBackoff(Duration.ofMillis(100), Duration.ofSeconds(10)).build());
    }

    @Benchmark
    public Object baseline() throws Exception {
        return attempt.call();
    }

    @Benchmark
    public Object retrylab() {
        return retrylab.get(attempt);
    }

    @Benchmark
    public Object resilience4j() throws Throwable {
        return resilience4j.executeCheckedSupplier(resilience4jSupplier);
    }

    @Benchmark
    public Object failsafe() {
        return failsafe.get(failsafeSupplier);
    }
}

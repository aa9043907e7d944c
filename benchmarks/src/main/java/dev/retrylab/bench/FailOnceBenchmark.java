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
 * What it measures: a call whose first attempt fails with a transient error and whose second
 * succeeds, with zero delay between them, through retrylab's {@link SyncExecutor},
 * Resilience4j 2.4.0 and Failsafe 3.3.2, beside {@link #baseline}: the two attempts made by hand
 * in a try/catch.
 *
 * <p>How to run: {@code ./retrylab bench FailOnceBenchmark -prof gc}.
 *
 * <p>What to expect: the failure path classifies the exception and makes a decision, so it costs
 * more than the success path and allocates a little (the failure record and per-call retry
 * state); retrylab should stay below both peers.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FailOnceBenchmark {

    private static final Object RESULT = new Object();

    private long invocations;

    private Object failEveryOtherTime() throws TransientFailure {
        if ((invocations++ & 1) == 0) {
            throw TransientFailure.INSTANCE;
        }
        return RESULT;
    }

    private final Attempt<Object> attempt = this::failEveryOtherTime;
    private final CheckedSupplier<Object> resilience4jSupplier = this::failEveryOtherTime;
    private final dev.failsafe.function.CheckedSupplier<Object> failsafeSupplier = this::failEveryOtherTime;

    private SyncExecutor retrylab;
    private Retry resilience4j;
    private FailsafeExecutor<Object> failsafe;

    @Setup
    public void setUp() {
        retrylab = SyncExecutor.onSystemClock(Pipeline.builder()
                .retry(RetryPolicy.builder().maxAttempts(3).backoff(Backoff.none()).build())
                .build(), null, 1L);
        resilience4j = Retry.of("bench", RetryConfig.custom().maxAttempts(3)
                .intervalFunction(attempt -> 0L).build());
        failsafe = Failsafe.with(dev.failsafe.RetryPolicy.builder().withMaxAttempts(3).build());
    }

    @Benchmark
    public Object baseline() throws Exception {
        try {
            return attempt.call();
        } catch (TransientFailure first) {
            return attempt.call();
        }
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

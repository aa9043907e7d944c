package dev.retrylab.strategy.retry;

import static dev.retrylab.testing.AllocationMeter.bytesAllocatedBy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.retrylab.strategy.Decision;
import dev.retrylab.strategy.Failure;
import dev.retrylab.strategy.FailureKind;
import dev.retrylab.strategy.backoff.Backoff;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AdaptiveRetryConcurrencyAndAllocationTest {

    private static final Failure TIMEOUT = Failure.of(FailureKind.TIMEOUT);
    private static final int CALLS = 100_000;

    @Test
    void callFinishedAndDecide_steadyState_allocateNothing() {
        // Backoff.none() makes every retry the shared zero-delay decision, so any allocation is ours
        AdaptiveRetry retry = AdaptiveRetry.builder(RetryPolicy.builder().maxAttempts(4).backoff(Backoff.none())
                .build()).window(64).minimumCalls(8).build();
        RetryState state = new RetryState(0L);
        SplittableRandom rng = new SplittableRandom(3);
        Decision[] last = new Decision[1];

        long bytes = bytesAllocatedBy(() -> {
            for (int i = 0; i < CALLS; i++) {
                retry.callFinished(1 + (i & 3), (i & 1) == 0, i);
                state.reset(i);
                last[0] = retry.decide(state, TIMEOUT, i, rng);
            }
        });

        assertThat(bytes).as("bytes for %d calls", CALLS).isLessThan(CALLS);
        assertThat(last[0]).isNotNull();
    }

    @Test
    void sharedStrategy_eightThreadsFinishingAndDeciding_endsWithTheWindowFullAndHealthy() throws Exception {
        int threads = 8;
        int callsPerThread = 20_000;
        AdaptiveRetry retry = AdaptiveRetry.builder(RetryPolicy.builder().maxAttempts(5).build())
                .window(100).minimumCalls(10).attempts(1, 5).build();
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<Integer>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                long seed = 500L + t;
                workers.add(() -> {
                    SplittableRandom rng = new SplittableRandom(seed);
                    RetryState state = new RetryState(0L);
                    int outOfRange = 0;
                    start.await(30, TimeUnit.SECONDS);
                    for (int i = 0; i < callsPerThread; i++) {
                        // the first half of every thread's calls fail, the second half succeed at once
                        boolean healthy = i >= callsPerThread / 2;
                        retry.callFinished(healthy ? 1 : 5, healthy, i);
                        retry.decide(state.reset(i), TIMEOUT, i, rng);
                        int limit = retry.maxAttempts();
                        if (limit < 1 || limit > 5) {
                            outOfRange++;
                        }
                    }
                    return outOfRange;
                });
            }
            int outOfRange = 0;
            for (Future<Integer> result : pool.invokeAll(workers, 60, TimeUnit.SECONDS)) {
                outOfRange += result.get();
            }

            assertThat(outOfRange).isZero();
        } finally {
            pool.shutdownNow();
            assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }

        // whichever thread finished last, its final 100 calls (at least) were all first-attempt successes
        assertThat(retry.windowCalls()).isEqualTo(100);
        assertThat(retry.maxAttempts()).isEqualTo(5);
        assertThat(retry.delayScale()).isEqualTo(1.0);
    }
}

package dev.retrylab.strategy.bulkhead;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retrylab.testing.Concurrently;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Many threads entering and exiting one bulkhead: every queued call is admitted exactly once,
 * no callback is lost or run twice, and the limits hold at every moment.
 */
class BulkheadConcurrencyTest {

    private static final int THREADS = 8;
    private static final int PER_THREAD = 5_000;

    @Test
    void enterAndExit_callsThatFinishAtOnce_everyAcceptedCallRunsExactlyOnce() {
        Bulkhead bulkhead = Bulkhead.builder().maxConcurrentCalls(2).maxQueuedCalls(3).build();
        Tally tally = new Tally(THREADS * PER_THREAD, bulkhead.maxConcurrentCalls());

        Concurrently.run(THREADS, thread -> {
            for (int i = 0; i < PER_THREAD; i++) {
                int id = thread * PER_THREAD + i;
                tally.record(id, bulkhead.enter(() -> {
                    tally.admitted(id);
                    tally.finished();
                    bulkhead.exit();
                }));
            }
        });

        tally.assertEveryAcceptedCallRanOnce();
        assertThat(bulkhead.runningCalls()).isZero();
        assertThat(bulkhead.queuedCalls()).isZero();
    }

    @Test
    void enterAndExit_callsHeldAcrossThreads_everyQueuedCallIsAdmittedExactlyOnce() {
        Bulkhead bulkhead = Bulkhead.builder().maxConcurrentCalls(3).maxQueuedCalls(16).build();
        Tally tally = new Tally(THREADS * PER_THREAD, bulkhead.maxConcurrentCalls());
        ConcurrentLinkedQueue<Integer> running = new ConcurrentLinkedQueue<>();

        Concurrently.run(THREADS, thread -> {
            for (int i = 0; i < PER_THREAD; i++) {
                int id = thread * PER_THREAD + i;
                tally.record(id, bulkhead.enter(() -> {
                    tally.admitted(id);
                    running.add(id);
                }));
                if (i % 2 == 1 || thread % 2 == 0) { // some threads finish calls slower than they start them
                    finishOne(bulkhead, running, tally);
                }
            }
        });
        while (finishOne(bulkhead, running, tally)) {
            // finishing a call may admit a queued one, which then needs finishing too
        }

        tally.assertEveryAcceptedCallRanOnce();
        assertThat(tally.rejected.get()).isPositive(); // the test did exercise rejection
        assertThat(bulkhead.runningCalls()).isZero();
        assertThat(bulkhead.queuedCalls()).isZero();
    }

    @Test
    void tryEnterAndEnter_mixed_neverExceedTheCallLimit() {
        Bulkhead bulkhead = Bulkhead.builder().maxConcurrentCalls(4).maxQueuedCalls(4).build();
        Tally tally = new Tally(THREADS * PER_THREAD, bulkhead.maxConcurrentCalls());

        Concurrently.run(THREADS, thread -> {
            for (int i = 0; i < PER_THREAD; i++) {
                int id = thread * PER_THREAD + i;
                if (i % 3 == 0 && bulkhead.tryEnter()) {
                    tally.record(id, Admission.ADMITTED);
                    tally.admitted(id);
                    tally.finished();
                    bulkhead.exit();
                } else if (i % 3 != 0) {
                    tally.record(id, bulkhead.enter(() -> {
                        tally.admitted(id);
                        tally.finished();
                        bulkhead.exit();
                    }));
                }
            }
        });

        tally.assertEveryAcceptedCallRanOnce();
        assertThat(bulkhead.runningCalls()).isZero();
    }

    @Test
    void retries_acquiredAndReleasedFrom8Threads_neverExceedTheLimit() {
        Bulkhead bulkhead = Bulkhead.builder().maxConcurrentCalls(8).maxConcurrentRetries(3).build();
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxInFlight = new AtomicInteger();
        AtomicLong granted = new AtomicLong();

        Concurrently.run(THREADS, thread -> {
            for (int i = 0; i < 20_000; i++) {
                if (bulkhead.tryAcquireRetry()) {
                    granted.incrementAndGet();
                    maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                    inFlight.decrementAndGet();
                    bulkhead.releaseRetry();
                }
            }
        });

        assertThat(maxInFlight.get()).isBetween(1, 3);
        assertThat(granted.get()).isPositive();
        assertThat(bulkhead.runningRetries()).isZero();
    }

    private static boolean finishOne(Bulkhead bulkhead, ConcurrentLinkedQueue<Integer> running, Tally tally) {
        Integer id = running.poll();
        if (id == null) {
            return false;
        }
        tally.finished();
        bulkhead.exit();
        return true;
    }

    /** What happened to each call, by id. */
    private static final class Tally {
        final AtomicIntegerArray outcome; // 0 none, 1 admitted now, 2 queued, 3 rejected
        final AtomicIntegerArray runs;
        final AtomicInteger rejected = new AtomicInteger();
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger maxInFlight = new AtomicInteger();
        final int limit;

        Tally(int calls, int limit) {
            this.outcome = new AtomicIntegerArray(calls);
            this.runs = new AtomicIntegerArray(calls);
            this.limit = limit;
        }

        void record(int id, Admission admission) {
            outcome.set(id, admission.outcome().ordinal() + 1);
            if (admission.isRejected()) {
                rejected.incrementAndGet();
            }
        }

        void admitted(int id) {
            runs.incrementAndGet(id);
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        }

        void finished() {
            inFlight.decrementAndGet();
        }

        void assertEveryAcceptedCallRanOnce() {
            int entered = 0;
            int admitted = 0;
            for (int id = 0; id < outcome.length(); id++) {
                int result = outcome.get(id);
                if (result == 0) {
                    continue;
                }
                entered++;
                int expectedRuns = result == Admission.Outcome.REJECTED.ordinal() + 1 ? 0 : 1;
                assertThat(runs.get(id)).as("runs of call %d (outcome %d)", id, result).isEqualTo(expectedRuns);
                admitted += runs.get(id);
            }
            assertThat(admitted).isEqualTo(entered - rejected.get());
            assertThat(maxInFlight.get()).isBetween(1, limit);
            assertThat(inFlight.get()).isZero();
        }
    }
}

package dev.retrylab.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retrylab.engine.random.DurationDistribution;
import dev.retrylab.strategy.FailureKind;
import dev.retrylab.strategy.backoff.Backoff;
import dev.retrylab.strategy.backoff.Jitter;
import dev.retrylab.strategy.retry.RetryPolicy;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Many agents updating one row with optimistic concurrency: overlapping writes conflict. */
class ContentionTest {

    private static final long MS = 1_000_000L;

    private static SimulatedSystem system(int workers, int rows, RetryPolicy policy, RunTally tally) {
        return SimulatedSystem.builder(13L, 0L)
                .service(ServiceConfig.queue("db", workers, DurationDistribution.constant(Duration.ofMillis(10)))
                        .withContendedRows(rows))
                .clients(new ClientConfig("agents", 20, "db", new Workload.Burst(0, 0), 60_000 * MS, 0L),
                        clock -> ClientStrategy.of("s", policy))
                .recorder(tally)
                .build();
    }

    @Test
    void oneWorker_serialisesWritesSoNothingConflicts() {
        RunTally tally = new RunTally(0, 1, 1);
        system(1, 1, RetryPolicy.builder().maxAttempts(1).build(), tally).runUntil(60_000 * MS);
        assertThat(tally.successes).isEqualTo(20);
        assertThat(tally.attemptFailures).isEmpty();
    }

    @Test
    void concurrentWritesToOneRow_allButOneConflict() {
        RunTally tally = new RunTally(0, 1, 1);
        // 20 agents read version 0 at once and write 10ms later: the first commits, 19 conflict
        system(20, 1, RetryPolicy.builder().maxAttempts(1).build(), tally).runUntil(60_000 * MS);
        assertThat(tally.successes).isEqualTo(1);
        assertThat(tally.attemptFailures).containsEntry(FailureKind.CONFLICT, 19L);
    }

    @Test
    void separateRows_doNotConflict() {
        RunTally tally = new RunTally(0, 1, 1);
        system(20, 20, RetryPolicy.builder().maxAttempts(1).build(), tally).runUntil(60_000 * MS);
        assertThat(tally.successes).isEqualTo(20);
    }

    @Test
    void retriesWithJitter_eventuallyCommitEveryWrite() {
        RunTally tally = new RunTally(0, 1, 1);
        RetryPolicy jittered = RetryPolicy.builder().maxAttempts(50)
                .backoff(Backoff.exponential(Duration.ofMillis(10), 2).withCap(Duration.ofSeconds(2))
                        .withJitter(Jitter.FULL)).build();
        system(20, 1, jittered, tally).runUntil(600_000 * MS);
        assertThat(tally.successes).isEqualTo(20);
        assertThat(tally.retries).isGreaterThanOrEqualTo(19);
    }
}

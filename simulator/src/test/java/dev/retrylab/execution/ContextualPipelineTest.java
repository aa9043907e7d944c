package dev.retrylab.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.retrylab.strategy.Classification;
import dev.retrylab.strategy.Failure;
import dev.retrylab.strategy.FailureException;
import dev.retrylab.strategy.FailureKind;
import dev.retrylab.strategy.GiveUpReason;
import dev.retrylab.strategy.backoff.Backoff;
import dev.retrylab.strategy.context.ContextualStrategies;
import dev.retrylab.strategy.context.DependencyStrategy;
import dev.retrylab.strategy.retry.RetryPolicy;
import dev.retrylab.time.ManualScheduler;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** One caller, several dependencies: each target gets its own strategy and classification. */
class ContextualPipelineTest {

    private final ManualScheduler time = new ManualScheduler();

    private final ContextualStrategies<String> strategies = ContextualStrategies.builder()
            .register("database", RetryPolicy.builder().maxAttempts(5)
                    .backoff(Backoff.constant(Duration.ofMillis(5))).build())
            .register("model", new DependencyStrategy(RetryPolicy.builder().maxAttempts(2).build(),
                    Classification.builder().neverRetry(FailureKind.CONFLICT).build()))
            .build();

    private int attemptsUntilGivingUp(String context, FailureKind kind) {
        SyncExecutor executor = SyncExecutor.onVirtualTime(
                Pipeline.builder().strategy(strategies.forContext(context)).build(), time, 1L);
        AtomicInteger attempts = new AtomicInteger();
        CallFailedException failed = catchThrowableOfType(CallFailedException.class, () -> executor.get(() -> {
            attempts.incrementAndGet();
            throw new FailureException(Failure.of(kind));
        }));
        assertThat(failed.reason()).isIn(GiveUpReason.MAX_ATTEMPTS, GiveUpReason.NOT_RETRYABLE);
        return attempts.get();
    }

    @Test
    void eachContext_usesItsOwnStrategyAndUnknownOnesTheDefault() {
        assertThat(attemptsUntilGivingUp("database", FailureKind.CONFLICT)).isEqualTo(5);
        assertThat(attemptsUntilGivingUp("model", FailureKind.CONFLICT)).isEqualTo(1);
        assertThat(attemptsUntilGivingUp("model", FailureKind.RATE_LIMITED)).isEqualTo(2);
        assertThat(attemptsUntilGivingUp("search", FailureKind.CONFLICT)).isEqualTo(3);
    }
}

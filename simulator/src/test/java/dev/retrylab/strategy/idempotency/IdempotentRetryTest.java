package dev.retrylab.strategy.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retrylab.strategy.Decision;
import dev.retrylab.strategy.Failure;
import dev.retrylab.strategy.FailureKind;
import dev.retrylab.strategy.GiveUpReason;
import dev.retrylab.strategy.backoff.Backoff;
import dev.retrylab.strategy.retry.RetryPolicy;
import dev.retrylab.strategy.retry.RetryState;
import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** How {@link RetryPolicy.Builder#retryOnlyIdempotent} and idempotency keys work together. */
class IdempotentRetryTest {

    private static final Failure TIMEOUT = Failure.of(FailureKind.TIMEOUT);

    private final RetryPolicy onlyIdempotent = RetryPolicy.builder()
            .backoff(Backoff.constant(Duration.ofMillis(100)))
            .retryOnlyIdempotent(true)
            .build();
    private final SplittableRandom rng = new SplittableRandom(3);

    @Test
    void retryOnlyIdempotent_nonIdempotentCall_givesUpWithNotIdempotent() {
        RetryState state = new RetryState(0L).idempotent(false);

        Decision decision = onlyIdempotent.decide(state, TIMEOUT, 0L, rng);

        assertThat(decision).isEqualTo(Decision.giveUp(GiveUpReason.NOT_IDEMPOTENT));
    }

    @Test
    void retryOnlyIdempotent_idempotentCall_retriesAfterTheBackoff() {
        RetryState state = new RetryState(0L).idempotent(true);

        Decision decision = onlyIdempotent.decide(state, TIMEOUT, 0L, rng);

        assertThat(decision).isEqualTo(Decision.retryAfter(Duration.ofMillis(100)));
    }

    @Test
    void retryOnlyIdempotent_nonIdempotentCallCarryingAKey_retries() {
        IdempotencyKey key = IdempotencyKey.random(rng);
        RetryState state = key.markIdempotent(new RetryState(0L).idempotent(false));

        Decision decision = onlyIdempotent.decide(state, TIMEOUT, 0L, rng);

        assertThat(decision.retry()).isTrue();
    }

    @Test
    void defaultPolicy_nonIdempotentCall_isRetriedBecauseTheFlagIsOff() {
        RetryPolicy permissive = onlyIdempotent.toBuilder().retryOnlyIdempotent(false).build();
        RetryState state = new RetryState(0L).idempotent(false);

        assertThat(permissive.decide(state, TIMEOUT, 0L, rng).retry()).isTrue();
    }
}

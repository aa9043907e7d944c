package dev.retrylab.strategy.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retrylab.strategy.Decision;
import dev.retrylab.strategy.Failure;
import dev.retrylab.strategy.FailureKind;
import dev.retrylab.strategy.GiveUpReason;
import dev.retrylab.strategy.backoff.Backoff;
import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private static final long MS = 1_000_000L;
    private static final Failure TIMEOUT = Failure.of(FailureKind.TIMEOUT);

    private final SplittableRandom rng = new SplittableRandom(1);

    private static RetryPolicy.Builder exponential() {
        return RetryPolicy.builder()
                .backoff(Backoff.exponential(Duration.ofMillis(100), 2.0).withCap(Duration.ofSeconds(1)));
    }

    /** Plays a call in which every attempt fails with {@code failure}; returns the delays, then the reason. */
    /** The delays of {@link #playFailingCall}'s result. */
    private static java.util.List<Object> delaysOf(Object[] played) {
        return new java.util.ArrayList<>((java.util.List<?>) played[0]);
    }

    private static Object[] playFailingCall(RetryPolicy policy, Failure failure, SplittableRandom rng) {
        RetryState state = new RetryState(0L);
        long now = 0L;
        java.util.List<Long> delays = new java.util.ArrayList<>();
        while (true) {
            Decision decision = policy.decide(state, failure, now, rng);
            if (!decision.retry()) {
                return new Object[] {delays, decision.reason()};
            }
            delays.add(decision.delayNanos() / MS);
            now += decision.delayNanos();
            state.attemptStarted();
        }
    }

    @Test
    void maxAttempts_countsTheFirstAttemptAndDelaysFollowTheBackoff() {
        Object[] played = playFailingCall(exponential().maxAttempts(4).build(), TIMEOUT, rng);
        assertThat(delaysOf(played)).containsExactly(100L, 200L, 400L);
        assertThat(played[1]).isEqualTo(GiveUpReason.MAX_ATTEMPTS);
    }

    @Test
    void maxAttemptsOne_neverRetries() {
        Object[] played = playFailingCall(exponential().maxAttempts(1).build(), TIMEOUT, rng);
        assertThat(delaysOf(played)).isEmpty();
        assertThat(played[1]).isEqualTo(GiveUpReason.MAX_ATTEMPTS);
    }

    @Test
    void nonRetryableFailure_givesUpAtOnce() {
        RetryPolicy policy = exponential().maxAttempts(5).build();
        Decision decision = policy.decide(new RetryState(0), Failure.of(FailureKind.AUTHENTICATION), 0, rng);
        assertThat(decision).isEqualTo(Decision.giveUp(GiveUpReason.NOT_RETRYABLE));
    }

    @Test
    void abortCondition_winsOverRetryable() {
        RetryPolicy policy = exponential().maxAttempts(5).abortOn(FailureKind.CONFLICT).build();
        assertThat(policy.decide(new RetryState(0), Failure.of(FailureKind.CONFLICT), 0, rng).reason())
                .isEqualTo(GiveUpReason.ABORTED);
        assertThat(policy.decide(new RetryState(0), TIMEOUT, 0, rng).retry()).isTrue();
    }

    @Test
    void timeBudget_neverSchedulesARetryThatWouldStartAfterIt() {
        // budget 650ms: retries at 100 (t=100), 200 (t=300); the next would start at t=700 > 650
        RetryPolicy policy = exponential().maxAttempts(10).maxDuration(Duration.ofMillis(650)).build();
        Object[] played = playFailingCall(policy, TIMEOUT, rng);
        assertThat(delaysOf(played)).containsExactly(100L, 200L);
        assertThat(played[1]).isEqualTo(GiveUpReason.DEADLINE);
    }

    @Test
    void callDeadline_isHonouredLikeTheTimeBudget() {
        RetryPolicy policy = exponential().maxAttempts(10).build();
        RetryState state = new RetryState(0).deadlineNanos(150 * MS);
        assertThat(policy.decide(state, TIMEOUT, 60 * MS, rng).reason()).isEqualTo(GiveUpReason.DEADLINE);
        assertThat(policy.decide(new RetryState(0).deadlineNanos(160 * MS), TIMEOUT, 60 * MS, rng).retry()).isTrue();
    }

    @Test
    void retryAfter_replacesTheComputedDelayWhenLarger() {
        RetryPolicy policy = exponential().maxAttempts(5).build();
        Decision longer = policy.decide(new RetryState(0), Failure.rateLimited(Duration.ofMillis(750)), 0, rng);
        assertThat(longer.delayNanos()).isEqualTo(750 * MS);
        Decision shorter = policy.decide(new RetryState(0), Failure.rateLimited(Duration.ofMillis(20)), 0, rng);
        assertThat(shorter.delayNanos()).isEqualTo(100 * MS);
    }

    @Test
    void retryAfter_longerThanTheMaximum_givesUpRatherThanStartEarly() {
        RetryPolicy policy = exponential().maxAttempts(5).maxRetryAfter(Duration.ofSeconds(2)).build();
        Decision decision = policy.decide(new RetryState(0), Failure.rateLimited(Duration.ofSeconds(3)), 0, rng);
        assertThat(decision.reason()).isEqualTo(GiveUpReason.RETRY_AFTER_TOO_LONG);
    }

    @Test
    void retryAfter_neverLetsAnAttemptStartBeforeTheHint() {
        RetryPolicy policy = RetryPolicy.builder().maxAttempts(50)
                .backoff(Backoff.exponential(Duration.ofMillis(10), 2.0).withCap(Duration.ofSeconds(1))
                        .withJitter(dev.retrylab.strategy.backoff.Jitter.FULL))
                .build();
        for (long seed = 0; seed < 100; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            RetryState state = new RetryState(0);
            long now = 0;
            for (int attempt = 1; attempt < 50; attempt++) {
                long hint = random.nextLong(0, 2_000) * MS;
                Decision decision = policy.decide(state, Failure.rateLimited(Duration.ofNanos(hint)), now, random);
                if (!decision.retry()) {
                    break;
                }
                assertThat(decision.delayNanos()).as("seed %d attempt %d", seed, attempt).isGreaterThanOrEqualTo(hint);
                assertThat(state.notBeforeNanos()).isEqualTo(now + decision.delayNanos());
                now += decision.delayNanos();
                state.attemptStarted();
            }
        }
    }

    @Test
    void retryAfterIgnored_usesTheBackoff() {
        RetryPolicy policy = exponential().honorRetryAfter(false).build();
        assertThat(policy.decide(new RetryState(0), Failure.rateLimited(Duration.ofSeconds(5)), 0, rng).delayNanos())
                .isEqualTo(100 * MS);
    }

    @Test
    void retryOnlyIdempotent_refusesNonIdempotentCalls() {
        RetryPolicy policy = exponential().retryOnlyIdempotent(true).build();
        assertThat(policy.decide(new RetryState(0).idempotent(false), TIMEOUT, 0, rng).reason())
                .isEqualTo(GiveUpReason.NOT_IDEMPOTENT);
        assertThat(policy.decide(new RetryState(0), TIMEOUT, 0, rng).retry()).isTrue();
    }

    @Test
    void decorrelatedJitter_seesThePreviousDelayThroughTheState() {
        RetryPolicy policy = RetryPolicy.builder().maxAttempts(10)
                .backoff(Backoff.exponential(Duration.ofMillis(100), 2.0).withCap(Duration.ofSeconds(100))
                        .withJitter(dev.retrylab.strategy.backoff.Jitter.DECORRELATED))
                .build();
        RetryState state = new RetryState(0);
        long previous = 100 * MS;
        for (int i = 0; i < 8; i++) {
            Decision decision = policy.decide(state, TIMEOUT, 0, rng);
            assertThat(decision.delayNanos()).isBetween(100 * MS, 3 * previous);
            assertThat(state.previousBackoffNanos()).isEqualTo(decision.delayNanos());
            previous = decision.delayNanos();
            state.attemptStarted();
        }
    }

    @Test
    void absurdRetryAfter_givesUpInsteadOfOverflowing() {
        RetryPolicy policy = exponential().build();
        Decision decision = policy.decide(new RetryState(0), Failure.rateLimited(Duration.ofDays(365L * 1_000)), 0, rng);
        assertThat(decision.reason()).isEqualTo(GiveUpReason.RETRY_AFTER_TOO_LONG);
    }

    @Test
    void timeBudget_worksOnAClockThatReadsNegative() {
        RetryPolicy policy = exponential().maxAttempts(5).maxDuration(Duration.ofSeconds(10)).build();
        long start = -5_000 * MS;
        assertThat(policy.decide(new RetryState(start), TIMEOUT, start, rng).retry()).isTrue();
        assertThat(policy.decide(new RetryState(start), TIMEOUT, start + 9_950 * MS, rng).reason())
                .isEqualTo(GiveUpReason.DEADLINE);
    }

    @Test
    void decorrelatedJitter_growsFromItsOwnDrawsNotFromRetryAfterHints() {
        RetryPolicy policy = RetryPolicy.builder().maxAttempts(10)
                .backoff(Backoff.exponential(Duration.ofMillis(100), 2.0).withCap(Duration.ofSeconds(100))
                        .withJitter(dev.retrylab.strategy.backoff.Jitter.DECORRELATED))
                .build();
        RetryState state = new RetryState(0);
        Decision hinted = policy.decide(state, Failure.rateLimited(Duration.ofSeconds(30)), 0, rng);
        assertThat(hinted.delayNanos()).isEqualTo(30_000 * MS);
        assertThat(state.previousBackoffNanos()).isBetween(100 * MS, 300 * MS);
        state.attemptStarted();
        // the next draw is U(100ms, 3 x the previous draw), not U(100ms, 90s)
        assertThat(policy.decide(state, TIMEOUT, 0, rng).delayNanos()).isLessThan(900 * MS);
    }

    @Test
    void builder_rejectsInvalidSettings() {
        assertThatThrownBy(() -> RetryPolicy.builder().maxAttempts(0)).hasMessageContaining("maxAttempts");
        assertThatThrownBy(() -> RetryPolicy.builder().maxDuration(Duration.ZERO)).hasMessageContaining("maxDuration");
        assertThatThrownBy(() -> RetryPolicy.builder().maxRetryAfter(Duration.ofSeconds(-1)))
                .hasMessageContaining("maxRetryAfter");
        assertThatThrownBy(() -> RetryPolicy.builder().maxDuration(Duration.ofDays(365L * 1_000)))
                .hasMessageContaining("maxDuration").hasMessageContaining("292 years");
    }

    @Test
    void toBuilder_keepsEverySetting() {
        RetryPolicy policy = exponential().maxAttempts(7).maxDuration(Duration.ofSeconds(3))
                .honorRetryAfter(false).retryOnlyIdempotent(true).build();
        RetryPolicy copy = policy.toBuilder().build();
        assertThat(copy).usingRecursiveComparison().isEqualTo(policy);
    }
}

package dev.retrylab.strategy.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.retrylab.strategy.Decision;
import dev.retrylab.strategy.Failure;
import dev.retrylab.strategy.FailureKind;
import dev.retrylab.strategy.GiveUpReason;
import dev.retrylab.strategy.backoff.Backoff;
import dev.retrylab.time.ManualScheduler;
import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The expected numbers come from the rule in AdaptiveRetry's class comment, worked by hand: with
 * attempts 1..5, scale 1..3 and health 0.5..0.9, h = (p - 0.5) / 0.4 clamped to 0..1,
 * maxAttempts = 1 + round(4h) and delayScale = 1 + 2(1 - h).
 */
class AdaptiveRetryTest {

    private static final Failure TIMEOUT = Failure.of(FailureKind.TIMEOUT);
    private static final RetryPolicy POLICY = RetryPolicy.builder().maxAttempts(5)
            .backoff(Backoff.constant(Duration.ofMillis(100))).build();

    private final ManualScheduler clock = new ManualScheduler();
    private final SplittableRandom rng = new SplittableRandom(7);

    private static AdaptiveRetry.Builder tenCalls() {
        return AdaptiveRetry.builder(POLICY).window(10).minimumCalls(10).attempts(1, 5).delayScale(1.0, 3.0)
                .health(0.5, 0.9);
    }

    private void finish(AdaptiveRetry retry, int calls, int attempts, boolean succeeded) {
        for (int i = 0; i < calls; i++) {
            retry.callFinished(attempts, succeeded, clock.nanoTime());
        }
    }

    @Test
    void allFirstAttemptsSucceed_p1_ceilingAttemptsAndUnscaledDelays() {
        AdaptiveRetry retry = tenCalls().build();
        finish(retry, 10, 1, true);

        assertThat(retry.maxAttempts()).isEqualTo(5);
        assertThat(retry.delayScale()).isEqualTo(1.0);
    }

    @Test
    void eightOfTenAttemptsSucceed_p08_fourAttemptsScale15() {
        AdaptiveRetry retry = tenCalls().build();
        finish(retry, 8, 1, true);
        finish(retry, 2, 1, false);

        // h = 0.3 / 0.4 = 0.75: 1 + round(3) = 4, 1 + 2 * 0.25 = 1.5
        assertThat(retry.maxAttempts()).isEqualTo(4);
        assertThat(retry.delayScale()).isCloseTo(1.5, within(1e-12));
    }

    @Test
    void sevenOfTenAttemptsSucceed_p07_threeAttemptsScale2() {
        AdaptiveRetry retry = tenCalls().build();
        finish(retry, 7, 1, true);
        finish(retry, 3, 1, false);

        // h = 0.5: 1 + round(2) = 3, 1 + 2 * 0.5 = 2
        assertThat(retry.maxAttempts()).isEqualTo(3);
        assertThat(retry.delayScale()).isCloseTo(2.0, within(1e-12));
    }

    @Test
    void sixOfTenAttemptsSucceed_p06_twoAttemptsScale25() {
        AdaptiveRetry retry = tenCalls().build();
        finish(retry, 6, 1, true);
        finish(retry, 4, 1, false);

        // h = 0.25: 1 + round(1) = 2, 1 + 2 * 0.75 = 2.5
        assertThat(retry.maxAttempts()).isEqualTo(2);
        assertThat(retry.delayScale()).isCloseTo(2.5, within(1e-12));
    }

    @Test
    void halfOfAttemptsSucceed_atUnhealthyMark_floorAttemptsAndScaleCeiling() {
        AdaptiveRetry retry = tenCalls().build();
        finish(retry, 5, 1, true);
        finish(retry, 5, 1, false);

        assertThat(retry.maxAttempts()).isEqualTo(1);
        assertThat(retry.delayScale()).isEqualTo(3.0);
    }

    @Test
    void mostAttemptsFail_belowUnhealthyMark_clampedToFloorAndScaleCeiling() {
        AdaptiveRetry retry = tenCalls().build();
        finish(retry, 1, 1, true);
        finish(retry, 9, 5, false);

        assertThat(retry.maxAttempts()).isEqualTo(1);
        assertThat(retry.delayScale()).isEqualTo(3.0);
    }

    @Test
    void everyCallSucceedsOnSecondAttempt_attemptsLowerTheRate() {
        AdaptiveRetry retry = tenCalls().build();
        finish(retry, 5, 1, true);
        finish(retry, 5, 2, true);

        // A = 15, S = 10, p = 2/3, h = (2/3 - 1/2) / 0.4 = 5/12: 1 + round(5/3) = 3, 1 + 2 * 7/12 = 13/6
        assertThat(retry.maxAttempts()).isEqualTo(3);
        assertThat(retry.delayScale()).isCloseTo(13.0 / 6.0, within(1e-12));
    }

    @Test
    void exactHalfOnPaper_roundsUp() {
        AdaptiveRetry retry = tenCalls().attempts(1, 2).build();
        finish(retry, 7, 1, true);
        finish(retry, 3, 1, false);

        // h = (0.7 - 0.5) / 0.4 = 0.5 on paper (0.4999999999999999 in doubles): 1 + round(0.5) = 2
        assertThat(retry.maxAttempts()).isEqualTo(2);
    }

    @Test
    void classComment_workedExamples_holdWithTheDefaults() {
        AdaptiveRetry healthy = AdaptiveRetry.builder(RetryPolicy.defaults()).build();
        finish(healthy, 8, 1, true);
        finish(healthy, 2, 2, true);
        AdaptiveRetry struggling = AdaptiveRetry.builder(RetryPolicy.defaults()).build();
        finish(struggling, 7, 1, true);
        finish(struggling, 3, 3, false);

        assertThat(healthy.maxAttempts()).isEqualTo(3);
        assertThat(healthy.delayScale()).isCloseTo(1.5, within(1e-12));
        assertThat(struggling.maxAttempts()).isEqualTo(1);
        assertThat(struggling.delayScale()).isEqualTo(4.0);
    }

    @Test
    void fewerCallsThanMinimum_allFailed_treatedAsHealthy() {
        AdaptiveRetry retry = tenCalls().build();
        finish(retry, 9, 3, false);

        assertThat(retry.maxAttempts()).isEqualTo(5);
        assertThat(retry.delayScale()).isEqualTo(1.0);

        finish(retry, 1, 3, false);
        assertThat(retry.maxAttempts()).isEqualTo(1);
    }

    @Test
    void newStrategy_noCalls_policyAttemptsAsCeilingAndScaleFloor() {
        AdaptiveRetry retry = AdaptiveRetry.builder(POLICY).build();

        assertThat(retry.maxAttempts()).isEqualTo(POLICY.maxAttempts());
        assertThat(retry.delayScale()).isEqualTo(1.0);
        assertThat(retry.windowCalls()).isZero();
    }

    @Test
    void customFloorsAndCeilings_extremes_reachBothEnds() {
        AdaptiveRetry retry = tenCalls().attempts(2, 8).delayScale(0.5, 10.0).build();
        finish(retry, 10, 1, false);
        assertThat(retry.maxAttempts()).isEqualTo(2);
        assertThat(retry.delayScale()).isEqualTo(10.0);

        finish(retry, 10, 1, true);
        assertThat(retry.maxAttempts()).isEqualTo(8);
        assertThat(retry.delayScale()).isEqualTo(0.5);
    }

    @Test
    void equalFloorAndCeiling_anyHealth_keepsThatValue() {
        AdaptiveRetry retry = tenCalls().attempts(3, 3).delayScale(2.0, 2.0).build();
        finish(retry, 10, 4, false);

        assertThat(retry.maxAttempts()).isEqualTo(3);
        assertThat(retry.delayScale()).isEqualTo(2.0);
    }

    @Test
    void window_newCallsPushOutOldest_limitRecovers() {
        AdaptiveRetry retry = tenCalls().build();
        finish(retry, 10, 1, false);
        assertThat(retry.maxAttempts()).isEqualTo(1);

        finish(retry, 6, 1, true);
        assertThat(retry.maxAttempts()).as("6 of 10 succeed").isEqualTo(2);
        finish(retry, 2, 1, true);
        assertThat(retry.maxAttempts()).as("8 of 10 succeed").isEqualTo(4);
        finish(retry, 2, 1, true);
        assertThat(retry.maxAttempts()).as("10 of 10 succeed").isEqualTo(5);
        assertThat(retry.windowCalls()).isEqualTo(10);
    }

    @Test
    void maxAge_callsOlderThanMaxAge_expireAtNextDecision() {
        AdaptiveRetry retry = tenCalls().minimumCalls(1).maxAge(Duration.ofSeconds(10)).build();
        finish(retry, 5, 1, false);
        assertThat(retry.maxAttempts()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(10).minusNanos(1));
        retry.decide(new RetryState(0L), TIMEOUT, clock.nanoTime(), rng);
        assertThat(retry.windowCalls()).isEqualTo(5);
        assertThat(retry.maxAttempts()).isEqualTo(1);

        clock.advance(Duration.ofNanos(1));
        retry.decide(new RetryState(0L), TIMEOUT, clock.nanoTime(), rng);
        assertThat(retry.windowCalls()).isZero();
        assertThat(retry.maxAttempts()).isEqualTo(5);
    }

    @Test
    void maxAge_newCallFinishing_expiresOnlyTheOldOnes() {
        AdaptiveRetry retry = tenCalls().minimumCalls(1).maxAge(Duration.ofSeconds(10)).build();
        finish(retry, 3, 1, false);
        clock.advance(Duration.ofSeconds(6));
        finish(retry, 3, 1, true);
        clock.advance(Duration.ofSeconds(4));

        finish(retry, 1, 1, true);

        assertThat(retry.windowCalls()).isEqualTo(4);
        assertThat(retry.maxAttempts()).isEqualTo(5);
    }

    @Test
    void decide_tunedLimitThree_retriesBeforeAndGivesUpAtIt() {
        AdaptiveRetry retry = tenCalls().build();
        finish(retry, 7, 1, true);
        finish(retry, 3, 1, false);
        RetryState state = new RetryState(clock.nanoTime());
        state.attemptStarted();

        Decision afterSecond = retry.decide(state, TIMEOUT, clock.nanoTime(), rng);
        state.attemptStarted();
        Decision afterThird = retry.decide(state, TIMEOUT, clock.nanoTime(), rng);

        assertThat(afterSecond.retry()).isTrue();
        assertThat(afterSecond.delay()).as("100 ms backoff times scale 2").isEqualTo(Duration.ofMillis(200));
        assertThat(afterThird).isEqualTo(Decision.giveUp(GiveUpReason.MAX_ATTEMPTS));
    }

    @Test
    void decide_healthyWindow_allowsThePolicysFullAttemptsAtNormalDelay() {
        AdaptiveRetry retry = tenCalls().build();
        finish(retry, 10, 1, true);
        RetryState state = new RetryState(0L);
        for (int i = 1; i < 4; i++) {
            state.attemptStarted();
        }

        Decision afterFourth = retry.decide(state, TIMEOUT, 0L, rng);
        state.attemptStarted();
        Decision afterFifth = retry.decide(state, TIMEOUT, 0L, rng);

        assertThat(afterFourth.delay()).isEqualTo(Duration.ofMillis(100));
        assertThat(afterFifth.reason()).isEqualTo(GiveUpReason.MAX_ATTEMPTS);
    }

    @Test
    void decide_floorOfOneAttempt_givesUpAfterTheFirst() {
        AdaptiveRetry retry = tenCalls().build();
        finish(retry, 10, 3, false);

        Decision decision = retry.decide(new RetryState(0L), TIMEOUT, 0L, rng);

        assertThat(decision.reason()).isEqualTo(GiveUpReason.MAX_ATTEMPTS);
    }

    @Test
    void decide_notRetryableFailure_givesUpAsThePolicyDoes() {
        AdaptiveRetry retry = tenCalls().build();

        Decision decision = retry.decide(new RetryState(0L), Failure.of(FailureKind.INVALID_INPUT), 0L, rng);

        assertThat(decision.reason()).isEqualTo(GiveUpReason.NOT_RETRYABLE);
    }

    @Test
    void callFinished_zeroAttempts_throws() {
        AdaptiveRetry retry = tenCalls().build();

        assertThatThrownBy(() -> retry.callFinished(0, true, 0L)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("attempts must be 1 or more, was 0");
    }
}

package dev.retrylab.strategy.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retrylab.strategy.FailureKind;
import dev.retrylab.time.ManualScheduler;
import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TokenBucketRetryBudgetTest {

    private static final FailureKind OTHER = FailureKind.SERVER_ERROR;
    private static final FailureKind TIMEOUT = FailureKind.TIMEOUT;

    // --- AWS SDK standard mode: 500 tokens, retry 5, timeout retry 10, +1 / refund on success.

    @Test
    void awsStandard_fullBucket_allowsExactly100NonTimeoutRetries() {
        TokenBucketRetryBudget budget = TokenBucketRetryBudget.awsStandard();

        assertThat(grantedInARow(budget, OTHER, 1_000)).isEqualTo(100); // 500 / 5
        assertThat(budget.tokenThousandths()).isZero();
    }

    @Test
    void awsStandard_fullBucket_allowsExactly50TimeoutRetries() {
        TokenBucketRetryBudget budget = TokenBucketRetryBudget.awsStandard();

        assertThat(grantedInARow(budget, TIMEOUT, 1_000)).isEqualTo(50); // 500 / 10
        assertThat(budget.tokens()).isZero();
    }

    @Test
    void awsStandard_mixedKinds_payEachItsOwnCost() {
        TokenBucketRetryBudget budget = TokenBucketRetryBudget.awsStandard();

        assertThat(grantedInARow(budget, TIMEOUT, 45)).isEqualTo(45); // 450 paid, 50 left
        assertThat(budget.tokens()).isEqualTo(50.0);
        assertThat(grantedInARow(budget, OTHER, 1_000)).isEqualTo(10);
    }

    @Test
    void awsStandard_fewerTokensThanTheCost_refusesTheRetryAndKeepsTheTokens() {
        TokenBucketRetryBudget budget = TokenBucketRetryBudget.awsStandard();
        grantedInARow(budget, TIMEOUT, 49); // 10 left

        assertThat(budget.tryAcquireRetry(TIMEOUT, 0)).isTrue(); // 10 >= 10: 0 left
        budget.onSuccess(false);
        budget.onSuccess(false);
        budget.onSuccess(false); // 3 tokens

        assertThat(budget.tryAcquireRetry(OTHER, 0)).isFalse(); // 3 < 5
        assertThat(budget.tokens()).isEqualTo(3.0);
    }

    @Test
    void awsStandard_successWithoutRetry_addsOneUpToTheCapacity() {
        TokenBucketRetryBudget budget = TokenBucketRetryBudget.awsStandard();
        budget.onSuccess(false);
        assertThat(budget.tokens()).isEqualTo(500.0);

        grantedInARow(budget, OTHER, 1_000);
        for (int i = 0; i < 4; i++) {
            budget.onSuccess(false);
        }
        assertThat(budget.tryAcquireRetry(OTHER, 0)).isFalse(); // 4 < 5
        budget.onSuccess(false);
        assertThat(budget.tryAcquireRetry(OTHER, 0)).isTrue(); // 5 >= 5
        assertThat(budget.tokens()).isZero();
    }

    @Test
    void awsStandard_successAfterRetry_refundsTheCostOfThatRetry() {
        TokenBucketRetryBudget budget = TokenBucketRetryBudget.awsStandard();

        budget.tryAcquireRetry(OTHER, 0);
        assertThat(budget.tokens()).isEqualTo(495.0);
        budget.onSuccess(true);
        assertThat(budget.tokens()).isEqualTo(500.0);

        budget.tryAcquireRetry(TIMEOUT, 0);
        budget.tryAcquireRetry(TIMEOUT, 0);
        assertThat(budget.tokens()).isEqualTo(480.0);
        budget.onSuccessAfterRetry(TIMEOUT);
        assertThat(budget.tokens()).isEqualTo(490.0);
        budget.onSuccessAfterRetry(OTHER);
        assertThat(budget.tokens()).isEqualTo(495.0);
    }

    @Test
    void awsStandard_failures_costNothingThemselves() {
        TokenBucketRetryBudget budget = TokenBucketRetryBudget.awsStandard();
        for (int i = 0; i < 100; i++) {
            budget.onFailure(OTHER);
        }
        assertThat(budget.tokens()).isEqualTo(500.0);
    }

    // --- gRFC A6 throttling with maxTokens 10, tokenRatio 0.1; threshold maxTokens / 2 = 5.

    @Test
    void grpc_failuresFromFull_stopRetriesWhenTokensReachHalf() {
        TokenBucketRetryBudget budget = TokenBucketRetryBudget.grpc(10, 0.1);
        // 10 -> 9, 8, 7, 6: each still > 5, so the retry goes; the fifth failure leaves exactly 5.
        for (int failure = 1; failure <= 4; failure++) {
            budget.onFailure(OTHER);
            assertThat(budget.tryAcquireRetry(OTHER, 0)).as("after failure %d", failure).isTrue();
        }
        budget.onFailure(OTHER);
        assertThat(budget.tokenThousandths()).isEqualTo(5_000L);
        assertThat(budget.tryAcquireRetry(OTHER, 0)).isFalse();
    }

    @Test
    void grpc_retries_costNoTokens() {
        TokenBucketRetryBudget budget = TokenBucketRetryBudget.grpc(10, 0.1);
        for (int i = 0; i < 1_000; i++) {
            assertThat(budget.tryAcquireRetry(TIMEOUT, 0)).isTrue();
        }
        assertThat(budget.tokens()).isEqualTo(10.0);
    }

    @Test
    void grpc_successesAfterThrottling_resumeRetriesAtExactlyTheHandComputedPoint() {
        TokenBucketRetryBudget budget = TokenBucketRetryBudget.grpc(10, 0.1);
        for (int i = 0; i < 5; i++) {
            budget.onFailure(OTHER); // 5.000: throttled
        }
        budget.onSuccess(false); // 5.100 > 5
        assertThat(budget.tryAcquireRetry(OTHER, 0)).isTrue();
        budget.onFailure(OTHER); // 4.100
        // 4.1 + 9 * 0.1 = 5.0 exactly: still throttled (needs strictly more than 5).
        for (int i = 0; i < 9; i++) {
            budget.onSuccess(i % 2 == 0);
            assertThat(budget.tryAcquireRetry(OTHER, 0)).as("after %d successes", i + 1).isFalse();
        }
        assertThat(budget.tokenThousandths()).isEqualTo(5_000L);
        budget.onSuccess(false); // 5.100
        assertThat(budget.tryAcquireRetry(OTHER, 0)).isTrue();
    }

    @Test
    void grpc_tokens_stayWithinZeroAndMaxTokens() {
        TokenBucketRetryBudget budget = TokenBucketRetryBudget.grpc(10, 0.1);
        for (int i = 0; i < 30; i++) {
            budget.onFailure(OTHER);
        }
        assertThat(budget.tokenThousandths()).isZero();
        for (int i = 0; i < 200; i++) {
            budget.onSuccess(false);
        }
        assertThat(budget.tokenThousandths()).isEqualTo(10_000L);
    }

    @Test
    void grpc_tenthsAddedManyTimes_stayExact() {
        TokenBucketRetryBudget budget = TokenBucketRetryBudget.grpc(1000, 0.1);
        for (int i = 0; i < 1000; i++) {
            budget.onFailure(OTHER);
        }
        for (int i = 0; i < 3_333; i++) {
            budget.onSuccess(false);
        }
        assertThat(budget.tokenThousandths()).isEqualTo(333_300L);
    }

    @Test
    void grpc_ratioWithMoreThanThreeDecimals_ignoresTheRest() {
        TokenBucketRetryBudget budget = TokenBucketRetryBudget.grpc(10, 0.1239);
        budget.onFailure(OTHER);
        budget.onSuccess(false);
        assertThat(budget.tokenThousandths()).isEqualTo(9_123L);
    }

    @Test
    void grpc_outOfRangeSettings_areRejectedWithTheAllowedRange() {
        assertThatThrownBy(() -> TokenBucketRetryBudget.grpc(0, 0.1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("maxTokens must be 1..1000 (gRFC A6), was 0");
        assertThatThrownBy(() -> TokenBucketRetryBudget.grpc(1001, 0.1))
                .hasMessageContaining("maxTokens must be 1..1000");
        assertThatThrownBy(() -> TokenBucketRetryBudget.grpc(10, 0.0))
                .hasMessage("tokenRatio must be 0.001..1000, was 0.0");
        assertThatThrownBy(() -> TokenBucketRetryBudget.grpc(10, 0.0004))
                .hasMessage("tokenRatio must be 0.001..1000, was 4.0E-4");
        assertThatThrownBy(() -> TokenBucketRetryBudget.grpc(10, Double.NaN))
                .hasMessageContaining("tokenRatio must be");
    }

    // --- A plain bucket refilled on the virtual clock.

    @Test
    void refilling_emptyBucket_earnsTokensOverVirtualTimeExactly() {
        ManualScheduler clock = new ManualScheduler();
        TokenBucketRetryBudget budget = TokenBucketRetryBudget.refilling(10, 2, clock);
        assertThat(grantedInARow(budget, OTHER, 100)).isEqualTo(10);

        clock.advance(Duration.ofMillis(499)); // 0.998 tokens
        assertThat(budget.tokenThousandths()).isEqualTo(998L);
        assertThat(budget.tryAcquireRetry(OTHER, 0)).isFalse();
        clock.advance(Duration.ofMillis(1)); // 1.000
        assertThat(budget.tryAcquireRetry(OTHER, 0)).isTrue();
        assertThat(budget.tokenThousandths()).isZero();
    }

    @Test
    void refilling_fractionsOfAThousandth_carryOverBetweenReads() {
        ManualScheduler clock = new ManualScheduler();
        TokenBucketRetryBudget budget = TokenBucketRetryBudget.builder()
                .capacity(10).initialTokens(0).refill(3, clock).build();
        // 3 tokens/s is 0.3 thousandths of a token per 100us step: every read rounds down.
        for (int i = 0; i < 10_000; i++) {
            clock.advance(Duration.ofNanos(100_000));
            budget.tokenThousandths();
        }
        // 10_000 * 100us = 1 s: exactly 3 tokens, nothing lost to rounding.
        assertThat(budget.tokenThousandths()).isEqualTo(3_000L);
    }

    @Test
    void refilling_longIdle_fillsToCapacityOnly() {
        ManualScheduler clock = new ManualScheduler();
        TokenBucketRetryBudget budget = TokenBucketRetryBudget.refilling(10, 2, clock);
        grantedInARow(budget, OTHER, 100);

        clock.advance(Duration.ofDays(3));
        assertThat(budget.tokens()).isEqualTo(10.0);
        assertThat(grantedInARow(budget, OTHER, 100)).isEqualTo(10);
    }

    @Test
    void refilling_steadyState_allowsTheRefillRate() {
        ManualScheduler clock = new ManualScheduler();
        TokenBucketRetryBudget budget = TokenBucketRetryBudget.refilling(5, 4, clock);
        int granted = grantedInARow(budget, OTHER, 100);
        for (int ms = 0; ms < 10_000; ms += 10) { // 10 s, asking every 10 ms
            clock.advance(Duration.ofMillis(10));
            if (budget.tryAcquireRetry(OTHER, 0)) {
                granted++;
            }
        }
        assertThat(granted).isEqualTo(5 + 40); // the full bucket, then 4 per second for 10 s
    }

    // --- Builder validation.

    @Test
    void builder_withoutCapacity_namesTheMissingSetting() {
        assertThatThrownBy(() -> TokenBucketRetryBudget.builder().build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("capacity is required: set it to 0.001..1000000");
    }

    @Test
    void builder_costAboveCapacity_isRejected() {
        assertThatThrownBy(() -> TokenBucketRetryBudget.builder().capacity(10).retryCost(11).build())
                .hasMessage("retryCost must be 0..10 (the capacity), was 11");
        assertThatThrownBy(() -> TokenBucketRetryBudget.builder().capacity(10).initialTokens(10.5).build())
                .hasMessage("initialTokens must be 0..10 (the capacity), was 10.5");
    }

    @Test
    void builder_negativeOrHugeAmounts_areRejectedAtOnce() {
        assertThatThrownBy(() -> TokenBucketRetryBudget.builder().retryCost(-1))
                .hasMessage("retryCost must be 0..1000000, was -1.0");
        assertThatThrownBy(() -> TokenBucketRetryBudget.builder().capacity(2_000_000))
                .hasMessage("capacity must be 0.001..1000000, was 2000000.0");
    }

    @Test
    void builder_thresholdAtCapacity_isRejected() {
        assertThatThrownBy(() -> TokenBucketRetryBudget.builder().capacity(10).retryOnlyAbove(10).build())
                .hasMessage("retryOnlyAbove must be below capacity 10, was 10: no retry could ever go");
    }

    @Test
    void builder_refundAndFixedIncrementAfterRetry_areExclusive() {
        assertThatThrownBy(() -> TokenBucketRetryBudget.builder().capacity(10)
                .successAfterRetryIncrement(1).refundRetryCostOnSuccess(true).build())
                .hasMessage("set either successAfterRetryIncrement or refundRetryCostOnSuccess, not both");
    }

    @Test
    void builder_timeoutCostDefault_isTheRetryCost() {
        TokenBucketRetryBudget budget = TokenBucketRetryBudget.builder().capacity(10).retryCost(2).build();
        assertThat(grantedInARow(budget, TIMEOUT, 100)).isEqualTo(5);
    }

    @Test
    void toString_awsStandard_showsEveryParameter() {
        assertThat(TokenBucketRetryBudget.awsStandard()).hasToString(
                "TokenBucketRetryBudget[capacity=500, retryCost=5, timeoutRetryCost=10, successIncrement=1,"
                        + " successAfterRetry=refund retry cost]");
        assertThat(TokenBucketRetryBudget.grpc(10, 0.1)).hasToString(
                "TokenBucketRetryBudget[capacity=10, retryCost=0, timeoutRetryCost=0, failureCost=1,"
                        + " successIncrement=0.1, successAfterRetry=0.1, retryOnlyAbove=5]");
    }

    // --- Property: whatever the sequence, tokens stay in [0, capacity] and match a model.

    @Test
    void grpc_randomSequences_matchAnExactModel() {
        for (long seed = 1; seed <= 200; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            int maxTokens = 1 + random.nextInt(1000);
            int ratioThousandths = 1 + random.nextInt(2000);
            TokenBucketRetryBudget budget = TokenBucketRetryBudget.grpc(maxTokens, ratioThousandths / 1000.0);
            long model = maxTokens * 1000L;
            for (int step = 0; step < 500; step++) {
                switch (random.nextInt(3)) {
                    case 0 -> {
                        budget.onFailure(OTHER);
                        model = Math.max(0, model - 1000);
                    }
                    case 1 -> {
                        budget.onSuccess(random.nextBoolean());
                        model = Math.min(maxTokens * 1000L, model + ratioThousandths);
                    }
                    default -> {
                        boolean expected = model > maxTokens * 500L;
                        assertThat(budget.tryAcquireRetry(OTHER, 0)).as("seed %d step %d", seed, step)
                                .isEqualTo(expected);
                    }
                }
                assertThat(budget.tokenThousandths()).as("seed %d step %d", seed, step).isEqualTo(model);
            }
        }
    }

    private static int grantedInARow(TokenBucketRetryBudget budget, FailureKind kind, int attempts) {
        int granted = 0;
        for (int i = 0; i < attempts; i++) {
            if (budget.tryAcquireRetry(kind, 0)) {
                granted++;
            }
        }
        return granted;
    }
}

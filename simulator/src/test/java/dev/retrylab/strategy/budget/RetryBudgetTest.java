package dev.retrylab.strategy.budget;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retrylab.strategy.FailureKind;
import org.junit.jupiter.api.Test;

class RetryBudgetTest {

    @Test
    void unlimited_afterAnyHistory_allowsEveryRetry() {
        RetryBudget budget = RetryBudget.unlimited();
        for (int i = 0; i < 1_000; i++) {
            budget.onRequest();
            budget.onFailure(FailureKind.TIMEOUT);
            assertThat(budget.tryAcquireRetry(FailureKind.TIMEOUT, Long.MAX_VALUE)).isTrue();
        }
        assertThat(RetryBudget.unlimited()).isSameAs(budget).hasToString("UnlimitedRetryBudget");
    }

    @Test
    void onSuccessAfterRetry_default_countsAsASuccessAfterRetry() {
        boolean[] afterRetry = new boolean[1];
        RetryBudget recording = new RetryBudget() {
            @Override
            public void onRequest() {
            }

            @Override
            public boolean tryAcquireRetry(FailureKind kind, long delayNanos) {
                return true;
            }

            @Override
            public void onSuccess(boolean retried) {
                afterRetry[0] = retried;
            }

            @Override
            public void onFailure(FailureKind kind) {
            }
        };
        recording.onSuccessAfterRetry(FailureKind.CONNECTION);
        assertThat(afterRetry[0]).isTrue();
    }
}

package dev.retrylab.strategy.budget;

import dev.retrylab.strategy.FailureKind;

/** The budget behind {@link RetryBudget#unlimited()}: allows every retry, keeps nothing. */
enum UnlimitedRetryBudget implements RetryBudget {
    INSTANCE;

    @Override
    public void onRequest() {
    }

    @Override
    public boolean tryAcquireRetry(FailureKind kind, long delayNanos) {
        return true;
    }

    @Override
    public void onSuccess(boolean afterRetry) {
    }

    @Override
    public void onFailure(FailureKind kind) {
    }

    @Override
    public String toString() {
        return "UnlimitedRetryBudget";
    }
}

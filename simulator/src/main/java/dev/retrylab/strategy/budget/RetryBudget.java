package dev.retrylab.strategy.budget;

import dev.retrylab.strategy.FailureKind;

/**
 * A limit on retries shared by many logical calls: it hears about every call and every attempt,
 * and answers whether one more retry may go. A refusal means the caller gives up with
 * {@link dev.retrylab.strategy.GiveUpReason#BUDGET_EXHAUSTED}.
 *
 * <p>Protocol for one logical call: {@link #onRequest()} once, before its first attempt; after
 * each attempt either {@link #onSuccess} or {@link #onFailure}; and, when a failed attempt is to
 * be retried, {@link #tryAcquireRetry} after {@code onFailure} and before the retry waits. Local
 * refusals (an open circuit, a full bulkhead, this budget) are not attempts: do not report them
 * as failures.
 *
 * <p>Implementations are thread-safe and allocate nothing per call. A budget is per caller or
 * shared by many callers simply by sharing the instance: the budget then bounds their retries
 * together.
 */
public interface RetryBudget {

    /** A new logical call starts its first attempt. */
    void onRequest();

    /**
     * Asks for one retry of a call whose latest attempt failed with {@code kind}, to start after
     * {@code delayNanos}. When this returns true the retry is paid for and should go.
     *
     * @return false when the budget refuses: the call gives up with {@code BUDGET_EXHAUSTED}
     */
    boolean tryAcquireRetry(FailureKind kind, long delayNanos);

    /**
     * An attempt succeeded.
     *
     * @param afterRetry true when the call needed at least one retry to get here
     */
    void onSuccess(boolean afterRetry);

    /**
     * An attempt succeeded after retries, the last of which followed a failure of
     * {@code retriedKind}. Budgets that refund the cost of the last retry (the AWS SDK retry quota)
     * use the kind to refund exactly what was paid; the default is {@code onSuccess(true)}.
     */
    default void onSuccessAfterRetry(FailureKind retriedKind) {
        onSuccess(true);
    }

    /** An attempt failed with {@code kind}. */
    void onFailure(FailureKind kind);

    /** A budget that allows every retry; a neutral default for executors. */
    static RetryBudget unlimited() {
        return UnlimitedRetryBudget.INSTANCE;
    }
}

/**
 * Retry budgets and client-side throttles: limits on how much extra load retries may add, shared
 * by the calls of one client (or of many) so that an outage does not become a retry storm.
 *
 * <p>{@link dev.retrylab.strategy.budget.RetryBudget} is the common seam for executors and the
 * simulator; {@link dev.retrylab.strategy.budget.AdaptiveThrottle} gates every attempt instead.
 * Everything here decides and never waits: time comes from a {@link dev.retrylab.time.Clock} and
 * randomness from a {@link java.util.random.RandomGenerator} handed in.
 */
package dev.retrylab.strategy.budget;

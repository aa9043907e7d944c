/**
 * Bulkheads: bounds on concurrent calls and concurrent retries, with a bounded FIFO queue, so one
 * failing dependency cannot take every thread or connection of a service. Decisions never block.
 */
package dev.retrylab.strategy.bulkhead;

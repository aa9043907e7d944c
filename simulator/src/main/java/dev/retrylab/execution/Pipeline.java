package dev.retrylab.execution;

import dev.retrylab.strategy.Classification;
import dev.retrylab.strategy.breaker.CircuitBreaker;
import dev.retrylab.strategy.context.DependencyStrategy;
import dev.retrylab.strategy.budget.AdaptiveThrottle;
import dev.retrylab.strategy.budget.RetryBudget;
import dev.retrylab.strategy.bulkhead.Bulkhead;
import dev.retrylab.strategy.hedge.HedgePolicy;
import dev.retrylab.strategy.event.RetryListener;
import dev.retrylab.strategy.event.RetryMetrics;
import dev.retrylab.strategy.retry.RetryPolicy;
import dev.retrylab.strategy.retry.RetryStrategy;
import dev.retrylab.time.Nanos;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The policies an executor runs around each attempt, and their order. Immutable; the policies
 * it holds carry their own (thread-safe) shared state, so one pipeline may serve many executors
 * and threads.
 *
 * <p>The default order, outermost first, is circuit breaker → retry (with its budget and
 * throttle) → bulkhead → hedge → attempt (with its timeout). The breaker sits outside the retry
 * so that one logical call is one breaker decision: a call that needed three attempts to succeed
 * is a success, and a single outage does not count every retry against the breaker, which would
 * open it three times faster than its thresholds say. Put {@link Stage#CIRCUIT_BREAKER} after
 * {@link Stage#RETRY} to have every attempt checked and recorded instead; then an open breaker
 * refuses the retries too, which stops a retry loop at once. The bulkhead sits inside the retry
 * so that a call waiting to retry does not hold a slot; time spent queueing for a slot counts
 * against a call's deadline at its next retry decision.
 *
 * <p>Policies that keep time (breaker, budgets, throttle, hedge latency) read their own
 * {@code Clock}: give them the executor's, or a virtual-time test will mix clocks.
 */
public final class Pipeline {

    /** The default order, outermost first. */
    public static final List<Stage> DEFAULT_ORDER =
            List.of(Stage.CIRCUIT_BREAKER, Stage.RETRY, Stage.BULKHEAD, Stage.HEDGE);

    private final RetryStrategy retry;
    private final Classification classification;
    private final Duration attemptTimeout;
    private final RetryListener listener;
    private final RetryMetrics metrics;
    private final List<Stage> order;
    private final CircuitBreaker circuitBreaker;
    private final HedgePolicy hedge;
    private final RetryBudget retryBudget;
    private final AdaptiveThrottle throttle;
    private final Bulkhead bulkhead;

    private Pipeline(Builder builder) {
        this.retryBudget = builder.retryBudget;
        this.throttle = builder.throttle;
        this.bulkhead = builder.bulkhead;
        this.hedge = builder.hedge;
        this.circuitBreaker = builder.circuitBreaker;
        this.retry = builder.retry;
        this.classification = builder.classification != null ? builder.classification
                : builder.retry.classification();
        this.attemptTimeout = builder.attemptTimeout;
        this.listener = builder.listeners.isEmpty() ? null
                : builder.listeners.size() == 1 ? builder.listeners.get(0) : RetryListener.all(builder.listeners);
        this.metrics = builder.metrics;
        this.order = builder.order;
    }

    public static Builder builder() {
        return new Builder();
    }

    public RetryStrategy retry() {
        return retry;
    }

    /**
     * How exceptions become failures and which failures may be retried at all; the retry policy's
     * own unless set. The retry strategy may still refuse a retryable failure.
     */
    public Classification classification() {
        return classification;
    }

    /** The timeout of each attempt, or null. */
    public Duration attemptTimeout() {
        return attemptTimeout;
    }

    /** The listener, or null when nobody listens. */
    RetryListener listener() {
        return listener;
    }

    /** The metrics, or null. */
    public RetryMetrics metrics() {
        return metrics;
    }

    /** The stages, outermost first. */
    public List<Stage> order() {
        return order;
    }

    /** The retry budget, or null. */
    public RetryBudget retryBudget() {
        return retryBudget;
    }

    /** The client-side adaptive throttle, or null. */
    public AdaptiveThrottle throttle() {
        return throttle;
    }

    /** The bulkhead, or null. */
    public Bulkhead bulkhead() {
        return bulkhead;
    }

    /** The hedging policy, or null. */
    public HedgePolicy hedge() {
        return hedge;
    }

    /** The stages that have a policy, outermost first; RETRY is always among them. */
    List<Stage> activeStages() {
        List<Stage> active = new ArrayList<>(order.size());
        for (Stage stage : order) {
            boolean present = switch (stage) {
                case CIRCUIT_BREAKER -> circuitBreaker != null;
                case BULKHEAD -> bulkhead != null;
                case HEDGE -> hedge != null;
                case RETRY -> true;
            };
            if (present) {
                active.add(stage);
            }
        }
        return active;
    }

    /** The circuit breaker, or null. */
    public CircuitBreaker circuitBreaker() {
        return circuitBreaker;
    }

    /** Builds a {@link Pipeline}; setters validate at once, {@link #build()} checks the whole. */
    public static final class Builder {
        private RetryStrategy retry = RetryPolicy.builder().maxAttempts(1).build();
        private Classification classification;
        private Duration attemptTimeout;
        private final List<RetryListener> listeners = new ArrayList<>();
        private RetryMetrics metrics;
        private List<Stage> order = DEFAULT_ORDER;
        private CircuitBreaker circuitBreaker;
        private HedgePolicy hedge;
        private RetryBudget retryBudget;
        private AdaptiveThrottle throttle;
        private Bulkhead bulkhead;

        private Builder() {
        }

        /** Limits retries across calls; share one budget between pipelines to share the limit. */
        public Builder retryBudget(RetryBudget retryBudget) {
            this.retryBudget = Objects.requireNonNull(retryBudget, "retryBudget");
            return this;
        }

        /** Rejects attempts locally while the backend rejects many (Google SRE adaptive throttling). */
        public Builder throttle(AdaptiveThrottle throttle) {
            this.throttle = Objects.requireNonNull(throttle, "throttle");
            return this;
        }

        /** Bounds concurrent calls (with a queue) and, separately, concurrent retries. */
        public Builder bulkhead(Bulkhead bulkhead) {
            this.bulkhead = Objects.requireNonNull(bulkhead, "bulkhead");
            return this;
        }

        /** Hedged attempts; hedge only idempotent calls, since every hedge may reach the server. */
        public Builder hedge(HedgePolicy hedge) {
            this.hedge = Objects.requireNonNull(hedge, "hedge");
            return this;
        }

        /** A circuit breaker, shared with everyone who holds it (scope it per dependency). */
        public Builder circuitBreaker(CircuitBreaker circuitBreaker) {
            this.circuitBreaker = Objects.requireNonNull(circuitBreaker, "circuitBreaker");
            return this;
        }

        /** The retry strategy; without one a call makes a single attempt. */
        public Builder retry(RetryStrategy retry) {
            this.retry = Objects.requireNonNull(retry, "retry");
            return this;
        }

        /** The retry strategy and classification of one dependency, as a contextual registry holds them. */
        public Builder strategy(DependencyStrategy strategy) {
            Objects.requireNonNull(strategy, "strategy");
            return retry(strategy.retry()).classification(strategy.classification());
        }

        /**
         * How exceptions become failures and which may be retried (default: the retry policy's
         * classification); the retry strategy may still refuse a failure this retries.
         */
        public Builder classification(Classification classification) {
            this.classification = Objects.requireNonNull(classification, "classification");
            return this;
        }

        /** Each attempt fails with TIMEOUT when it takes longer than this. */
        public Builder attemptTimeout(Duration timeout) {
            Nanos.positive("attemptTimeout", timeout);
            this.attemptTimeout = timeout;
            return this;
        }

        /** Adds a listener for the events of every call. */
        public Builder listener(RetryListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /** Counts what every call does. */
        public Builder metrics(RetryMetrics metrics) {
            this.metrics = Objects.requireNonNull(metrics, "metrics");
            return this;
        }

        /** The order of the stages, outermost first; each stage exactly once. */
        public Builder order(Stage... stages) {
            List<Stage> list = List.of(stages);
            Set<Stage> seen = EnumSet.noneOf(Stage.class);
            for (Stage stage : list) {
                if (!seen.add(stage)) {
                    throw new IllegalArgumentException("order lists " + stage + " twice: give each of "
                            + List.of(Stage.values()) + " exactly once");
                }
            }
            if (seen.size() != Stage.values().length) {
                throw new IllegalArgumentException("order must list each of " + List.of(Stage.values())
                        + " exactly once, was " + list);
            }
            if (list.indexOf(Stage.HEDGE) < list.indexOf(Stage.RETRY)) {
                throw new IllegalArgumentException("HEDGE must come after RETRY: a hedged pass is one attempt of "
                        + "the retry loop, while hedges outside it would each run a retry loop of their own");
            }
            this.order = list;
            return this;
        }

        public Pipeline build() {
            return new Pipeline(this);
        }
    }
}

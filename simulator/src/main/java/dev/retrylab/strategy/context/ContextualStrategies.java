package dev.retrylab.strategy.context;

import dev.retrylab.strategy.retry.RetryPolicy;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A registry from a call's context (the dependency it goes to: "database", "payments-api",
 * "model", or keys of any type such as an enum) to the {@link DependencyStrategy} for it, with a
 * default for contexts nobody registered. Registered explicitly, like the policy registry of
 * Caffeine's simulator. Immutable and thread-safe; a lookup is one hash-map read and allocates
 * nothing.
 *
 * <p>Context names are compared exactly (case and whitespace count); the builder rejects null,
 * blank names and names registered twice.
 *
 * @param <K> the context type; a {@link CharSequence} context must not be blank
 */
public final class ContextualStrategies<K> {

    private final Map<K, DependencyStrategy> strategies;
    private final DependencyStrategy defaultStrategy;

    private ContextualStrategies(Builder<K> builder) {
        this.strategies = Map.copyOf(builder.strategies);
        this.defaultStrategy = builder.defaultStrategy;
    }

    /** A builder for contexts named by strings. */
    public static Builder<String> builder() {
        return new Builder<>();
    }

    /** A builder for contexts of {@code contextType}, for example an enum of dependencies. */
    public static <K> Builder<K> builder(Class<K> contextType) {
        Objects.requireNonNull(contextType, "contextType");
        return new Builder<>();
    }

    /** The strategy registered for {@code context}, or the default when there is none. */
    public DependencyStrategy forContext(K context) {
        DependencyStrategy strategy = strategies.get(Objects.requireNonNull(context, "context"));
        return strategy != null ? strategy : defaultStrategy;
    }

    /** True when {@code context} has its own strategy. */
    public boolean isRegistered(K context) {
        return strategies.containsKey(Objects.requireNonNull(context, "context"));
    }

    /** The contexts registered, in no particular order. */
    public Set<K> contexts() {
        return strategies.keySet();
    }

    /** The strategy for contexts nobody registered. */
    public DependencyStrategy defaultStrategy() {
        return defaultStrategy;
    }

    @Override
    public String toString() {
        return "ContextualStrategies" + strategies.keySet() + " with a default";
    }

    /**
     * Builds a {@link ContextualStrategies}; each call validates at once. The default strategy is
     * {@link RetryPolicy#defaults()} unless set. Not thread-safe.
     *
     * @param <K> the context type
     */
    public static final class Builder<K> {
        private final Map<K, DependencyStrategy> strategies = new LinkedHashMap<>();
        private DependencyStrategy defaultStrategy = DependencyStrategy.of(RetryPolicy.defaults());

        private Builder() {
        }

        /**
         * Registers {@code strategy} for {@code context}.
         *
         * @throws IllegalArgumentException when the context is blank or already registered
         */
        public Builder<K> register(K context, DependencyStrategy strategy) {
            Objects.requireNonNull(context, "context");
            Objects.requireNonNull(strategy, "strategy");
            if (context instanceof CharSequence name && name.toString().isBlank()) {
                throw new IllegalArgumentException("context name must not be blank, was '" + name + "'");
            }
            if (strategies.containsKey(context)) {
                throw new IllegalArgumentException("context '" + context + "' is already registered; "
                        + "each context has exactly one strategy");
            }
            strategies.put(context, strategy);
            return this;
        }

        /** Registers a retry policy with its own classification for {@code context}. */
        public Builder<K> register(K context, RetryPolicy policy) {
            return register(context, DependencyStrategy.of(policy));
        }

        /** The strategy for contexts nobody registered. */
        public Builder<K> defaultStrategy(DependencyStrategy strategy) {
            this.defaultStrategy = Objects.requireNonNull(strategy, "strategy");
            return this;
        }

        public ContextualStrategies<K> build() {
            return new ContextualStrategies<>(this);
        }
    }
}

package dev.retrylab.scenario;

import dev.retrylab.model.ClientStrategy;
import dev.retrylab.model.StrategyFactory;
import dev.retrylab.strategy.Classification;
import dev.retrylab.strategy.FailureKind;
import dev.retrylab.strategy.backoff.Backoff;
import dev.retrylab.strategy.backoff.Jitter;
import dev.retrylab.strategy.breaker.CircuitBreaker;
import dev.retrylab.strategy.breaker.CircuitBreakerConfig;
import dev.retrylab.strategy.budget.AdaptiveThrottle;
import dev.retrylab.strategy.budget.RetryBudget;
import dev.retrylab.strategy.bulkhead.Bulkhead;
import dev.retrylab.strategy.hedge.HedgePolicy;
import dev.retrylab.strategy.retry.AdaptiveRetry;
import dev.retrylab.strategy.retry.RetryPolicy;
import dev.retrylab.strategy.retry.RetryStrategy;
import dev.retrylab.time.Clock;
import dev.retrylab.time.DurationText;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads the {@code strategies} of a scenario file into {@link StrategyFactory}s, in file order.
 * Every setting is optional; the defaults are the library's ({@link RetryPolicy#defaults()},
 * {@link CircuitBreakerConfig#defaults()}, …), listed in {@code scenarios/reference.yaml}.
 *
 * <p>Each part is built once while reading, on a probe clock, so that the library's own checks
 * (a cap below the base delay, a breaker's minimum calls above its window, …) are reported at the
 * part's place in the file. The factories then build fresh stateful objects (adaptive retry,
 * budget, breaker, throttle, hedge policy, bulkhead) on every {@link StrategyFactory#create} call,
 * on the clock given; the immutable retry policy and breaker settings are shared. With
 * {@code scope: client} the factory is {@link StrategyFactory#perClient per client}. A strategy
 * may {@code extends} another strategy of the file or a preset; {@link StrategyInheritance} merges
 * them before the keys are read.
 *
 * <p>{@code perTarget} gives services their own strategy, each a complete strategy of the same
 * keys but {@code scope} and {@code perTarget} (unlisted keys take the library's defaults, not the
 * enclosing strategy's; an entry may {@code extends} too); other services use the strategy's own
 * keys ({@link StrategyFactory#perTarget}). A service named there must be defined and called by
 * some client group. The keys of a strategy but {@code scope}, {@code perTarget} and
 * {@code fallback} define a downstream call's own strategy ({@link #call}). Not thread-safe.
 */
final class StrategyReader {

    static final List<String> KEYS = List.of("extends", "retry", "maxAttempts", "backoff", "maxDuration",
            "retryAfter", "retryOn", "neverRetry", "budget", "breaker", "throttle", "adaptive", "hedge", "bulkhead",
            "fallback", "perTarget", "scope");
    /** The keys of a service's own strategy under {@code perTarget}: the scope is the enclosing strategy's. */
    static final List<String> TARGET_KEYS = without(KEYS, "perTarget", "scope");
    /**
     * The keys of a downstream call's own strategy: no scope (one caller), one service, and no
     * fallback (a call's failure fails the caller's attempt).
     */
    static final List<String> CALL_KEYS = without(KEYS, "perTarget", "scope", "fallback");
    static final List<String> BULKHEAD_KEYS = List.of("maxConcurrent", "maxWait");
    static final List<String> FALLBACK_KEYS = List.of("cache");
    static final List<String> CACHE_KEYS = List.of("ttl");
    static final Set<String> SCOPES = SpecReader.choices("group", "client");
    static final List<String> BACKOFF_KEYS = List.of("type", "base", "multiplier", "increment", "cap", "jitter",
            "jitterFactor");
    static final Set<String> BACKOFF_TYPES = SpecReader.choices("none", "constant", "linear", "exponential");
    static final Set<String> JITTERS = SpecReader.choices("none", "full", "equal", "decorrelated", "proportional");
    static final List<String> RETRY_AFTER_KEYS = List.of("honor", "max");
    static final List<String> BREAKER_KEYS = List.of("failureRate", "window", "minimumCalls", "openDuration",
            "halfOpenCalls", "consecutiveFailures");
    static final List<String> THROTTLE_KEYS = List.of("k", "window");
    static final List<String> ADAPTIVE_KEYS = List.of("window", "minimumCalls", "maxAge", "attempts", "delayScale",
            "health");

    /** The longest cap that exponential backoff gets when the file gives none. */
    private static final Duration DEFAULT_CAP = Duration.ofSeconds(10);
    private static final Clock PROBE_CLOCK = () -> 0L;
    private static final int MAX_ATTEMPTS = 1_000;
    /** The library's limits on a bulkhead's permits and on the calls waiting in its queue. */
    private static final int MAX_BULKHEAD = 1_000_000;

    private final SpecReader reader;
    private final StrategyInheritance inheritance;
    private final BudgetReader budgets;
    private final HedgeReader hedges;
    /** The services defined, and those some client group calls; null when unknown (not checked). */
    private Set<String> services;
    private Set<String> called;

    StrategyReader(SpecReader reader, StrategyInheritance inheritance) {
        this.reader = reader;
        this.inheritance = inheritance;
        this.budgets = new BudgetReader(reader);
        this.hedges = new HedgeReader(reader);
    }

    /**
     * The strategies by name, in file order; those with mistakes are reported and left out.
     *
     * @param services the services defined, or null when they are unknown (a broken file)
     * @param called   the services some client group calls, or null when unknown
     */
    Map<String, StrategyFactory> read(SourceNode node, Set<String> services, Set<String> called) {
        this.services = services;
        this.called = called;
        Map<String, StrategyFactory> strategies = new LinkedHashMap<>();
        Map<String, SourceNode> entries = reader.namedEntries(node);
        if (node.kind() == SourceNode.Kind.MAPPING && entries.isEmpty()) {
            reader.error(node, "must define at least one strategy, for example no-retry: {maxAttempts: 1}");
        }
        for (Map.Entry<String, SourceNode> entry : entries.entrySet()) {
            ScenarioLoader.checkName(reader, entry.getValue(), entry.getKey(), "strategy");
            SourceNode resolved = inheritance.strategy(entry.getKey(), entry.getValue());
            StrategyFactory factory = resolved == null ? unresolved(entry.getValue(), KEYS)
                    : strategy(entry.getKey(), resolved, KEYS);
            if (factory != null) {
                strategies.put(entry.getKey(), factory);
            }
        }
        return strategies;
    }

    /**
     * The strategy of a downstream call, named {@code name} in results, from {@code node} (null:
     * the library's defaults, as {@code {}}); null when it is wrong (reported).
     */
    StrategyFactory call(String name, SourceNode node) {
        if (node == null) {
            return strategy(name, null, CALL_KEYS);
        }
        SourceNode resolved = inheritance.call(node);
        return resolved == null ? unresolved(node, CALL_KEYS) : strategy(name, resolved, CALL_KEYS);
    }

    /**
     * A strategy whose {@code extends} could not be resolved (reported): only its keys are checked,
     * since its values may rely on what it would have inherited. Always null.
     */
    private StrategyFactory unresolved(SourceNode node, List<String> allowed) {
        reader.mapping(node, allowed, List.of());
        return null;
    }

    private StrategyFactory strategy(String name, SourceNode node, List<String> allowed) {
        int errorsBefore = reader.errors().size();
        Map<String, SourceNode> keys = node == null ? Map.of() : reader.mapping(node, allowed, List.of());
        int maxAttempts = (int) reader.integer(keys.get("maxAttempts"), 3, 1, MAX_ATTEMPTS);
        RetryPolicy read = policy(node, keys, maxAttempts);
        RetryPolicy retryPolicy = read == null ? RetryPolicy.defaults() : read;
        Function<Clock, RetryStrategy> retry = keys.containsKey("adaptive")
                ? probe(keys.get("adaptive"), adaptive(keys.get("adaptive"), retryPolicy, maxAttempts))
                : clock -> retryPolicy;
        Function<Clock, RetryBudget> budget = keys.containsKey("budget")
                ? probe(keys.get("budget"), budgets.read(keys.get("budget"))) : clock -> null;
        Function<Clock, CircuitBreaker> breaker = keys.containsKey("breaker")
                ? probe(keys.get("breaker"), breaker(keys.get("breaker"))) : clock -> null;
        Function<Clock, AdaptiveThrottle> throttle = keys.containsKey("throttle")
                ? probe(keys.get("throttle"), throttle(keys.get("throttle"))) : clock -> null;
        Function<Clock, HedgePolicy> hedge = keys.containsKey("hedge")
                ? probe(keys.get("hedge"), hedges.read(keys.get("hedge"))) : clock -> null;
        BulkheadSettings bulkhead = keys.containsKey("bulkhead") ? bulkhead(keys.get("bulkhead")) : null;
        long cacheTtl = keys.containsKey("fallback") && allowed.contains("fallback")
                ? cacheTtl(keys.get("fallback")) : 0L;
        Map<String, StrategyFactory> perTarget = keys.containsKey("perTarget") && allowed.contains("perTarget")
                ? perTarget(name, keys.get("perTarget")) : Map.of();
        String scope = reader.choice(keys.get("scope"), SCOPES, "group");
        if (reader.errors().size() != errorsBefore || retry == null || budget == null || breaker == null
                || throttle == null || hedge == null) {
            return null;
        }
        StrategyFactory factory = clock -> new ClientStrategy(name, retry.apply(clock), budget.apply(clock),
                breaker.apply(clock), throttle.apply(clock), hedge.apply(clock),
                bulkhead == null ? null : bulkhead.create(), bulkhead == null ? 0L : bulkhead.maxWaitNanos(), cacheTtl);
        if (!perTarget.isEmpty()) {
            factory = StrategyFactory.perTarget(factory, perTarget);
        }
        return scope.equals("client") ? StrategyFactory.perClient(factory) : factory;
    }

    private static List<String> without(List<String> keys, String... left) {
        List<String> out = List.of(left);
        return keys.stream().filter(key -> !out.contains(key)).toList();
    }

    /**
     * The strategies of {@code perTarget}, by service, for strategy {@code name}; each service must
     * be defined and called by some client group. Entries with mistakes are reported and left out.
     */
    private Map<String, StrategyFactory> perTarget(String name, SourceNode node) {
        Map<String, StrategyFactory> factories = new LinkedHashMap<>();
        Map<String, SourceNode> entries = reader.namedEntries(node);
        if (node.kind() == SourceNode.Kind.MAPPING && entries.isEmpty()) {
            reader.error(node, "must give at least one service its own strategy, for example "
                    + "{db: {maxAttempts: 5}}");
        }
        for (Map.Entry<String, SourceNode> entry : entries.entrySet()) {
            String service = entry.getKey();
            if (services != null && !services.contains(service)) {
                reader.error(entry.getValue(), "names service '" + service + "', which is not defined"
                        + SpecReader.suggestion(service, services) + "; defined services: "
                        + String.join(", ", services));
            } else if (called != null && !called.contains(service)) {
                reader.error(entry.getValue(), "names service '" + service + "', which no client group calls; "
                        + "the groups call: " + String.join(", ", called));
            }
            SourceNode resolved = inheritance.perTarget(entry.getValue());
            StrategyFactory factory = resolved == null ? unresolved(entry.getValue(), TARGET_KEYS)
                    : strategy(name, resolved, TARGET_KEYS);
            if (factory != null) {
                factories.put(service, factory);
            }
        }
        return factories;
    }

    /** A bulkhead's permits and how long a pass may wait for one; null when wrong (reported). */
    private BulkheadSettings bulkhead(SourceNode node) {
        Map<String, SourceNode> keys = reader.mapping(node, BULKHEAD_KEYS, List.of("maxConcurrent"));
        int maxConcurrent = (int) reader.integer(keys.get("maxConcurrent"), 1, 1, MAX_BULKHEAD);
        Duration maxWait = reader.duration(keys.get("maxWait"), Duration.ZERO, Duration.ZERO);
        return new BulkheadSettings(maxConcurrent, maxWait.toNanos());
    }

    /** The ttl of {@code fallback: {cache: {ttl: 30s}}}, in nanoseconds; 0 when wrong (reported). */
    private long cacheTtl(SourceNode node) {
        Map<String, SourceNode> keys = reader.mapping(node, FALLBACK_KEYS, List.of("cache"));
        if (!keys.containsKey("cache")) {
            return 0L;
        }
        Map<String, SourceNode> cache = reader.mapping(keys.get("cache"), CACHE_KEYS, List.of("ttl"));
        Duration ttl = reader.duration(cache.get("ttl"), Duration.ZERO, Duration.ofNanos(1));
        return ttl.toNanos();
    }

    /**
     * A bulkhead as the file gives it: permits, and the model's maximum wait for one. A bulkhead
     * that lets passes wait gets the library's largest queue, so the wait alone bounds them.
     */
    private record BulkheadSettings(int maxConcurrent, long maxWaitNanos) {
        Bulkhead create() {
            return Bulkhead.builder().maxConcurrentCalls(maxConcurrent)
                    .maxQueuedCalls(maxWaitNanos > 0 ? MAX_BULKHEAD : 0).build();
        }
    }

    /** The retry policy: attempts, backoff, time budget and Retry-After; null when it is wrong (reported). */
    private RetryPolicy policy(SourceNode node, Map<String, SourceNode> keys, int maxAttempts) {
        RetryPolicy.Builder policy = RetryPolicy.builder().maxAttempts(maxAttempts);
        try {
            if (keys.containsKey("backoff")) {
                Backoff backoff = backoff(keys.get("backoff"));
                if (backoff != null) {
                    policy.backoff(backoff);
                }
            }
            Duration maxDuration = reader.duration(keys.get("maxDuration"), null, Duration.ofNanos(1));
            if (maxDuration != null) {
                policy.maxDuration(maxDuration);
            }
            Classification classification = classification(keys.get("retryOn"), keys.get("neverRetry"));
            if (classification != null) {
                policy.classification(classification);
            }
            if (keys.containsKey("retryAfter")) {
                Map<String, SourceNode> retryAfter = reader.mapping(keys.get("retryAfter"), RETRY_AFTER_KEYS,
                        List.of());
                policy.honorRetryAfter(reader.bool(retryAfter.get("honor"), true));
                policy.maxRetryAfter(reader.duration(retryAfter.get("max"), Duration.ofSeconds(60), Duration.ZERO));
            }
            return policy.build();
        } catch (IllegalArgumentException e) {
            reader.error(node, e.getMessage());
            return null;
        }
    }

    /**
     * The library's default classification with the kinds of {@code retryOn} made retryable and
     * those of {@code neverRetry} not; null when both are absent. A kind the library refuses to
     * retry (a local refusal) or one given in both lists is reported at its item.
     */
    private Classification classification(SourceNode retryOn, SourceNode neverRetry) {
        if (retryOn == null && neverRetry == null) {
            return null;
        }
        Classification.Builder builder = Classification.builder();
        Map<FailureKind, SourceNode> retried = new LinkedHashMap<>();
        for (SourceNode item : kinds(retryOn)) {
            FailureKind kind = FailureKinds.of(item.scalar());
            try {
                builder.retry(kind);
                retried.put(kind, item);
            } catch (IllegalArgumentException e) {
                reader.error(item, e.getMessage());
            }
        }
        for (SourceNode item : kinds(neverRetry)) {
            FailureKind kind = FailureKinds.of(item.scalar());
            if (retried.containsKey(kind)) {
                reader.error(item, "'" + item.scalar() + "' is in retryOn too: list each kind in one of retryOn "
                        + "and neverRetry");
            } else {
                builder.neverRetry(kind);
            }
        }
        return builder.build();
    }

    /** The items of a list of failure kinds that name a kind; the others are reported. */
    private List<SourceNode> kinds(SourceNode node) {
        List<SourceNode> valid = new ArrayList<>();
        if (node == null) {
            return valid;
        }
        for (SourceNode item : reader.list(node)) {
            if (reader.choice(item, FailureKinds.ALL_NAMES, null) != null) {
                valid.add(item);
            }
        }
        return valid;
    }

    /**
     * {@code maker} once tried on a probe clock: the same maker, or null when it is null or the
     * library refuses its settings (reported at {@code node}).
     */
    private <T> Function<Clock, T> probe(SourceNode node, Function<Clock, T> maker) {
        if (maker == null) {
            return null;
        }
        try {
            maker.apply(PROBE_CLOCK);
            return maker;
        } catch (IllegalArgumentException e) {
            reader.error(node, e.getMessage());
            return null;
        }
    }

    private Backoff backoff(SourceNode node) {
        if (node.kind() == SourceNode.Kind.SCALAR && "none".equals(node.scalar())) {
            return Backoff.none();
        }
        if (node.kind() != SourceNode.Kind.MAPPING) {
            reader.error(node, "must be none or a mapping such as {type: exponential, base: 100ms, multiplier: 2, "
                    + "cap: 10s, jitter: full}, found " + node.describe());
            return null;
        }
        Map<String, SourceNode> keys = reader.mapping(node, BACKOFF_KEYS, List.of());
        String type = reader.choice(keys.get("type"), BACKOFF_TYPES, "exponential");
        onlyFor(keys, "multiplier", type, List.of("exponential"));
        onlyFor(keys, "increment", type, List.of("linear"));
        onlyFor(keys, "base", type, List.of("constant", "linear", "exponential"));
        onlyFor(keys, "cap", type, List.of("constant", "linear", "exponential"));
        Duration base = reader.duration(keys.get("base"), Duration.ofMillis(100), Duration.ofNanos(1));
        double multiplier = reader.number(keys.get("multiplier"), 2.0, 1.0, 1_000.0);
        Duration increment = reader.duration(keys.get("increment"), base, Duration.ZERO);
        Duration cap = cap(keys.get("cap"), type.equals("exponential") && base.compareTo(DEFAULT_CAP) < 0
                ? DEFAULT_CAP : null);
        String jitter = reader.choice(keys.get("jitter"), JITTERS, type.equals("none") ? "none" : "full");
        if (keys.containsKey("jitterFactor") && !jitter.equals("proportional")) {
            reader.error(keys.get("jitterFactor"), "applies only to jitter: proportional, not " + jitter);
        }
        double jitterFactor = reader.number(keys.get("jitterFactor"), 0.2, 0.0, 1.0);
        try {
            Backoff backoff = switch (type) {
                case "none" -> Backoff.none();
                case "constant" -> Backoff.constant(base);
                case "linear" -> Backoff.linear(base, increment);
                default -> Backoff.exponential(base, multiplier);
            };
            if (cap != null) {
                if (cap.compareTo(base) < 0) {
                    reader.error(keys.get("cap"), "must be at least the base delay " + DurationText.format(base));
                    return null;
                }
                backoff = backoff.withCap(cap);
            }
            return backoff.withJitter(Jitter.valueOf(jitter.toUpperCase(Locale.ROOT)), jitterFactor);
        } catch (IllegalArgumentException e) {
            reader.error(node, e.getMessage());
            return null;
        }
    }

    /** A cap: a positive duration or {@code none}; {@code fallback} when absent. */
    private Duration cap(SourceNode node, Duration fallback) {
        if (node != null && node.kind() == SourceNode.Kind.SCALAR && "none".equals(node.scalar())) {
            return null;
        }
        return reader.duration(node, fallback, Duration.ofNanos(1));
    }

    private void onlyFor(Map<String, SourceNode> keys, String key, String type, List<String> types) {
        if (keys.containsKey(key) && !types.contains(type)) {
            reader.error(keys.get(key), "applies only to type: " + String.join(", ", types) + "; this backoff is "
                    + type);
        }
    }

    private Function<Clock, RetryStrategy> adaptive(SourceNode node, RetryPolicy policy, int maxAttempts) {
        Map<String, SourceNode> keys = reader.mapping(node, ADAPTIVE_KEYS, List.of());
        int window = (int) reader.integer(keys.get("window"), 100, 1, AdaptiveRetry.Builder.MAX_WINDOW);
        int minimumCalls = (int) reader.integer(keys.get("minimumCalls"), Math.min(10, window), 1,
                AdaptiveRetry.Builder.MAX_WINDOW);
        Duration maxAge = reader.duration(keys.get("maxAge"), null, Duration.ofNanos(1));
        double[] attempts = pair(keys.get("attempts"), new double[] {1, maxAttempts}, 1, MAX_ATTEMPTS, true);
        double[] scale = pair(keys.get("delayScale"), new double[] {1, 4}, 0.001, 1_000, false);
        double[] health = pair(keys.get("health"), new double[] {0.5, 0.9}, 0, 1, false);
        return clock -> {
            AdaptiveRetry.Builder builder = AdaptiveRetry.builder(policy).window(window).minimumCalls(minimumCalls)
                    .attempts((int) attempts[0], (int) attempts[1]).delayScale(scale[0], scale[1])
                    .health(health[0], health[1]);
            if (maxAge != null) {
                builder.maxAge(maxAge);
            }
            return builder.build();
        };
    }

    /** A list of two numbers in [min, max], the first at most the second; {@code fallback} when absent. */
    private double[] pair(SourceNode node, double[] fallback, double min, double max, boolean whole) {
        if (node == null) {
            return fallback;
        }
        List<SourceNode> items = reader.list(node);
        if (node.kind() == SourceNode.Kind.SEQUENCE && items.size() != 2) {
            reader.error(node, "must list two values, the low and the high, for example [" + (whole ? "1, 5" : "1, 4")
                    + "]; found " + items.size());
        }
        if (items.size() != 2) {
            return fallback;
        }
        double[] values = new double[2];
        for (int i = 0; i < 2; i++) {
            values[i] = whole ? reader.integer(items.get(i), (long) fallback[i], (long) min, (long) max)
                    : reader.number(items.get(i), fallback[i], min, max);
        }
        if (values[1] < values[0]) {
            reader.error(items.get(1), "must be at least the first value " + items.get(0).scalar());
            return fallback;
        }
        return values;
    }

    private Function<Clock, CircuitBreaker> breaker(SourceNode node) {
        Map<String, SourceNode> keys = reader.mapping(node, BREAKER_KEYS, List.of());
        CircuitBreakerConfig.Builder builder = CircuitBreakerConfig.builder();
        if (keys.containsKey("failureRate")) {
            double rate = reader.number(keys.get("failureRate"), 0.5, 0.0, 1.0);
            if (rate == 0.0) {
                reader.error(keys.get("failureRate"), "must be above 0%");
            } else {
                builder.failureRateThreshold(rate * 100.0);
            }
        }
        if (keys.containsKey("window")) {
            window(keys.get("window"), builder);
        }
        if (keys.containsKey("minimumCalls")) {
            builder.minimumCalls((int) reader.integer(keys.get("minimumCalls"), 20, 1, Integer.MAX_VALUE));
        }
        if (keys.containsKey("openDuration")) {
            builder.openDuration(reader.duration(keys.get("openDuration"), Duration.ofSeconds(30), Duration.ofNanos(1)));
        }
        if (keys.containsKey("halfOpenCalls")) {
            builder.halfOpenTrialCalls((int) reader.integer(keys.get("halfOpenCalls"), 5, 1, Integer.MAX_VALUE));
        }
        if (keys.containsKey("consecutiveFailures")) {
            builder.consecutiveFailureThreshold(
                    (int) reader.integer(keys.get("consecutiveFailures"), 5, 1, Integer.MAX_VALUE));
        }
        try {
            CircuitBreakerConfig config = builder.build();
            return clock -> new CircuitBreaker(config, clock);
        } catch (IllegalArgumentException e) {
            reader.error(node, e.getMessage());
            return null;
        }
    }

    /** A count window ({@code 100}, calls) or a time window ({@code 10s}, whole seconds). */
    private void window(SourceNode node, CircuitBreakerConfig.Builder builder) {
        String text = reader.string(node, null);
        if (text == null) {
            return;
        }
        String expected = "a number of calls from 1 to " + CircuitBreakerConfig.MAX_WINDOW_CALLS
                + " (count window) or whole seconds from 1s to 1h (time window), found '" + text + "'";
        try {
            long calls = Long.parseLong(text.trim());
            if (calls < 1 || calls > CircuitBreakerConfig.MAX_WINDOW_CALLS) {
                reader.error(node, "must be " + expected);
            } else {
                builder.countWindow((int) calls);
            }
            return;
        } catch (NumberFormatException notCalls) {
            // not a count: a time window, then
        }
        try {
            Duration length = DurationText.parse(text);
            if (length.getNano() != 0 || length.getSeconds() < 1
                    || length.getSeconds() > CircuitBreakerConfig.MAX_WINDOW_SECONDS) {
                reader.error(node, "must be " + expected);
            } else {
                builder.timeWindow(length);
            }
        } catch (IllegalArgumentException e) {
            reader.error(node, "must be " + expected);
        }
    }

    private Function<Clock, AdaptiveThrottle> throttle(SourceNode node) {
        Map<String, SourceNode> keys = reader.mapping(node, THROTTLE_KEYS, List.of());
        double k = reader.number(keys.get("k"), 2.0, 1.0, 1_000.0);
        Duration window = reader.duration(keys.get("window"), Duration.ofMinutes(2), Duration.ofMillis(1),
                Duration.ofHours(1));
        return clock -> AdaptiveThrottle.builder(clock).k(k).window(window).build();
    }
}

package dev.retrylab.scenario;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every key path the loader accepts, built from the key lists and choices its readers declare:
 * {@code services.*.workers} (a name chosen by the user is {@code *}), {@code faults[].type} (the
 * items of a list are {@code []}), {@code services.*.loadBalancing=random} (one of the choices),
 * and {@code faults[](type=outage).mode} (the keys a type allows). A distribution inside a
 * mixture is not walked again, as {@link SchemaKeyPaths} does not follow a reference into itself.
 */
final class LoaderKeyPaths {

    private final Set<String> paths = new TreeSet<>();

    private LoaderKeyPaths() {
    }

    static Set<String> all() {
        LoaderKeyPaths loader = new LoaderKeyPaths();
        loader.scenario();
        return loader.paths;
    }

    static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private void scenario() {
        keys("", ScenarioLoader.TOP_KEYS);
        keys("services.*", ScenarioLoader.SERVICE_KEYS);
        choices("services.*.loadBalancing", ScenarioLoader.LOAD_BALANCING);
        choices("services.*.failureKind", FailureKinds.NAMES);
        distribution("services.*.serviceTime");
        keys("services.*.calls", CallReader.KEYS);
        strategy("services.*.calls.retry", StrategyReader.CALL_KEYS);
        keys("clients.*", ScenarioLoader.CLIENT_KEYS);
        paths.add("clients.*.targets.*");
        workload("clients.*.workload");
        faults("faults[]");
        strategy("strategies.*", StrategyReader.KEYS);
        keys("herd", ScenarioLoader.HERD_KEYS);
    }

    private void keys(String path, Collection<String> keys) {
        if (path.endsWith(".*")) {
            paths.add(path);
        }
        keys.forEach(key -> paths.add(join(path, key)));
    }

    private void choices(String path, Collection<String> values) {
        values.forEach(value -> paths.add(path + "=" + value));
    }

    private void typed(String path, String type, Collection<String> keys) {
        keys.forEach(key -> paths.add(path + "(type=" + type + ")." + key));
    }

    private void distribution(String path) {
        keys(path, DistributionReader.KINDS);
        keys(path + ".normal", DistributionReader.NORMAL_KEYS);
        keys(path + ".lognormal", DistributionReader.LOGNORMAL_KEYS);
        keys(path + ".pareto", DistributionReader.PARETO_KEYS);
        keys(path + ".mixture", DistributionReader.MIXTURE_KEYS);
    }

    private void workload(String path) {
        keys(path, WorkloadReader.KINDS);
        keys(path + ".burst", WorkloadReader.BURST_KEYS);
        keys(path + ".closed", WorkloadReader.CLOSED_KEYS);
        keys(path + ".periodic", WorkloadReader.PERIODIC_KEYS);
        choices(path + ".periodic.phases", WorkloadReader.PHASES);
        keys(path + ".schedule", WorkloadReader.SCHEDULE_KEYS);
        keys(path + ".schedule.points[]", WorkloadReader.POINT_KEYS);
    }

    private void faults(String path) {
        List<String> all = new ArrayList<>(FaultReader.COMMON_KEYS);
        FaultReader.TYPE_KEYS.values().forEach(all::addAll);
        keys(path, all);
        choices(path + ".type", FaultReader.TYPE_KEYS.keySet());
        choices(path + ".mode", FaultReader.OUTAGE_MODES);
        choices(path + ".kind", FailureKinds.NAMES);
        distribution(path + ".added");
        for (Map.Entry<String, List<String>> type : FaultReader.TYPE_KEYS.entrySet()) {
            typed(path, type.getKey(), FaultReader.COMMON_KEYS);
            typed(path, type.getKey(), type.getValue());
        }
    }

    private void strategy(String path, List<String> strategyKeys) {
        keys(path, strategyKeys);
        choices(path + ".extends", StrategyPresets.names());
        retrySettings(path);
        keys(path + ".retry", StrategyInheritance.RETRY_KEYS);
        retrySettings(path + ".retry");
        budget(path + ".budget");
        keys(path + ".breaker", StrategyReader.BREAKER_KEYS);
        keys(path + ".throttle", StrategyReader.THROTTLE_KEYS);
        keys(path + ".hedge", HedgeReader.KEYS);
        keys(path + ".bulkhead", StrategyReader.BULKHEAD_KEYS);
        if (strategyKeys.contains("fallback")) {
            keys(path + ".fallback", StrategyReader.FALLBACK_KEYS);
            keys(path + ".fallback.cache", StrategyReader.CACHE_KEYS);
        }
        if (strategyKeys.contains("perTarget")) {
            strategy(path + ".perTarget.*", StrategyReader.TARGET_KEYS);
        }
        if (strategyKeys.contains("scope")) {
            choices(path + ".scope", StrategyReader.SCOPES);
        }
    }

    /** The nested settings of a retry policy, beside the other keys of a strategy or in its retry group. */
    private void retrySettings(String path) {
        keys(path + ".backoff", StrategyReader.BACKOFF_KEYS);
        choices(path + ".backoff.type", StrategyReader.BACKOFF_TYPES);
        choices(path + ".backoff.jitter", StrategyReader.JITTERS);
        keys(path + ".retryAfter", StrategyReader.RETRY_AFTER_KEYS);
        choices(path + ".retryOn[]", FailureKinds.ALL_NAMES);
        choices(path + ".neverRetry[]", FailureKinds.ALL_NAMES);
        keys(path + ".adaptive", StrategyReader.ADAPTIVE_KEYS);
    }

    private void budget(String path) {
        List<String> all = new ArrayList<>(List.of("type"));
        BudgetReader.TYPE_KEYS.values().forEach(all::addAll);
        keys(path, all);
        choices(path + ".type", BudgetReader.TYPE_KEYS.keySet());
        choices(path + ".preset", BudgetReader.PRESETS);
        for (Map.Entry<String, List<String>> type : BudgetReader.TYPE_KEYS.entrySet()) {
            typed(path, type.getKey(), List.of("type"));
            typed(path, type.getKey(), type.getValue());
        }
    }
}

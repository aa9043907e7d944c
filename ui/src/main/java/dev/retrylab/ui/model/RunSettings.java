package dev.retrylab.ui.model;

import dev.retrylab.model.Scenario;
import dev.retrylab.model.StrategyFactory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a run is asked for: which of the scenario's strategies, how many replications and which
 * seed. {@link #adopt} takes the scenario's own values; {@link #apply} makes the scenario to run.
 */
public final class RunSettings {

    private List<String> strategies = List.of();
    private final Set<String> chosen = new LinkedHashSet<>();
    private int replications = 1;
    private long seed;

    /**
     * Takes the strategies, replications and seed of {@code scenario}, keeping the choice of
     * strategies for those it still has when the list of strategies is unchanged.
     */
    public void adopt(Scenario scenario) {
        List<String> names = new ArrayList<>(scenario.strategies().keySet());
        if (!names.equals(strategies)) {
            strategies = List.copyOf(names);
            chosen.clear();
            chosen.addAll(names);
        }
        replications = scenario.replications();
        seed = scenario.seed();
    }

    /** The scenario's strategies, in its order. */
    public List<String> strategies() {
        return strategies;
    }

    public boolean isChosen(String strategy) {
        return chosen.contains(strategy);
    }

    /** Chooses or drops one of the scenario's strategies. */
    public void choose(String strategy, boolean run) {
        if (!strategies.contains(strategy)) {
            throw new IllegalArgumentException("'" + strategy + "' is not a strategy of the scenario");
        }
        if (run) {
            chosen.add(strategy);
        } else {
            chosen.remove(strategy);
        }
    }

    public int replications() {
        return replications;
    }

    /** Sets the replications per strategy, 1 to {@value Scenario#MAX_REPLICATIONS}. */
    public void replications(int count) {
        if (count < 1 || count > Scenario.MAX_REPLICATIONS) {
            throw new IllegalArgumentException("replications must be from 1 to " + Scenario.MAX_REPLICATIONS
                    + ", was " + count);
        }
        replications = count;
    }

    public long seed() {
        return seed;
    }

    public void seed(long value) {
        seed = value;
    }

    /** Why a run cannot start with these settings, or empty when it can. */
    public Optional<String> problem() {
        return chosen.isEmpty() ? Optional.of("choose at least one strategy to run") : Optional.empty();
    }

    /**
     * {@code scenario} with only the chosen strategies, in its order, and these replications and seed.
     *
     * @throws IllegalStateException when no strategy is chosen
     */
    public Scenario apply(Scenario scenario) {
        return apply(scenario, Set.of());
    }

    /**
     * As {@link #apply(Scenario)}, but a sweep's own {@code seed} or {@code replications}, when
     * {@code sweptPaths} has them, stay as the point sets them.
     */
    public Scenario apply(Scenario scenario, Collection<String> sweptPaths) {
        problem().ifPresent(message -> {
            throw new IllegalStateException(message);
        });
        Map<String, StrategyFactory> kept = new LinkedHashMap<>();
        scenario.strategies().forEach((name, factory) -> {
            if (chosen.contains(name)) {
                kept.put(name, factory);
            }
        });
        if (kept.isEmpty()) {
            throw new IllegalStateException("none of the chosen strategies is in the scenario");
        }
        long runSeed = sweptPaths.contains("seed") ? scenario.seed() : seed;
        int runReplications = sweptPaths.contains("replications") ? scenario.replications() : replications;
        return new Scenario(scenario.name(), scenario.description(), runSeed, scenario.durationNanos(),
                scenario.intervalNanos(), scenario.services(), scenario.clients(), scenario.faults(), kept,
                scenario.calls(), runReplications, scenario.herd());
    }
}

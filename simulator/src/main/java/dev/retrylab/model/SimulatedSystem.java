package dev.retrylab.model;

import dev.retrylab.engine.Simulation;
import dev.retrylab.engine.random.RandomStreams;
import dev.retrylab.engine.random.StreamPurpose;
import dev.retrylab.fault.Fault;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * Services and client groups wired onto one {@link Simulation}, ready to run: one strategy, one
 * seed, one replication. Every random draw comes from a stream derived from the seed, the
 * replication, a purpose and the entity (service i, client group g, client c), so two systems
 * built from the same configuration and seed run identically, and systems that differ only in
 * strategy meet the same arrivals and service times. Not thread-safe: one thread runs it.
 */
public final class SimulatedSystem {

    private final Simulation sim;
    private final Map<String, ServiceModel> services;
    private final Map<String, ClientPopulation> clients;
    private final FaultTimeline faults;
    private boolean started;

    private SimulatedSystem(Simulation sim, Map<String, ServiceModel> services, Map<String, ClientPopulation> clients,
                            FaultTimeline faults) {
        this.sim = sim;
        this.services = services;
        this.clients = clients;
        this.faults = faults;
    }

    public static Builder builder(long seed, long replication) {
        return new Builder(seed, replication);
    }

    /** Starts the workloads (once) and runs until virtual time {@code timeNanos}. */
    public void runUntil(long timeNanos) {
        start();
        sim.runUntil(timeNanos);
    }

    /**
     * Starts the workloads (once) and runs until virtual time {@code timeNanos} while
     * {@code condition} holds: see {@link Simulation#runUntil(long, BooleanSupplier)}.
     *
     * @return the number of events run by this call
     */
    public long runUntil(long timeNanos, BooleanSupplier condition) {
        start();
        return sim.runUntil(timeNanos, condition);
    }

    private void start() {
        if (!started) {
            started = true;
            faults.schedule(sim);
            for (ClientPopulation group : clients.values()) {
                group.start();
            }
        }
    }

    public Simulation simulation() {
        return sim;
    }

    public Map<String, ServiceModel> services() {
        return services;
    }

    public Map<String, ClientPopulation> clients() {
        return clients;
    }

    /**
     * When the last logical request of a finite workload finished, in nanoseconds; -1 while some
     * are still to run, or when a workload is open-ended.
     */
    public long completionNanos() {
        long latest = -1L;
        for (ClientPopulation group : clients.values()) {
            long done = group.completionNanos();
            if (done < 0) {
                return -1L;
            }
            latest = Math.max(latest, done);
        }
        return latest;
    }

    /** Logical requests in flight over all groups. */
    public long inFlight() {
        long total = 0;
        for (ClientPopulation group : clients.values()) {
            total += group.inFlight();
        }
        return total;
    }

    /** The first entity id of group {@code g}'s clients: each group's streams are its own. */
    static long groupEntities(int g) {
        return (long) g << 32;
    }

    /**
     * Checks that each service makes at most one downstream call and that calls never loop back:
     * a cycle would make every request wait on itself. The scenario loader calls this too.
     *
     * @throws IllegalArgumentException naming the service with two calls or a service on the cycle
     */
    public static void requireNoCycle(List<DownstreamCall> calls) {
        Map<String, String> next = new LinkedHashMap<>();
        for (DownstreamCall call : calls) {
            if (next.putIfAbsent(call.caller(), call.callee()) != null) {
                throw new IllegalArgumentException("service '" + call.caller() + "' has two downstream calls; "
                        + "one is supported");
            }
        }
        for (String start : next.keySet()) {
            String current = start;
            for (int steps = 0; current != null; steps++) {
                current = next.get(current);
                if (start.equals(current)) {
                    throw new IllegalArgumentException("service calls form a cycle through '" + start + "'");
                }
                if (steps > next.size()) {
                    break;
                }
            }
        }
    }

    /** Assembles a {@link SimulatedSystem}; validates names and references in {@link #build()}. */
    public static final class Builder {
        private final long seed;
        private final long replication;
        private final List<ServiceConfig> serviceConfigs = new ArrayList<>();
        private final List<ClientConfig> clientConfigs = new ArrayList<>();
        private final List<StrategyFactory> strategies = new ArrayList<>();
        private RunRecorder recorder = RunRecorder.NONE;
        private final List<Fault> faultList = new ArrayList<>();
        private final List<DownstreamCall> calls = new ArrayList<>();

        private Builder(long seed, long replication) {
            this.seed = seed;
            this.replication = replication;
        }

        public Builder service(ServiceConfig config) {
            serviceConfigs.add(Objects.requireNonNull(config, "config"));
            return this;
        }

        /**
         * A client group and its strategy; the strategy is made from the simulation's clock, so
         * its breaker, budget and throttle keep virtual time, and made for each service the group
         * calls ({@link StrategyFactory#forTarget}).
         */
        public Builder clients(ClientConfig config, StrategyFactory strategy) {
            clientConfigs.add(Objects.requireNonNull(config, "config"));
            strategies.add(Objects.requireNonNull(strategy, "strategy"));
            return this;
        }

        /** A service that calls another before answering. */
        public Builder call(DownstreamCall call) {
            calls.add(Objects.requireNonNull(call, "call"));
            return this;
        }

        /** Faults to play on the services. */
        public Builder faults(List<Fault> faults) {
            faultList.addAll(faults);
            return this;
        }

        public Builder recorder(RunRecorder recorder) {
            this.recorder = Objects.requireNonNull(recorder, "recorder");
            return this;
        }

        public SimulatedSystem build() {
            Simulation sim = new Simulation();
            AttemptTable attempts = new AttemptTable();
            if (clientConfigs.size() + calls.size() > Short.MAX_VALUE) {
                throw new IllegalArgumentException("at most " + Short.MAX_VALUE + " client groups and calls together");
            }
            Map<String, ClientPopulation> groups = new LinkedHashMap<>();
            ClientPopulation[] byIndex = new ClientPopulation[clientConfigs.size() + calls.size()];
            int[] groupSizes = new int[byIndex.length];
            for (int g = 0; g < clientConfigs.size(); g++) {
                ClientConfig config = clientConfigs.get(g);
                ClientPopulation group = new ClientPopulation(config, g, strategies.get(g), sim, attempts,
                        RandomStreams.stream(seed, replication, StreamPurpose.WORKLOAD, g),
                        RandomStreams.array(seed, replication, StreamPurpose.STRATEGY, groupEntities(g), config.count()),
                        config.targets().size() == 1 ? null : RandomStreams.array(seed, replication,
                                StreamPurpose.TARGET, groupEntities(g), config.count()),
                        recorder);
                if (groups.putIfAbsent(config.name(), group) != null) {
                    throw new IllegalArgumentException("two client groups are named '" + config.name() + "'");
                }
                byIndex[g] = group;
                groupSizes[g] = config.count();
            }
            for (int c = 0; c < calls.size(); c++) {
                DownstreamCall call = calls.get(c);
                int g = clientConfigs.size() + c;
                ClientConfig config = new ClientConfig(call.caller() + "->" + call.callee(), 1, call.callee(),
                        new Workload.Driven(), call.attemptTimeoutNanos(), 0L);
                byIndex[g] = new ClientPopulation(config, g, call.strategy(), sim, attempts,
                        RandomStreams.stream(seed, replication, StreamPurpose.WORKLOAD, g),
                        RandomStreams.array(seed, replication, StreamPurpose.STRATEGY, groupEntities(g), 1), null,
                        RunRecorder.NONE);
                groupSizes[g] = 1;
            }
            ResponseRouter router = new ResponseRouter(attempts, byIndex);
            Map<String, ServiceModel> models = new LinkedHashMap<>();
            int index = 0;
            for (ServiceConfig config : serviceConfigs) {
                ServiceModel service = new ServiceModel(config, index, sim, attempts,
                        RandomStreams.stream(seed, replication, StreamPurpose.SERVICE, index),
                        RandomStreams.stream(seed, replication, StreamPurpose.LOAD_BALANCER, index),
                        RandomStreams.stream(seed, replication, StreamPurpose.FAULT, index), recorder, router,
                        ClientPopulation.RESPONSE, groupSizes);
                if (models.putIfAbsent(config.name(), service) != null) {
                    throw new IllegalArgumentException("two services are named '" + config.name() + "'");
                }
                index++;
            }
            for (ClientPopulation group : byIndex) {
                List<ServiceModel> targets = new ArrayList<>();
                for (String name : group.config().targets().keySet()) {
                    ServiceModel target = models.get(name);
                    if (target == null) {
                        throw new IllegalArgumentException("'" + group.config().name()
                                + "' calls service '" + name + "', which is not defined");
                    }
                    targets.add(target);
                }
                group.connect(targets.toArray(new ServiceModel[0]));
            }
            for (int c = 0; c < calls.size(); c++) {
                ServiceModel caller = models.get(calls.get(c).caller());
                if (caller == null) {
                    throw new IllegalArgumentException("a downstream call starts at service '" + calls.get(c).caller()
                            + "', which is not defined");
                }
                ClientPopulation link = byIndex[clientConfigs.size() + c];
                link.serve(caller);
                caller.callDownstream(link);
            }
            requireNoCycle(calls);
            return new SimulatedSystem(sim, models, groups, new FaultTimeline(faultList, models));
        }
    }
}

package dev.retrylab.model;

import dev.retrylab.engine.EventTarget;
import dev.retrylab.engine.FixedDelayLane;
import dev.retrylab.engine.Simulation;
import dev.retrylab.fault.Fault;
import dev.retrylab.strategy.FailureKind;
import java.util.random.RandomGenerator;

/**
 * A simulated service: attempts arrive over the network, a load balancer picks a replica, a free
 * worker serves the attempt or it waits in the replica's FIFO queue (or is rejected at once with
 * 503 when the queue is full), and the response travels back over the network. A client that
 * times out does not stop the server: the worker finishes the abandoned attempt (wasted work)
 * unless the service cancels on timeout. Not thread-safe; allocation-free per attempt.
 *
 * <p>Gauges are kept as areas under the curve (queued attempts × time, busy workers × time), so
 * a reader gets exact time averages over any interval from two readings.
 */
public final class ServiceModel implements EventTarget {

    static final int ARRIVE = 0;
    static final int DONE = 1;
    static final int DOWNSTREAM_SUCCEEDED = 2;
    static final int DOWNSTREAM_FAILED = 3;

    private final ServiceConfig config;
    private final Simulation sim;
    /** The network hop to and from this service: a fixed delay. */
    private final FixedDelayLane network;
    private final AttemptTable attempts;
    private final RandomGenerator rng;
    private final RandomGenerator balancing;
    private final RandomGenerator faultDraws;
    private final java.util.List<Fault> activeFaults = new java.util.ArrayList<>();
    private final long[] groupFirstRow;
    private final int index;
    private final RunRecorder recorder;
    private final EventTarget responder;
    private final int responseKind;
    private final IntQueue[] queues;
    private final int[] busy;
    private final ServiceFaults faults;
    private ClientPopulation downstream;
    private final long[] rowVersions;
    private long conflicts;
    private int nextReplica;
    private int queuedTotal;
    private int busyTotal;
    private long lastChangeNanos;
    private double queuedArea;
    private double busyArea;
    private long arrived;
    private long served;
    private long rejected;
    private long wastedNanos;

    /**
     * @param rng          the service's stream of service times and failures
     * @param balancing    the load balancer's stream
     * @param faultDraws   the stream of brownout and latency-spike draws, so a fault meets the same
     *                     coin flips whatever strategy the clients run
     * @param responder    receives each response as an event of {@code responseKind}, entity the
     *                     attempt id, payload the {@link Outcome}
     */
    ServiceModel(ServiceConfig config, int index, Simulation sim, AttemptTable attempts, RandomGenerator rng,
                 RandomGenerator balancing, RandomGenerator faultDraws, RunRecorder recorder, EventTarget responder,
                 int responseKind, int[] groupSizes) {
        this.balancing = balancing;
        this.faultDraws = faultDraws;
        this.groupFirstRow = new long[groupSizes.length];
        for (int g = 1; g < groupSizes.length; g++) {
            groupFirstRow[g] = groupFirstRow[g - 1] + groupSizes[g - 1];
        }
        this.config = config;
        this.index = index;
        this.recorder = recorder;
        this.sim = sim;
        this.network = sim.lane(config.networkDelayNanos());
        this.attempts = attempts;
        this.rng = rng;
        this.responder = responder;
        this.responseKind = responseKind;
        this.queues = new IntQueue[config.replicas()];
        for (int i = 0; i < queues.length; i++) {
            queues[i] = new IntQueue(Math.min(config.queueCapacity(), 1024));
        }
        this.busy = new int[config.replicas()];
        this.faults = new ServiceFaults(config.replicas(), config.workers(), groupSizes);
        this.rowVersions = new long[config.contendedRows()];
        this.lastChangeNanos = sim.now();
    }

    public ServiceConfig config() {
        return config;
    }

    /** The service's index in its system, as reported to the recorder. */
    int index() {
        return index;
    }

    /**
     * Makes every attempt first call another service through {@code caller} (with the caller's
     * own retry strategy), holding its worker meanwhile; the attempt fails with 503 when that call
     * fails for good.
     */
    void callDownstream(ClientPopulation caller) {
        this.downstream = caller;
    }

    /**
     * The downstream call made for attempt {@code id} ended. Reported as an event, so a long chain
     * of calls refused at once never nests on the stack.
     */
    void downstreamDone(int id, boolean succeeded) {
        sim.schedule(0L, this, succeeded ? DOWNSTREAM_SUCCEEDED : DOWNSTREAM_FAILED, id, 0L);
    }

    private void downstreamEnded(int id, boolean succeeded) {
        if (succeeded) {
            int replica = attempts.replica(id);
            long serviceNanos = faults.serviceTime(replica,
                    config.serviceTime().sampleNanos(rng) + config.loadCostNanos() * (busy[replica] - 1), faultDraws);
            attempts.serviceHandle(id, sim.schedule(serviceNanos, this, DONE, id, 0L));
        } else {
            finishWork(id, true, true);
        }
    }

    /**
     * The fault timeline switches {@code fault} on or off. The service's state is worked out
     * again from every fault still active, in the order they started, so overlapping faults of
     * one type do not cancel each other: the latest to start applies until it ends.
     */
    void fault(Fault fault, boolean active) {
        if (active) {
            activeFaults.add(fault);
        } else {
            activeFaults.remove(fault);
        }
        faults.reset();
        faults.retain(activeFaults);
        for (Fault each : activeFaults) {
            faults.apply(each, sim.now());
        }
        for (int replica = 0; replica < queues.length; replica++) {
            startNextQueued(replica);
        }
    }

    /** Sends attempt {@code id} to this service; it arrives after the network delay. */
    void submit(int id) {
        network.schedule(this, ARRIVE, id, 0L);
    }

    /** The client gave up on attempt {@code id}; with cancel-on-timeout its work stops now. */
    void abandoned(int id) {
        if (!config.cancelOnTimeout()) {
            return;
        }
        long handle = attempts.serviceHandle(id);
        if (handle != Simulation.NO_EVENT && sim.cancel(handle)) {
            finishWork(id, false, false);
        }
    }

    @Override
    public void onEvent(int kind, int id, long payload) {
        switch (kind) {
            case ARRIVE -> arrive(id);
            case DONE -> finishWork(id, true, false);
            case DOWNSTREAM_SUCCEEDED -> downstreamEnded(id, true);
            case DOWNSTREAM_FAILED -> downstreamEnded(id, false);
            default -> throw new IllegalStateException("unknown service event kind " + kind);
        }
    }

    private void arrive(int id) {
        arrived++;
        int replica = chooseReplica();
        attempts.replica(id, replica);
        Fault.OutageMode outage = faults.outage(replica);
        if (outage != null) {
            respond(id, Outcome.failure(outage == Fault.OutageMode.REFUSE ? FailureKind.CONNECTION
                    : FailureKind.UNAVAILABLE));
            return;
        }
        long failure = faults.failureOnArrival(replica, attempts.group(id), attempts.client(id), sim.now(),
                faultDraws);
        if (failure >= 0) {
            respond(id, failure);
            return;
        }
        if (busy[replica] < faults.workersAvailable(replica)) {
            startWork(id, replica);
        } else if (queues[replica].size() < config.queueCapacity()) {
            advanceGauges();
            queues[replica].add(id);
            queuedTotal++;
            loadChanged();
        } else if (faults.stalled(replica)) {
            attempts.serverDone(id);
        } else {
            rejected++;
            recorder.serviceRejected(index, sim.now());
            respond(id, Outcome.failure(FailureKind.UNAVAILABLE));
        }
    }

    private int chooseReplica() {
        int replicas = config.replicas();
        if (replicas == 1) {
            return 0;
        }
        switch (config.loadBalancing()) {
            case RANDOM:
                return balancing.nextInt(replicas);
            case LEAST_OUTSTANDING: {
                int best = 0;
                for (int i = 1; i < replicas; i++) {
                    if (busy[i] + queues[i].size() < busy[best] + queues[best].size()) {
                        best = i;
                    }
                }
                return best;
            }
            default: {
                int chosen = nextReplica;
                nextReplica = nextReplica + 1 == replicas ? 0 : nextReplica + 1;
                return chosen;
            }
        }
    }

    private void startWork(int id, int replica) {
        advanceGauges();
        long loadCost = config.loadCostNanos() * busy[replica];
        busy[replica]++;
        busyTotal++;
        loadChanged();
        attempts.serviceStartNanos(id, sim.now());
        if (rowVersions.length > 0) {
            attempts.readVersion(id, rowVersions[row(id)]);
        }
        if (downstream != null) {
            attempts.serviceHandle(id, -1L);
            downstream.startRequestFor(id);
            return;
        }
        long serviceNanos = faults.serviceTime(replica, config.serviceTime().sampleNanos(rng) + loadCost, faultDraws);
        attempts.serviceHandle(id, sim.schedule(serviceNanos, this, DONE, id, 0L));
    }

    /**
     * A worker is done with {@code id}: completed (failed when its downstream call failed), or
     * cancelled because its client gave up.
     */
    private void finishWork(int id, boolean completed, boolean downstreamFailed) {
        advanceGauges();
        int replica = attempts.replica(id);
        busy[replica]--;
        busyTotal--;
        loadChanged();
        attempts.serviceHandle(id, -1L);
        if (completed) {
            served++;
            boolean conflicted = !downstreamFailed && rowVersions.length > 0 && !commit(id);
            if (!attempts.clientWaiting(id) || faults.stalled(replica)) {
                // abandoned by its client, or finished on a hung replica whose answers never leave
                if (!attempts.clientWaiting(id)) {
                    long work = sim.now() - attempts.serviceStartNanos(id);
                    wastedNanos += work;
                    recorder.workWasted(index, work, sim.now());
                }
                attempts.serverDone(id);
            } else if (downstreamFailed) {
                respond(id, Outcome.failure(FailureKind.UNAVAILABLE));
            } else if (conflicted) {
                respond(id, Outcome.failure(FailureKind.CONFLICT));
            } else if (config.failureProbability() > 0.0 && rng.nextDouble() < config.failureProbability()) {
                respond(id, Outcome.failure(config.failureKind()));
            } else {
                respond(id, Outcome.SUCCESS);
            }
        } else {
            attempts.serverDone(id);
        }
        startNextQueued(replica);
    }

    /** The conditional write of attempt {@code id}: commits unless its row changed since it read it. */
    private boolean commit(int id) {
        int row = row(id);
        if (rowVersions[row] != attempts.readVersion(id)) {
            conflicts++;
            return false;
        }
        rowVersions[row]++;
        return true;
    }

    /** The row attempt {@code id} writes: clients are numbered across groups, client i writes row i mod rows. */
    private int row(int id) {
        return (int) ((groupFirstRow[attempts.group(id)] + attempts.client(id)) % rowVersions.length);
    }

    /** Writes that lost the race to another write of the same row. */
    public long conflicts() {
        return conflicts;
    }

    private void startNextQueued(int replica) {
        IntQueue queue = queues[replica];
        while (!queue.isEmpty() && busy[replica] < faults.workersAvailable(replica)) {
            advanceGauges();
            int next = queue.poll();
            queuedTotal--;
            loadChanged();
            if (config.cancelOnTimeout() && !attempts.clientWaiting(next)) {
                attempts.serverDone(next);
                continue;
            }
            startWork(next, replica);
        }
    }

    private void respond(int id, long outcome) {
        network.schedule(responder, responseKind, id, outcome);
    }

    /** Brings the areas up to now; call before every change of the queue or the workers. */
    private void advanceGauges() {
        long now = sim.now();
        long elapsed = now - lastChangeNanos;
        if (elapsed > 0) {
            queuedArea += (double) queuedTotal * elapsed;
            busyArea += (double) busyTotal * elapsed;
            lastChangeNanos = now;
        }
    }

    private void loadChanged() {
        recorder.serviceLoad(index, queuedTotal, busyTotal, sim.now());
    }

    /** Attempts waiting in the queues now. */
    public int queued() {
        return queuedTotal;
    }

    /** Workers busy now. */
    public int busyWorkers() {
        return busyTotal;
    }

    /** Queued attempts × nanoseconds since the start, up to now. */
    public double queuedArea() {
        advanceGauges();
        return queuedArea;
    }

    /** Busy workers × nanoseconds since the start, up to now. */
    public double busyArea() {
        advanceGauges();
        return busyArea;
    }

    /** Attempts that reached the service. */
    public long arrived() {
        return arrived;
    }

    /** Attempts a worker finished serving (including abandoned ones). */
    public long served() {
        return served;
    }

    /** Attempts rejected at once because the queue was full. */
    public long rejected() {
        return rejected;
    }

    /** Worker time spent on attempts whose client had already given up, in nanoseconds. */
    public long wastedNanos() {
        return wastedNanos;
    }

    /** The total number of workers over all replicas. */
    public int capacity() {
        return config.replicas() * config.workers();
    }
}

package dev.retrylab.model;

import dev.retrylab.engine.EventTarget;
import dev.retrylab.engine.FixedDelayLane;
import dev.retrylab.engine.Simulation;
import java.util.random.RandomGenerator;

/**
 * Starts a client group's logical requests when its {@link Workload} says: Poisson arrivals
 * (thinned for a rate schedule; Lewis and Shedler, 1979), periodic jobs, bursts and closed
 * loops; and tracks when a finite workload has finished. Draws only from the group's workload
 * stream, so every strategy meets the same arrivals. Not thread-safe.
 *
 * <p>A {@link Workload.Burst} starts its clients one at a time in order of index, each start event
 * scheduling the next, so a million-client herd keeps one pending start event instead of a
 * million. The start times are the ascending order statistics of {@code count} uniform draws over
 * the spread, generated one by one (the minimum of k uniforms on [m, 1) is
 * {@code 1 - (1 - m)·V^(1/k)}; Devroye, <i>Non-Uniform Random Variate Generation</i>, 1986,
 * ch. V.3), so the set of start times has the distribution of independent uniform starts.
 */
final class WorkloadDriver implements EventTarget {

    private static final int ARRIVAL = 0;
    private static final int CLIENT_NEXT = 1;

    private final Workload workload;
    private final int count;
    private final Simulation sim;
    /** The fixed wait before a client's next request: a period or a think time; null for other workloads. */
    private final FixedDelayLane nextRequest;
    private final RandomGenerator rng;
    private final ClientPopulation clients;
    private final int[] requestsLeft;
    private final boolean finite;
    private long requestsToStart;
    private long lastFinishNanos = -1L;
    /** In a burst, 1 minus the spread fraction of the latest start drawn (1 before the first). */
    private double burstRemaining = 1.0;

    WorkloadDriver(Workload workload, int count, Simulation sim, RandomGenerator rng, ClientPopulation clients) {
        this.workload = workload;
        this.count = count;
        this.sim = sim;
        if (workload instanceof Workload.Periodic periodic) {
            nextRequest = sim.lane(periodic.periodNanos());
        } else if (workload instanceof Workload.ClosedLoop closed) {
            nextRequest = sim.lane(closed.thinkNanos());
        } else {
            nextRequest = null;
        }
        this.rng = rng;
        this.clients = clients;
        this.requestsLeft = workload instanceof Workload.ClosedLoop closed && closed.requestsPerClient() > 0
                ? new int[count] : null;
        this.finite = requestsLeft != null || workload instanceof Workload.Burst;
        if (workload instanceof Workload.Burst) {
            requestsToStart = count;
        } else if (requestsLeft != null) {
            requestsToStart = (long) count * ((Workload.ClosedLoop) workload).requestsPerClient();
        }
    }

    /** Schedules the workload's first events. */
    void start() {
        if (workload instanceof Workload.OpenLoop open) {
            sim.schedule(exponentialNanos(open.ratePerSecond()), this, ARRIVAL, -1, 0L);
        } else if (workload instanceof Workload.RateSchedule schedule) {
            sim.schedule(exponentialNanos(schedule.maxRate()), this, ARRIVAL, -1, 0L);
        } else if (workload instanceof Workload.Periodic periodic) {
            for (int client = 0; client < count; client++) {
                long phase = periodic.aligned() ? 0L : spread(periodic.periodNanos());
                sim.schedule(phase, this, CLIENT_NEXT, client, 0L);
            }
        } else if (workload instanceof Workload.Burst burst) {
            sim.scheduleAt(nextBurstStart(burst, 0), this, CLIENT_NEXT, 0, 0L);
        } else if (workload instanceof Workload.ClosedLoop closed) {
            for (int client = 0; client < count; client++) {
                if (requestsLeft != null) {
                    requestsLeft[client] = closed.requestsPerClient();
                }
                sim.schedule(spread(closed.startSpreadNanos()), this, CLIENT_NEXT, client, 0L);
            }
        }
    }

    @Override
    public void onEvent(int kind, int client, long payload) {
        if (kind == ARRIVAL) {
            arrival();
            return;
        }
        if (requestsLeft != null) {
            requestsLeft[client]--;
        }
        if (workload instanceof Workload.Periodic) {
            nextRequest.schedule(this, CLIENT_NEXT, client, 0L);
        } else if (workload instanceof Workload.Burst burst && client + 1 < count) {
            sim.scheduleAt(nextBurstStart(burst, client + 1), this, CLIENT_NEXT, client + 1, 0L);
        }
        start(client);
    }

    /** A request of {@code client} finished; in a closed loop the client thinks, then sends the next. */
    void finished(int client) {
        lastFinishNanos = sim.now();
        if (workload instanceof Workload.ClosedLoop && (requestsLeft == null || requestsLeft[client] > 0)) {
            nextRequest.schedule(this, CLIENT_NEXT, client, 0L);
        }
    }

    /**
     * For a finite workload (a burst, or closed loops with a number of requests per client), the
     * time the last logical request finished, once all have (none in flight); otherwise -1.
     */
    long completionNanos(int inFlight) {
        return finite && requestsToStart == 0 && inFlight == 0 ? lastFinishNanos : -1L;
    }

    private void start(int client) {
        if (finite) {
            requestsToStart--;
        }
        clients.startRequest(client);
    }

    /** The next arrival of an open loop; a rate schedule keeps each candidate with probability λ(t)/λmax. */
    private void arrival() {
        if (workload instanceof Workload.RateSchedule schedule) {
            double max = schedule.maxRate();
            sim.schedule(exponentialNanos(max), this, ARRIVAL, -1, 0L);
            if (rng.nextDouble() * max >= schedule.rateAt(sim.now())) {
                return;
            }
        } else {
            sim.schedule(exponentialNanos(((Workload.OpenLoop) workload).ratePerSecond()), this, ARRIVAL, -1, 0L);
        }
        start(rng.nextInt(count));
    }

    private long exponentialNanos(double ratePerSecond) {
        return (long) (-Math.log(1.0 - rng.nextDouble()) / ratePerSecond * 1e9);
    }

    /**
     * The start time of burst client {@code client}, the smallest of the {@code count - client}
     * uniform starts not yet drawn; never before the previous client's.
     */
    private long nextBurstStart(Workload.Burst burst, int client) {
        long spreadNanos = burst.spreadNanos();
        if (spreadNanos == 0) {
            return burst.atNanos();
        }
        int left = count - client;
        burstRemaining *= Math.pow(1.0 - rng.nextDouble(), 1.0 / left);
        long offset = (long) ((1.0 - burstRemaining) * spreadNanos);
        return burst.atNanos() + Math.min(offset, spreadNanos - 1);
    }

    private long spread(long spreadNanos) {
        return spreadNanos == 0 ? 0L : (long) (rng.nextDouble() * spreadNanos);
    }
}

package dev.retrylab.bench;

import dev.retrylab.engine.EventTarget;
import dev.retrylab.engine.Simulation;
import java.util.SplittableRandom;

/**
 * Independent M/M/1 queues (Poisson arrivals, exponential service, one FIFO server each) as a
 * model on the {@link Simulation}. A run serves a fixed number of customers in total, so it
 * delivers exactly two events per customer: an arrival and a departure. Time in system is summed
 * as the area under the number in system, which equals the sum of the customers' sojourn times
 * because every queue starts and ends empty.
 *
 * <p>{@code MM1ModelTest} checks it against {@link MM1OnHeapLoop} and against queueing theory.
 */
final class MM1OnSimulation implements EventTarget {

    static final int ARRIVAL = 0;
    static final int DEPARTURE = 1;

    private final Simulation simulation;
    private final double meanInterarrivalNanos;
    private final double meanServiceNanos;
    private final int[] inSystem;
    private final long[] lastChange;
    private SplittableRandom random;
    private long arrivalsToSchedule;
    private long completed;
    private long timeInSystemNanos;

    MM1OnSimulation(Simulation simulation, int queues, double meanInterarrivalNanos, double meanServiceNanos) {
        this.simulation = simulation;
        this.meanInterarrivalNanos = meanInterarrivalNanos;
        this.meanServiceNanos = meanServiceNanos;
        this.inSystem = new int[queues];
        this.lastChange = new long[queues];
    }

    /** Serves {@code customers} in total, spread over the queues by their arrivals. */
    void run(long seed, long customers) {
        random = new SplittableRandom(seed);
        completed = 0;
        timeInSystemNanos = 0;
        arrivalsToSchedule = customers;
        for (int queue = 0; queue < inSystem.length && arrivalsToSchedule > 0; queue++) {
            arrivalsToSchedule--;
            simulation.schedule(draw(meanInterarrivalNanos), this, ARRIVAL, queue, 0L);
        }
        simulation.runUntilIdle();
    }

    @Override
    public void onEvent(int kind, int queue, long payload) {
        long now = simulation.now();
        timeInSystemNanos += inSystem[queue] * (now - lastChange[queue]);
        lastChange[queue] = now;
        if (kind == ARRIVAL) {
            if (arrivalsToSchedule > 0) {
                arrivalsToSchedule--;
                simulation.schedule(draw(meanInterarrivalNanos), this, ARRIVAL, queue, 0L);
            }
            if (inSystem[queue]++ == 0) {
                simulation.schedule(draw(meanServiceNanos), this, DEPARTURE, queue, 0L);
            }
        } else {
            completed++;
            if (--inSystem[queue] > 0) {
                simulation.schedule(draw(meanServiceNanos), this, DEPARTURE, queue, 0L);
            }
        }
    }

    private long draw(double mean) {
        return (long) (-Math.log(1.0 - random.nextDouble()) * mean);
    }

    long completed() {
        return completed;
    }

    /** The sum of all customers' times in system, in nanoseconds. */
    long timeInSystemNanos() {
        return timeInSystemNanos;
    }
}

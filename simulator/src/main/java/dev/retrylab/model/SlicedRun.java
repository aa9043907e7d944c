package dev.retrylab.model;

import dev.retrylab.engine.Simulation;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * Runs a {@link SimulatedSystem} to its end in slices of at most {@code eventsPerSlice} events,
 * and checks between slices whether the running thread has been interrupted, so that a run can be
 * cancelled promptly. Slicing leaves the result as it is: each slice is a
 * {@link Simulation#runUntil(long, BooleanSupplier)} to the end, and those calls run the same
 * events in the same order as one. A slice is bounded by events rather than virtual time because
 * the events in a stretch of virtual time vary without bound: a herd of a million clients puts a
 * million at one instant. The {@link #DEFAULT} of 4,096 events a slice is a few milliseconds of
 * real time; the check between slices costs nothing beside that, and within a slice the engine
 * asks a counter before each event, as {@link Simulation#runWhile} does. Immutable.
 *
 * @param eventsPerSlice the most events a slice runs, 1 or more
 */
record SlicedRun(long eventsPerSlice) {

    /** 4,096 events a slice. */
    static final SlicedRun DEFAULT = new SlicedRun(1L << 12);

    SlicedRun {
        if (eventsPerSlice < 1) {
            throw new IllegalArgumentException("a slice needs 1 or more events, was " + eventsPerSlice);
        }
    }

    /**
     * Runs {@code system} until virtual time {@code endNanos}.
     *
     * @param run names the run in the message of the exception, for example "strategy 'x' of y"
     * @throws CancellationException if the thread is interrupted before the run ends; its
     *                               interrupt status stays set
     */
    void runUntil(SimulatedSystem system, long endNanos, String run) {
        Slice slice = new Slice(system.simulation());
        long ran;
        do {
            if (Thread.currentThread().isInterrupted()) {
                throw new CancellationException("the run of " + run + " was interrupted");
            }
            slice.start(eventsPerSlice);
            ran = system.runUntil(endNanos, slice);
        } while (ran == eventsPerSlice);
    }

    /** Holds while the slice under way has run fewer events than it may. */
    private static final class Slice implements BooleanSupplier {
        private final Simulation sim;
        private long endEvent;

        Slice(Simulation sim) {
            this.sim = sim;
        }

        void start(long events) {
            long done = sim.eventsProcessed();
            endEvent = done + Math.min(events, Long.MAX_VALUE - done);
        }

        @Override
        public boolean getAsBoolean() {
            return sim.eventsProcessed() < endEvent;
        }
    }
}

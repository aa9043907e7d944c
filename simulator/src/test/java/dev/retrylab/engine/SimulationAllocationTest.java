package dev.retrylab.engine;

import static dev.retrylab.testing.AllocationMeter.bytesAllocatedBy;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The primitive path (schedule, cancel, run) allocates nothing per event once the event list has
 * grown to its working size. A measured block handles 100,000 events, so even one small object per
 * event (16 bytes or more) would show as well over the 1 byte per event allowed here.
 */
class SimulationAllocationTest {

    private static final int EVENTS = 100_000;

    @Test
    void primitivePath_scheduleCancelAndRunAfterWarmUp_allocatesNothingPerEvent() {
        Simulation simulation = new Simulation();
        Timeouts model = new Timeouts(simulation);

        long bytes = bytesAllocatedBy(() -> {
            for (int i = 0; i < EVENTS; i++) {
                model.request(i);
            }
            simulation.runUntilIdle();
        });

        assertThat(bytes).isLessThan(EVENTS);
        assertThat(model.responses).isGreaterThan(0);
        assertThat(model.timeouts).isGreaterThan(0);
    }

    /**
     * A request races a response against a timeout; whichever comes first cancels the other, as a
     * client model does. Exercises schedule, cancel, handler-scheduled events and running.
     */
    private static final class Timeouts implements EventTarget {
        static final int START = 0;
        static final int RESPONSE = 1;
        static final int TIMEOUT = 2;

        final Simulation simulation;
        final SplittableRandom random = new SplittableRandom(7);
        final long[] timeoutHandle = new long[EVENTS];
        final long[] responseHandle = new long[EVENTS];
        long responses;
        long timeouts;

        Timeouts(Simulation simulation) {
            this.simulation = simulation;
        }

        void request(int id) {
            simulation.schedule(random.nextInt(1_000), this, START, id, 0L);
        }

        @Override
        public void onEvent(int kind, int entity, long payload) {
            switch (kind) {
                case START -> {
                    responseHandle[entity] = simulation.schedule(random.nextInt(2_000), this, RESPONSE, entity, 0L);
                    timeoutHandle[entity] = simulation.schedule(1_500, this, TIMEOUT, entity, 0L);
                }
                case RESPONSE -> {
                    simulation.cancel(timeoutHandle[entity]);
                    responses++;
                }
                case TIMEOUT -> {
                    simulation.cancel(responseHandle[entity]);
                    timeouts++;
                }
                default -> throw new IllegalStateException("unknown kind " + kind);
            }
        }
    }
}

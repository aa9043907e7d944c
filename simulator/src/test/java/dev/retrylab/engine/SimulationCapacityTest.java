package dev.retrylab.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The event list grows from a tiny start to a million pending events and still runs them in order. */
class SimulationCapacityTest {

    private static final int EVENTS = 1_000_000;

    @Test
    void schedule_millionPendingEventsFromCapacityOne_growsAndRunsThemInTimeThenSchedulingOrder() {
        Simulation simulation = new Simulation(0L, 1);
        OrderCheck check = new OrderCheck(simulation);
        SplittableRandom random = new SplittableRandom(42);
        long[] handles = new long[EVENTS];
        for (int i = 0; i < EVENTS; i++) {
            // few distinct times, so most events tie and scheduling order decides
            handles[i] = simulation.schedule(random.nextInt(1_000), check, 0, i, 0L);
        }
        assertThat(simulation.pendingEvents()).isEqualTo(EVENTS);
        int cancelled = 0;
        for (int i = 0; i < EVENTS; i += 10) {
            assertThat(simulation.cancel(handles[i])).isTrue();
            cancelled++;
        }

        simulation.runUntilIdle();

        assertThat(check.outOfOrder).as("events out of (time, scheduling order)").isZero();
        assertThat(check.cancelledButRan).isZero();
        assertThat(check.count).isEqualTo(EVENTS - cancelled);
        assertThat(simulation.pendingEvents()).isZero();
    }

    /** Checks each event against the one before: a later time, or the same time and scheduled later. */
    private static final class OrderCheck implements EventTarget {
        final Simulation simulation;
        long lastTime = Long.MIN_VALUE;
        int lastEntity = -1;
        int count;
        int outOfOrder;
        int cancelledButRan;

        OrderCheck(Simulation simulation) {
            this.simulation = simulation;
        }

        @Override
        public void onEvent(int kind, int entity, long payload) {
            long time = simulation.now();
            if (time < lastTime || (time == lastTime && entity <= lastEntity)) {
                outOfOrder++;
            }
            if (entity % 10 == 0) {
                cancelledButRan++;
            }
            lastTime = time;
            lastEntity = entity;
            count++;
        }
    }
}

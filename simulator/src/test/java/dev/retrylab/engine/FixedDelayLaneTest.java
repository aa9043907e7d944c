package dev.retrylab.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FixedDelayLaneTest {

    private final List<String> log = new ArrayList<>();
    private Simulation simulation = new Simulation();

    @Test
    void lane_sameDelayTwice_isTheSameLane() {

        assertThat(simulation.lane(5)).isSameAs(simulation.lane(5)).isNotSameAs(simulation.lane(6));
        assertThat(simulation.lane(5).delayNanos()).isEqualTo(5);
    }

    @Test
    void lane_negativeDelay_isRejected() {
        assertThatThrownBy(() -> new Simulation().lane(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1ns");
    }

    @Test
    void run_laneAndListEventsAtOneTime_runInSchedulingOrder() {
        FixedDelayLane lane = simulation.lane(10);

        simulation.schedule(10, logging("list 1"), 0, 0, 0L);
        lane.schedule(logging("lane 1"), 0, 0, 0L);
        simulation.scheduleAt(10, logging("list 2"), 0, 0, 0L);
        simulation.lane(0).schedule(logging("lane 0 at time 0"), 0, 0, 0L);
        lane.schedule(logging("lane 2"), 0, 0, 0L);
        simulation.runUntilIdle();

        assertThat(log).containsExactly("lane 0 at time 0 at 0", "list 1 at 10", "lane 1 at 10", "list 2 at 10",
                "lane 2 at 10");
    }

    @Test
    void cancel_pendingLaneEvent_removesItOnceAndLeavesTheOthers() {
        FixedDelayLane lane = simulation.lane(3);
        long first = lane.schedule(logging("first"), 0, 0, 0L);
        long second = lane.schedule(logging("second"), 0, 0, 0L);

        assertThat(simulation.cancel(first)).isTrue();
        assertThat(simulation.cancel(first)).as("cancelled twice").isFalse();
        assertThat(simulation.pendingEvents()).isEqualTo(1);
        simulation.runUntilIdle();

        assertThat(log).containsExactly("second at 3");
        assertThat(simulation.cancel(second)).as("cancelled after it ran").isFalse();
        assertThat(simulation.pendingEvents()).isZero();
    }

    @Test
    void cancel_handleOfALaneNeverMade_isFalse() {
        long handle = simulation.lane(1).schedule(logging("event"), 0, 0, 0L);

        assertThat(simulation.cancel(handle + (1L << 48))).as("lane 1 does not exist").isFalse();
        assertThat(simulation.cancel(Simulation.NO_EVENT)).isFalse();
        assertThat(simulation.cancel(handle)).isTrue();
    }

    @Test
    void schedule_moreEventsThanTheRingHolds_keepsThemInOrderAcrossGrowth() {
        FixedDelayLane lane = simulation.lane(100);
        List<Integer> ran = new ArrayList<>();
        EventTarget record = (kind, entity, payload) -> ran.add(entity);
        for (int i = 0; i < 50; i++) {
            lane.schedule(record, 0, i, 0L);
        }
        simulation.runUntil(100 - 1);
        simulation.runUntil(100);   // runs the 50, so the ring's front has moved before it grows
        for (int i = 50; i < 1_000; i++) {
            lane.schedule(record, 0, i, 0L);
            if (i % 3 == 0) {
                simulation.runUntil(simulation.now() + 1);
            }
        }
        simulation.runUntilIdle();

        assertThat(ran).hasSize(1_000);
        assertThat(ran).isSorted();
    }

    @Test
    void cancel_rightAfterScheduling_leavesNothingBehindInTheRing() {
        FixedDelayLane lane = simulation.lane(1_000);
        long kept = lane.schedule(logging("kept"), 0, 0, 0L);
        for (int i = 0; i < 100_000; i++) {
            simulation.cancel(lane.schedule(logging("never"), 0, i, 0L));
        }
        simulation.cancel(kept);
        for (int i = 0; i < 100_000; i++) {
            simulation.cancel(lane.schedule(logging("never"), 0, i, 0L));
        }
        simulation.runUntilIdle();

        assertThat(lane.capacity()).as("the ring's room").isLessThanOrEqualTo(128 * 1024);
        assertThat(log).isEmpty();
        assertThat(simulation.pendingEvents()).isZero();
    }

    @Test
    void schedule_nearTheEndOfTime_landsAtTheEnd() {
        simulation = new Simulation(Long.MAX_VALUE - 5, 16);
        simulation.lane(10).schedule(logging("event"), 0, 0, 0L);

        simulation.runUntilIdle();

        assertThat(log).containsExactly("event at " + Long.MAX_VALUE);
    }

    /**
     * Runs the same random model twice, once scheduling every event through the event list and
     * once putting those of fixed delays on lanes, with cancellations in both; the events must run
     * in the same order at the same times. Any slip in how lanes merge with the list shows here.
     */
    @Test
    void run_randomModelWithAndWithoutLanes_runsTheSameEventsInTheSameOrder() {
        for (long seed = 1; seed <= 20; seed++) {
            List<String> withList = runRandomModel(seed, false);
            List<String> withLanes = runRandomModel(seed, true);

            assertThat(withLanes).as("seed %d", seed).isEqualTo(withList);
            assertThat(withList).as("seed %d ran events", seed).hasSizeGreaterThan(1_000);
        }
    }

    private static List<String> runRandomModel(long seed, boolean lanes) {
        long[] fixedDelays = {0, 7, 50, 1_000};
        SplittableRandom random = new SplittableRandom(seed);
        Simulation simulation = new Simulation(0L, 4);
        List<String> ran = new ArrayList<>();
        List<Long> handles = new ArrayList<>();
        EventTarget[] model = new EventTarget[1];
        model[0] = (kind, entity, payload) -> {
            ran.add(entity + "@" + simulation.now());
            int children = ran.size() < 3_000 ? random.nextInt(4) : 0;
            for (int c = 0; c < children; c++) {
                int id = random.nextInt(1_000_000);
                long handle;
                if (random.nextBoolean()) {
                    long delay = fixedDelays[random.nextInt(fixedDelays.length)];
                    handle = lanes ? simulation.lane(delay).schedule(model[0], 0, id, 0L)
                            : simulation.schedule(delay, model[0], 0, id, 0L);
                } else {
                    handle = simulation.schedule(random.nextInt(2_000), model[0], 0, id, 0L);
                }
                handles.add(handle);
            }
            if (!handles.isEmpty() && random.nextInt(4) == 0) {
                boolean cancelled = simulation.cancel(handles.get(random.nextInt(handles.size())));
                ran.add("cancel " + cancelled);
            }
        };
        for (int i = 0; i < 20; i++) {
            simulation.schedule(random.nextInt(100), model[0], 0, -i, 0L);
        }
        simulation.runUntilIdle();
        ran.add("pending " + simulation.pendingEvents());
        return ran;
    }

    private EventTarget logging(String name) {
        return (kind, entity, payload) -> log.add(name + " at " + simulation.now());
    }
}

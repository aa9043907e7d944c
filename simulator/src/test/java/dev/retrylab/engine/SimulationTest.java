package dev.retrylab.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulationTest {

    private final Simulation simulation = new Simulation();
    /** Each delivered event as "entity@time". */
    private final List<String> ran = new ArrayList<>();
    private final EventTarget recorder = (kind, entity, payload) -> ran.add(entity + "@" + simulation.now());

    @Test
    void run_eventsAtDifferentTimes_runInTimeOrder() {
        simulation.schedule(30, recorder, 0, 3, 0L);
        simulation.schedule(10, recorder, 0, 1, 0L);
        simulation.schedule(20, recorder, 0, 2, 0L);

        simulation.runUntilIdle();

        assertThat(ran).containsExactly("1@10", "2@20", "3@30");
    }

    @Test
    void run_manyEventsAtTheSameTime_runInSchedulingOrder() {
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            simulation.schedule(i % 2 == 0 ? 5 : 7, recorder, 0, i, 0L);
        }
        for (int i = 0; i < 1_000; i += 2) {
            expected.add(i + "@5");
        }
        for (int i = 1; i < 1_000; i += 2) {
            expected.add(i + "@7");
        }

        simulation.runUntilIdle();

        assertThat(ran).isEqualTo(expected);
    }

    @Test
    void run_eventScheduledByHandlerForNow_runsAfterEventsAlreadyDueNow() {
        EventTarget spawner = (kind, entity, payload) -> {
            ran.add(entity + "@" + simulation.now());
            if (entity == 1) {
                simulation.schedule(0, recorder, 0, 9, 0L);
            }
        };
        simulation.schedule(10, spawner, 0, 1, 0L);
        simulation.schedule(10, spawner, 0, 2, 0L);

        simulation.runUntilIdle();

        assertThat(ran).containsExactly("1@10", "2@10", "9@10");
    }

    @Test
    void run_handlerSchedulesFollowUps_followUpsRunAtTheirTimes() {
        EventTarget chain = new EventTarget() {
            @Override
            public void onEvent(int kind, int entity, long payload) {
                ran.add(entity + "@" + simulation.now());
                if (entity < 4) {
                    simulation.schedule(payload, this, kind, entity + 1, payload * 2);
                }
            }
        };
        simulation.schedule(1, chain, 0, 1, 1L);

        simulation.runUntilIdle();

        assertThat(ran).containsExactly("1@1", "2@2", "3@4", "4@8");
    }

    @Test
    void onEvent_receivesTheValuesItWasScheduledWith() {
        long[] seen = new long[3];
        simulation.schedule(1, (kind, entity, payload) -> {
            seen[0] = kind;
            seen[1] = entity;
            seen[2] = payload;
        }, 7, -3, Long.MIN_VALUE);

        simulation.runUntilIdle();

        assertThat(seen).containsExactly(7, -3, Long.MIN_VALUE);
    }

    @Test
    void cancel_beforeRun_preventsTheEventAndReturnsTrueOnce() {
        long handle = simulation.schedule(10, recorder, 0, 1, 0L);
        simulation.schedule(20, recorder, 0, 2, 0L);

        assertThat(simulation.cancel(handle)).isTrue();
        assertThat(simulation.cancel(handle)).isFalse();
        simulation.runUntilIdle();

        assertThat(ran).containsExactly("2@20");
        assertThat(simulation.pendingEvents()).isZero();
    }

    @Test
    void cancel_afterRun_returnsFalse() {
        long handle = simulation.schedule(10, recorder, 0, 1, 0L);
        simulation.runUntilIdle();

        assertThat(simulation.cancel(handle)).isFalse();
        assertThat(ran).containsExactly("1@10");
    }

    @Test
    void cancel_staleHandleWhoseSlotWasReused_returnsFalseAndKeepsTheNewEvent() {
        long ranHandle = simulation.schedule(10, recorder, 0, 1, 0L);
        simulation.runUntilIdle();
        long cancelledHandle = simulation.schedule(10, recorder, 0, 2, 0L);
        simulation.cancel(cancelledHandle);
        long liveHandle = simulation.schedule(10, recorder, 0, 3, 0L);

        assertThat((int) liveHandle).as("the slot is reused").isEqualTo((int) ranHandle);
        assertThat(simulation.cancel(ranHandle)).isFalse();
        assertThat(simulation.cancel(cancelledHandle)).isFalse();
        simulation.runUntilIdle();

        assertThat(ran).containsExactly("1@10", "3@20");
    }

    @Test
    void cancel_handleOfTheRunningEventFromItsHandler_returnsFalse() {
        long[] handle = new long[1];
        boolean[] cancelled = new boolean[1];
        handle[0] = simulation.schedule(5, (kind, entity, payload) -> cancelled[0] = simulation.cancel(handle[0]),
                0, 0, 0L);

        simulation.runUntilIdle();

        assertThat(cancelled[0]).isFalse();
    }

    @Test
    void cancel_handlesThatWereNeverIssued_returnFalse() {
        simulation.schedule(5, recorder, 0, 1, 0L);

        assertThat(simulation.cancel(Simulation.NO_EVENT)).isFalse();
        assertThat(simulation.cancel(12345L)).isFalse();
        assertThat(simulation.cancel(1L << 32)).isFalse();
        assertThat(simulation.pendingEvents()).isEqualTo(1);
    }

    @Test
    void cancel_eventInTheMiddleOfTheHeap_keepsTheRestInOrder() {
        long[] handles = new long[50];
        for (int i = 0; i < 50; i++) {
            handles[i] = simulation.schedule(100 - i, recorder, 0, i, 0L);
        }
        List<String> expected = new ArrayList<>();
        for (int i = 49; i >= 0; i--) {
            if (i % 3 == 0) {
                assertThat(simulation.cancel(handles[i])).isTrue();
            } else {
                expected.add(i + "@" + (100 - i));
            }
        }

        simulation.runUntilIdle();

        assertThat(ran).isEqualTo(expected);
    }

    @Test
    void runUntil_eventsBeforeAtAndAfterTheTime_runsThroughTheTimeAndSetsNow() {
        simulation.schedule(10, recorder, 0, 1, 0L);
        simulation.schedule(20, recorder, 0, 2, 0L);
        simulation.schedule(21, recorder, 0, 3, 0L);

        long count = simulation.runUntil(20);

        assertThat(count).isEqualTo(2);
        assertThat(ran).containsExactly("1@10", "2@20");
        assertThat(simulation.now()).isEqualTo(20);
        assertThat(simulation.pendingEvents()).isEqualTo(1);
    }

    @Test
    void runUntil_noEvents_advancesTheClock() {
        simulation.runUntil(1_000);

        assertThat(simulation.now()).isEqualTo(1_000);
        assertThat(simulation.nanoTime()).isEqualTo(1_000);
    }

    @Test
    void runUntil_timeInThePast_isRejected() {
        simulation.runUntil(100);

        assertThatThrownBy(() -> simulation.runUntil(99))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("before now");
    }

    @Test
    void runUntilWithCondition_conditionFails_stopsBeforeTheNextEventAndKeepsItsTime() {
        simulation.schedule(10, recorder, 0, 1, 0L);
        simulation.schedule(20, recorder, 0, 2, 0L);
        simulation.schedule(20, recorder, 0, 3, 0L);

        long count = simulation.runUntil(50, () -> simulation.eventsProcessed() < 2);

        assertThat(count).isEqualTo(2);
        assertThat(ran).containsExactly("1@10", "2@20");
        assertThat(simulation.now()).as("an event due by 50 is left").isEqualTo(20);
    }

    @Test
    void runUntilWithCondition_everyDueEventRun_setsTheTimeAndLeavesLaterEvents() {
        simulation.schedule(10, recorder, 0, 1, 0L);
        simulation.schedule(60, recorder, 0, 2, 0L);

        long count = simulation.runUntil(50, () -> true);

        assertThat(count).isEqualTo(1);
        assertThat(simulation.now()).isEqualTo(50);
        assertThat(simulation.pendingEvents()).isEqualTo(1);
    }

    @Test
    void runUntilWithCondition_repeatedInStepsOfOneEvent_runsWhatOneRunUntilRuns() {
        Simulation whole = new Simulation();
        List<String> wholeRan = new ArrayList<>();
        scheduleChain(whole, wholeRan);
        whole.runUntil(100);
        scheduleChain(simulation, ran);

        int calls = 0;
        long ranInCall;
        do {
            long budget = simulation.eventsProcessed() + 1;
            ranInCall = simulation.runUntil(100, () -> simulation.eventsProcessed() < budget);
            calls++;
        } while (ranInCall == 1);

        assertThat(ran).isEqualTo(wholeRan);
        assertThat(calls).as("one call per event, and one that reaches the time").isEqualTo(wholeRan.size() + 1);
        assertThat(simulation.now()).isEqualTo(100);
        assertThat(simulation.pendingEvents()).isEqualTo(whole.pendingEvents());
    }

    /**
     * Events at 10, 20 and 20 (two at once) that each schedule, until 130, one event at once and a
     * follower 30 later: some due by 100, some after.
     */
    private static void scheduleChain(Simulation sim, List<String> log) {
        EventTarget follower = new EventTarget() {
            @Override
            public void onEvent(int kind, int entity, long payload) {
                log.add(entity + "@" + sim.now());
                if (sim.now() < 130) {
                    sim.schedule(30, this, 0, entity * 10, 0L);
                    sim.schedule(0, (k, e, p) -> log.add("now" + e + "@" + sim.now()), 0, entity, 0L);
                }
            }
        };
        sim.schedule(10, follower, 0, 1, 0L);
        sim.schedule(20, follower, 0, 2, 0L);
        sim.schedule(20, follower, 0, 3, 0L);
    }

    @Test
    void runUntilIdle_pendingEvents_runsThemAllAndLeavesTimeAtTheLast() {
        simulation.schedule(10, recorder, 0, 1, 0L);
        simulation.schedule(40, recorder, 0, 2, 0L);

        long count = simulation.runUntilIdle();

        assertThat(count).isEqualTo(2);
        assertThat(simulation.now()).isEqualTo(40);
        assertThat(simulation.pendingEvents()).isZero();
        assertThat(simulation.eventsProcessed()).isEqualTo(2);
    }

    @Test
    void stop_calledByAHandler_endsTheRunAfterThatEvent() {
        simulation.schedule(10, recorder, 0, 1, 0L);
        simulation.schedule(20, (kind, entity, payload) -> {
            ran.add("stopper@" + simulation.now());
            simulation.stop();
        }, 0, 0, 0L);
        simulation.schedule(30, recorder, 0, 3, 0L);

        simulation.runUntil(100);

        assertThat(ran).containsExactly("1@10", "stopper@20");
        assertThat(simulation.now()).as("a stopped runUntil leaves time at the stopping event").isEqualTo(20);
        assertThat(simulation.pendingEvents()).isEqualTo(1);

        simulation.runUntilIdle();
        assertThat(ran).containsExactly("1@10", "stopper@20", "3@30");
    }

    @Test
    void stop_calledOutsideARun_doesNotStopTheNextRun() {
        simulation.schedule(10, recorder, 0, 1, 0L);
        simulation.stop();

        simulation.runUntilIdle();

        assertThat(ran).containsExactly("1@10");
    }

    @Test
    void runWhile_conditionTurnsFalse_stopsBeforeTheNextEvent() {
        for (int i = 1; i <= 10; i++) {
            simulation.schedule(i, recorder, 0, i, 0L);
        }

        long count = simulation.runWhile(() -> ran.size() < 4);

        assertThat(count).isEqualTo(4);
        assertThat(ran).containsExactly("1@1", "2@2", "3@3", "4@4");
        assertThat(simulation.now()).isEqualTo(4);
    }

    @Test
    void runWhile_conditionFalseAtTheStart_runsNothing() {
        simulation.schedule(1, recorder, 0, 1, 0L);

        assertThat(simulation.runWhile(() -> false)).isZero();
        assertThat(ran).isEmpty();
    }

    @Test
    void run_calledFromInsideAHandler_isRejected() {
        RuntimeException[] thrown = new RuntimeException[1];
        simulation.schedule(1, (kind, entity, payload) -> {
            try {
                simulation.runUntilIdle();
            } catch (IllegalStateException e) {
                thrown[0] = e;
            }
        }, 0, 0, 0L);

        simulation.runUntilIdle();

        assertThat(thrown[0]).hasMessageContaining("inside one of its events");
    }

    @Test
    void run_handlerThrows_exceptionPropagatesAndTheSimulationStaysUsable() {
        simulation.schedule(1, (kind, entity, payload) -> {
            throw new IllegalStateException("model bug");
        }, 0, 0, 0L);
        simulation.schedule(2, recorder, 0, 2, 0L);

        assertThatThrownBy(simulation::runUntilIdle).hasMessage("model bug");
        simulation.runUntilIdle();

        assertThat(ran).containsExactly("2@2");
        assertThat(simulation.eventsProcessed()).isEqualTo(2);
    }

    @Test
    void schedule_negativeDelayOrPastTimeOrNoTarget_isRejected() {
        simulation.runUntil(50);

        assertThatThrownBy(() -> simulation.schedule(-1, recorder, 0, 0, 0L))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1ns");
        assertThatThrownBy(() -> simulation.scheduleAt(49, recorder, 0, 0, 0L))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("before now");
        assertThatThrownBy(() -> simulation.schedule(1, null, 0, 0, 0L)).isInstanceOf(NullPointerException.class);
        assertThat(simulation.pendingEvents()).isZero();
    }

    @Test
    void schedule_delayPastTheEndOfTime_saturates() {
        simulation.runUntil(10);
        simulation.schedule(Long.MAX_VALUE, recorder, 0, 1, 0L);

        simulation.runUntilIdle();

        assertThat(ran).containsExactly("1@" + Long.MAX_VALUE);
    }

    @Test
    void scheduleAt_absoluteTime_runsThen() {
        simulation.runUntil(100);
        simulation.scheduleAt(150, recorder, 0, 1, 0L);
        simulation.scheduleAt(100, recorder, 0, 2, 0L);

        simulation.runUntilIdle();

        assertThat(ran).containsExactly("2@100", "1@150");
    }

    @Test
    void constructor_startTimeAndCapacity_areUsed() {
        Simulation started = new Simulation(-500, 1);
        for (int i = 0; i < 10; i++) {
            started.schedule(i, recorder, 0, i, 0L);
        }

        assertThat(started.now()).isEqualTo(-500);
        assertThat(started.pendingEvents()).isEqualTo(10);
        assertThatThrownBy(() -> new Simulation(0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}

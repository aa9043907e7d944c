package dev.retrylab.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Compares the simulation with a plain reference, a {@link PriorityQueue} of records ordered by
 * (time, scheduling order), over random sequences of scheduling (often at equal times), cancelling
 * (of pending, run, cancelled and never-issued events) and running, with handlers that schedule
 * follow-up events. Each case runs from its own seed, which the failure message names.
 */
class SimulationModelTest {

    private record Pending(long time, long order, int id) {
    }

    /** The reference: the obvious implementation of the same contract. */
    private static final class Reference {
        final PriorityQueue<Pending> queue = new PriorityQueue<>(
                Comparator.comparingLong(Pending::time).thenComparingLong(Pending::order));
        final Set<Integer> pending = new HashSet<>();
        final List<Integer> ran = new ArrayList<>();
        long now;
        long order;
        int nextId;

        int schedule(long delay) {
            int id = nextId++;
            queue.add(new Pending(now + delay, order++, id));
            pending.add(id);
            return id;
        }

        boolean cancel(int id) {
            return pending.remove(id) && queue.removeIf(p -> p.id() == id);
        }

        void runUntil(long limit) {
            while (!queue.isEmpty() && queue.peek().time() <= limit) {
                Pending next = queue.poll();
                pending.remove(next.id());
                now = next.time();
                ran.add(next.id());
                if (spawnsFollowUp(next.id())) {
                    schedule(followUpDelay(next.id()));
                }
            }
            now = Math.max(now, limit);
        }
    }

    /** The system under test, driven through the same ids. */
    private static final class Engine implements EventTarget {
        final Simulation simulation = new Simulation(0L, 4);
        final List<Long> handles = new ArrayList<>();
        final List<Integer> ran = new ArrayList<>();

        int schedule(long delay) {
            int id = handles.size();
            handles.add(simulation.schedule(delay, this, 0, id, id * 31L));
            return id;
        }

        @Override
        public void onEvent(int kind, int entity, long payload) {
            assertThat(payload).isEqualTo(entity * 31L);
            ran.add(entity);
            if (spawnsFollowUp(entity)) {
                schedule(followUpDelay(entity));
            }
        }
    }

    static boolean spawnsFollowUp(int id) {
        return id % 3 == 0;
    }

    static long followUpDelay(int id) {
        return id % 4;
    }

    @Test
    void simulation_randomOperations_matchesThePriorityQueueReference() {
        for (long seed = 1; seed <= 400; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            Reference reference = new Reference();
            Engine engine = new Engine();
            int horizon = 1 + random.nextInt(50);
            for (int step = 0; step < 300; step++) {
                int operation = random.nextInt(10);
                if (operation < 5) {
                    long delay = random.nextInt(horizon);
                    assertThat(engine.schedule(delay)).isEqualTo(reference.schedule(delay));
                } else if (operation < 8 && reference.nextId > 0) {
                    int id = random.nextInt(reference.nextId + 2);
                    boolean expected = id < reference.nextId && reference.cancel(id);
                    long handle = id < engine.handles.size() ? engine.handles.get(id) : Simulation.NO_EVENT;
                    assertThat(engine.simulation.cancel(handle))
                            .as("cancel of event %d, seed %d step %d", id, seed, step).isEqualTo(expected);
                } else {
                    long limit = engine.simulation.now() + random.nextInt(horizon);
                    engine.simulation.runUntil(limit);
                    reference.runUntil(limit);
                }
                assertThat(engine.ran).as("events run, seed %d step %d", seed, step).isEqualTo(reference.ran);
                assertThat(engine.simulation.pendingEvents()).as("pending, seed %d step %d", seed, step)
                        .isEqualTo(reference.queue.size());
                assertThat(engine.simulation.now()).as("now, seed %d step %d", seed, step).isEqualTo(reference.now);
            }
            engine.simulation.runUntilIdle();
            reference.runUntil(Long.MAX_VALUE / 2);
            assertThat(engine.ran).as("events run to the end, seed %d", seed).isEqualTo(reference.ran);
            assertThat(engine.simulation.eventsProcessed()).as("seed %d", seed).isEqualTo(reference.ran.size());
        }
    }
}

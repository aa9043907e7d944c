package dev.retrylab.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Compares the simulation with a reference ordered set of (time, scheduling order) over random
 * operations whose times exercise the event list's tiers: the heap, the ladder's rungs and buckets,
 * and the top (see {@link EventLadder}). Most cases shrink the tier thresholds so that tens of
 * events already spill the heap, spawn rungs from crowded buckets and rebucket the top; the times
 * are dense integers in small ranges (so every bucket edge, whatever width the ladder picks, holds
 * events, some scheduled before and some after the rung is built), clusters of equal times, near
 * and far mixtures, very narrow and very wide spreads up to {@link Long#MAX_VALUE}, and long runs
 * whose handlers keep scheduling, also at the current time while a bucket drains. Each case runs
 * from its own seed, which the failure message names.
 */
class SimulationLadderModelTest {

    private record Pending(long time, long order, int id) {
    }

    /** How a case draws an event's time from the current time. */
    private enum Times {
        DENSE {
            @Override
            long draw(SplittableRandom random, long now) {
                return plus(now, random.nextInt(1 + random.nextInt(300)));
            }
        },
        CLUSTERS {
            @Override
            long draw(SplittableRandom random, long now) {
                long grid = 1L << random.nextInt(12);
                long multiple = plus(now / grid, random.nextInt(4));
                return multiple > Long.MAX_VALUE / grid - 1 ? Long.MAX_VALUE
                        : Math.max(now, multiple * grid + random.nextInt(3) - 1);
            }
        },
        NEAR_AND_FAR {
            @Override
            long draw(SplittableRandom random, long now) {
                return random.nextInt(10) < 7 ? plus(now, random.nextInt(50))
                        : plus(now, 1_000_000 + random.nextLong(1_000_000_000L));
            }
        },
        NARROW {
            @Override
            long draw(SplittableRandom random, long now) {
                return plus(now, random.nextInt(3));
            }
        },
        WIDE {
            @Override
            long draw(SplittableRandom random, long now) {
                return switch (random.nextInt(5)) {
                    case 0 -> Long.MAX_VALUE;
                    case 1 -> now == Long.MAX_VALUE ? now : now + random.nextLong(Long.MAX_VALUE - now);
                    case 2 -> plus(now, random.nextLong(1L << 62));
                    default -> plus(now, random.nextInt(1_000));
                };
            }
        };

        abstract long draw(SplittableRandom random, long now);

        /** {@code now + delay}, at most {@link Long#MAX_VALUE}; the delay is zero or more. */
        static long plus(long now, long delay) {
            return delay > Long.MAX_VALUE - now ? Long.MAX_VALUE : now + delay;
        }
    }

    /** The reference: the obvious implementation of the same contract. */
    private static final class Reference {
        final TreeSet<Pending> queue = new TreeSet<>(
                Comparator.comparingLong(Pending::time).thenComparingLong(Pending::order));
        final Map<Integer, Pending> pending = new HashMap<>();
        final List<Integer> ran = new ArrayList<>();
        final SplittableRandom followUps;
        final Times times;
        long now;
        long order;
        int nextId;

        Reference(long seed, Times times) {
            this.followUps = new SplittableRandom(seed);
            this.times = times;
        }

        int schedule(long time) {
            Pending event = new Pending(time, order++, nextId++);
            queue.add(event);
            pending.put(event.id(), event);
            return event.id();
        }

        boolean cancel(int id) {
            Pending event = pending.remove(id);
            return event != null && queue.remove(event);
        }

        void runUntil(long limit) {
            while (!queue.isEmpty() && queue.first().time() <= limit) {
                Pending next = queue.pollFirst();
                pending.remove(next.id());
                now = next.time();
                ran.add(next.id());
                followUp(this, next.id());
            }
            now = Math.max(now, limit);
        }
    }

    /** The system under test, driven through the same ids. */
    private static final class Engine implements EventTarget {
        final Simulation simulation;
        final SplittableRandom followUps;
        final Times times;
        final List<Long> handles = new ArrayList<>();
        final List<Integer> ran = new ArrayList<>();

        Engine(EventQueue queue, long seed, Times times) {
            this.simulation = new Simulation(0L, queue);
            this.followUps = new SplittableRandom(seed);
            this.times = times;
        }

        int schedule(long time) {
            int id = handles.size();
            handles.add(simulation.scheduleAt(time, this, 0, id, id * 31L));
            return id;
        }

        @Override
        public void onEvent(int kind, int entity, long payload) {
            assertThat(payload).isEqualTo(entity * 31L);
            ran.add(entity);
            followUp(this, entity);
        }
    }

    /** A third of the events schedule one follow-up: at the current time, just after, or drawn. */
    private static void followUp(Object system, int id) {
        if (id % 3 != 0) {
            return;
        }
        if (system instanceof Reference reference) {
            reference.schedule(followUpTime(id, reference.followUps, reference.times, reference.now));
        } else {
            Engine engine = (Engine) system;
            engine.schedule(followUpTime(id, engine.followUps, engine.times, engine.simulation.now()));
        }
    }

    private static long followUpTime(int id, SplittableRandom random, Times times, long now) {
        return switch (id % 4) {
            case 0 -> now;
            case 1 -> Times.plus(now, 1);
            default -> times.draw(random, now);
        };
    }

    @Test
    void smallThresholds_eachTimeDistribution_matchesTheReference() {
        long rungs = 0;
        for (Times times : Times.values()) {
            for (long seed = 1; seed <= 150; seed++) {
                SplittableRandom random = new SplittableRandom(seed * 7919 + times.ordinal());
                EventQueue queue = new EventQueue(1 + random.nextInt(8), 2 + random.nextInt(30),
                        1 + random.nextInt(10), 1 + random.nextInt(EventLadder.MAX_RUNGS));
                compare(queue, times, seed, random, 400, 20);
                rungs += queue.rungsAdded();
            }
        }
        assertThat(rungs).as("rungs added over all cases").isGreaterThan(10_000);
    }

    @Test
    void defaultThresholds_manyEventsNearAndFar_matchesTheReference() {
        for (Times times : new Times[] {Times.NEAR_AND_FAR, Times.DENSE, Times.CLUSTERS}) {
            for (long seed = 1; seed <= 3; seed++) {
                EventQueue queue = new EventQueue(16);
                compare(queue, times, seed, new SplittableRandom(seed), 300, 2_000);
                assertThat(queue.rungsAdded()).as("%s seed %d: rungs added", times, seed).isPositive();
            }
        }
    }

    private static void compare(EventQueue queue, Times times, long seed, SplittableRandom random, int steps,
            int batch) {
        Reference reference = new Reference(seed, times);
        Engine engine = new Engine(queue, seed, times);
        int checked = 0;
        for (int step = 0; step < steps; step++) {
            int operation = random.nextInt(10);
            if (operation < 4) {
                int count = 1 + random.nextInt(batch);
                for (int i = 0; i < count; i++) {
                    long time = times.draw(random, reference.now);
                    assertThat(engine.schedule(time)).isEqualTo(reference.schedule(time));
                }
            } else if (operation < 7 && reference.nextId > 0) {
                int count = 1 + random.nextInt(batch);
                for (int i = 0; i < count; i++) {
                    int id = random.nextInt(reference.nextId + 2);
                    boolean expected = id < reference.nextId && reference.cancel(id);
                    long handle = id < engine.handles.size() ? engine.handles.get(id) : Simulation.NO_EVENT;
                    assertThat(engine.simulation.cancel(handle))
                            .as("cancel of event %d, %s seed %d step %d", id, times, seed, step).isEqualTo(expected);
                }
            } else {
                long limit = reference.queue.isEmpty() || random.nextBoolean()
                        ? times.draw(random, reference.now)
                        : Times.plus(reference.queue.first().time(), random.nextInt(2));
                engine.simulation.runUntil(Math.max(limit, reference.now));
                reference.runUntil(Math.max(limit, reference.now));
            }
            assertThat(engine.ran.size()).as("events run, %s seed %d step %d", times, seed, step)
                    .isEqualTo(reference.ran.size());
            for (; checked < reference.ran.size(); checked++) {
                assertThat(engine.ran.get(checked)).as("event #%d run, %s seed %d step %d", checked, times, seed, step)
                        .isEqualTo(reference.ran.get(checked));
            }
            assertThat(engine.simulation.pendingEvents()).as("pending, %s seed %d step %d", times, seed, step)
                    .isEqualTo(reference.queue.size());
            assertThat(engine.simulation.now()).as("now, %s seed %d step %d", times, seed, step)
                    .isEqualTo(reference.now);
        }
        engine.simulation.runUntilIdle();
        reference.runUntil(Long.MAX_VALUE);
        assertThat(engine.ran).as("events run to the end, %s seed %d", times, seed).isEqualTo(reference.ran);
        assertThat(engine.simulation.pendingEvents()).isZero();
    }
}

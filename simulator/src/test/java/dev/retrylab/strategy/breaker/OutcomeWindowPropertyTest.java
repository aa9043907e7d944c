package dev.retrylab.strategy.breaker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Compares both windows with a plain list model over random outcome sequences. Each case runs
 * from its own seed, which the failure message names.
 */
class OutcomeWindowPropertyTest {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private record Outcome(long atNanos, boolean failed) {
    }

    @Test
    void countWindow_randomOutcomes_matchesTheLastNCalls() {
        for (long seed = 1; seed <= 300; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            int size = 1 + random.nextInt(20);
            OutcomeWindow window = OutcomeWindow.ofCalls(size);
            List<Boolean> model = new ArrayList<>();
            for (int step = 0; step < 200; step++) {
                if (random.nextInt(50) == 0) {
                    window.clear();
                    model.clear();
                    continue;
                }
                boolean failed = random.nextBoolean();
                window.record(failed, 0L);
                model.add(failed);
                List<Boolean> last = model.subList(Math.max(0, model.size() - size), model.size());
                int failures = (int) last.stream().filter(f -> f).count();
                assertThat(window.calls(0L)).as("calls, seed %d step %d", seed, step).isEqualTo(last.size());
                assertThat(window.failures(0L)).as("failures, seed %d step %d", seed, step).isEqualTo(failures);
            }
        }
    }

    @Test
    void timeWindow_randomOutcomesAndGaps_matchesTheCallsOfTheLastNSeconds() {
        for (long seed = 1; seed <= 300; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            int seconds = 1 + random.nextInt(10);
            OutcomeWindow window = OutcomeWindow.ofSeconds(seconds);
            List<Outcome> model = new ArrayList<>();
            long now = random.nextLong(-100 * NANOS_PER_SECOND, 100 * NANOS_PER_SECOND);
            for (int step = 0; step < 300; step++) {
                now += gap(random);
                if (random.nextInt(4) != 0) {
                    boolean failed = random.nextBoolean();
                    window.record(failed, now);
                    model.add(new Outcome(now, failed));
                }
                long oldestSecond = Math.floorDiv(now, NANOS_PER_SECOND) - seconds + 1;
                long calls = model.stream().filter(o -> Math.floorDiv(o.atNanos, NANOS_PER_SECOND) >= oldestSecond)
                        .count();
                long failures = model.stream().filter(o -> o.failed
                        && Math.floorDiv(o.atNanos, NANOS_PER_SECOND) >= oldestSecond).count();
                assertThat(window.calls(now)).as("calls, seed %d step %d", seed, step).isEqualTo((int) calls);
                assertThat(window.failures(now)).as("failures, seed %d step %d", seed, step)
                        .isEqualTo((int) failures);
            }
        }
    }

    /** Mostly sub-second steps, sometimes several seconds, rarely longer than any window. */
    private static long gap(SplittableRandom random) {
        int kind = random.nextInt(10);
        if (kind < 6) {
            return random.nextLong(0, NANOS_PER_SECOND / 3);
        }
        if (kind < 9) {
            return random.nextLong(0, 4 * NANOS_PER_SECOND);
        }
        return random.nextLong(0, 30 * NANOS_PER_SECOND);
    }
}

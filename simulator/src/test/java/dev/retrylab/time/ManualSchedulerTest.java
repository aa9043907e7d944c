package dev.retrylab.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManualSchedulerTest {

    private final ManualScheduler scheduler = new ManualScheduler();
    private final List<String> ran = new ArrayList<>();

    @Test
    void advance_runsDueTasksInTimeOrderAndStopsAtTarget() {
        scheduler.schedule(Duration.ofMillis(30), () -> ran.add("30ms"));
        scheduler.schedule(Duration.ofMillis(10), () -> ran.add("10ms"));
        scheduler.schedule(Duration.ofMillis(50), () -> ran.add("50ms"));

        scheduler.advance(Duration.ofMillis(40));

        assertThat(ran).containsExactly("10ms", "30ms");
        assertThat(scheduler.nanoTime()).isEqualTo(Duration.ofMillis(40).toNanos());
        assertThat(scheduler.pendingTasks()).isEqualTo(1);
    }

    @Test
    void sameDueTime_runsInSchedulingOrder() {
        for (int i = 0; i < 20; i++) {
            int index = i;
            scheduler.schedule(Duration.ofMillis(5), () -> ran.add("task" + index));
        }
        scheduler.runUntilIdle();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            expected.add("task" + i);
        }
        assertThat(ran).isEqualTo(expected);
    }

    @Test
    void taskTime_isTheTaskDueTimeWhileItRuns() {
        List<Long> seen = new ArrayList<>();
        scheduler.schedule(Duration.ofSeconds(2), () -> seen.add(scheduler.nanoTime()));
        scheduler.advance(Duration.ofSeconds(5));
        assertThat(seen).containsExactly(Duration.ofSeconds(2).toNanos());
    }

    @Test
    void cancel_preventsTheTaskAndReportsWhetherItDid() {
        Cancellable handle = scheduler.schedule(Duration.ofMillis(10), () -> ran.add("cancelled"));
        assertThat(handle.cancel()).isTrue();
        assertThat(handle.cancel()).isFalse();
        scheduler.runUntilIdle();
        assertThat(ran).isEmpty();
    }

    @Test
    void runUntilIdle_runsTasksScheduledByTasks() {
        scheduler.schedule(Duration.ofMillis(1), () -> {
            ran.add("first");
            scheduler.schedule(Duration.ofMillis(1), () -> ran.add("second"));
        });
        assertThat(scheduler.runUntilIdle()).isEqualTo(2);
        assertThat(ran).containsExactly("first", "second");
        assertThat(scheduler.nanoTime()).isEqualTo(Duration.ofMillis(2).toNanos());
    }

    @Test
    void sleep_advancesVirtualTimeAtOnce() {
        scheduler.schedule(Duration.ofMillis(100), () -> ran.add("during sleep"));
        scheduler.sleep(Duration.ofSeconds(1));
        assertThat(scheduler.nanoTime()).isEqualTo(Duration.ofSeconds(1).toNanos());
        assertThat(ran).containsExactly("during sleep");
    }

    @Test
    void negativeDelay_isRejected() {
        assertThatThrownBy(() -> scheduler.schedule(Duration.ofMillis(-1), () -> { }))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("zero or positive");
    }
}

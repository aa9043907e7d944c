package dev.retrylab.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retrylab.engine.random.DurationDistribution;
import dev.retrylab.strategy.retry.RetryPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkloadTest {

    private static final long SECOND = 1_000_000_000L;

    /** Records the time of every new request. */
    private static final class Starts implements RunRecorder {
        final List<Long> times = new ArrayList<>();

        @Override
        public void requestStarted(long nowNanos) {
            times.add(nowNanos);
        }
    }

    private static Starts run(Workload workload, int clients, long until) {
        Starts starts = new Starts();
        SimulatedSystem.builder(21L, 0L)
                .service(ServiceConfig.queue("api", 1_000, DurationDistribution.constant(Duration.ofMillis(1))))
                .clients(new ClientConfig("c", clients, "api", workload, SECOND, 0L),
                        clock -> ClientStrategy.of("once", RetryPolicy.builder().maxAttempts(1).build()))
                .recorder(starts).build().runUntil(until);
        return starts;
    }

    @Test
    void periodicAligned_firesEveryClientAtEveryMultipleOfThePeriod() {
        Starts starts = run(new Workload.Periodic(10 * SECOND, true), 50, 25 * SECOND);
        assertThat(starts.times).hasSize(150);
        assertThat(starts.times.stream().distinct()).containsExactlyInAnyOrder(0L, 10 * SECOND, 20 * SECOND);
    }

    @Test
    void periodicSpread_keepsEachClientsPhaseAndSpreadsThemOverThePeriod() {
        Starts starts = run(new Workload.Periodic(10 * SECOND, false), 1_000, 10 * SECOND - 1);
        assertThat(starts.times).hasSize(1_000);
        long firstHalf = starts.times.stream().filter(t -> t < 5 * SECOND).count();
        // uniform phases: half of 1000 within 4 standard deviations (sd = 15.8)
        assertThat(firstHalf).isBetween(437L, 563L);
    }

    @Test
    void rateSchedule_stepsAndRampsFollowTheRateOverTime() {
        Workload.RateSchedule steps = new Workload.RateSchedule(List.of(new Workload.RatePoint(0, 100),
                new Workload.RatePoint(10 * SECOND, 1_000)), false);
        Starts stepped = run(steps, 10, 20 * SECOND);
        long before = stepped.times.stream().filter(t -> t < 10 * SECOND).count();
        long after = stepped.times.size() - before;
        // Poisson counts: 1000 +- 4 sqrt(1000), 10000 +- 4 sqrt(10000)
        assertThat(before).isBetween(874L, 1_126L);
        assertThat(after).isBetween(9_600L, 10_400L);

        Workload.RateSchedule ramp = new Workload.RateSchedule(List.of(new Workload.RatePoint(0, 0),
                new Workload.RatePoint(10 * SECOND, 2_000)), true);
        assertThat(ramp.rateAt(5 * SECOND)).isEqualTo(1_000.0);
        // the mean rate over the ramp is 1000/s: 10000 +- 400 arrivals in 10 s
        assertThat(run(ramp, 10, 10 * SECOND).times.size()).isBetween(9_600, 10_400);
    }
}

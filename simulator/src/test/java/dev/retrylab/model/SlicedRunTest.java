package dev.retrylab.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retrylab.engine.Simulation;
import dev.retrylab.engine.random.DurationDistribution;
import dev.retrylab.metrics.BucketCounts;
import dev.retrylab.metrics.IntervalCsv;
import dev.retrylab.scenario.ScenarioException;
import dev.retrylab.scenario.ScenarioLoader;
import dev.retrylab.strategy.retry.RetryPolicy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SlicedRunTest {

    private static final long SECOND = 1_000_000_000L;

    /** Retries into an outage, and a herd that fails at one instant, so slices end mid-instant. */
    private static final String STORM = String.join("\n",
            "seed: 3",
            "duration: 8s",
            "interval: 500ms",
            "services:",
            "  api: {workers: 4, serviceTime: {exponential: 10ms}, networkDelay: 1ms}",
            "clients:",
            "  users: {count: 50, target: api, workload: {open: 200/s}, timeout: 100ms}",
            "  herd: {count: 300, target: api, workload: {burst: {at: 2s, spread: 0ms}}, timeout: 100ms}",
            "faults:",
            "  - {type: outage, service: api, start: 1500ms, end: 3s, mode: refuse}",
            "strategies:",
            "  no-jitter: {maxAttempts: 5, backoff: {type: exponential, base: 100ms, jitter: none}}",
            "  full-jitter: {maxAttempts: 5, backoff: {type: exponential, base: 100ms, jitter: full}}",
            "");

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    @Test
    void run_anySlicing_sameSummarySeriesAndHerdAsOneSlice() throws ScenarioException {
        Scenario scenario = ScenarioLoader.parse("storm.yaml", STORM);

        for (String strategy : List.of("no-jitter", "full-jitter")) {
            StrategyRun whole = ScenarioRunner.run(scenario, strategy, 0L, new SlicedRun(Long.MAX_VALUE));
            for (SlicedRun slices : List.of(SlicedRun.DEFAULT, new SlicedRun(1_000), new SlicedRun(1))) {
                StrategyRun sliced = ScenarioRunner.run(scenario, strategy, 0L, slices);

                assertThat(sliced.summary()).as("%s in %s", strategy, slices).isEqualTo(whole.summary());
                assertThat(csv(sliced)).as("%s in %s", strategy, slices).isEqualTo(csv(whole));
                assertThat(counts(sliced.herd())).as("%s in %s", strategy, slices).isEqualTo(counts(whole.herd()));
                assertThat(sliced.eventsProcessed()).isEqualTo(whole.eventsProcessed());
            }
        }
        StrategyRun noJitter = ScenarioRunner.run(scenario, "no-jitter", 0L);
        assertThat(noJitter.eventsProcessed()).as("several default slices").isGreaterThan(4 * (1L << 12));
        assertThat(noJitter.summary().attempts()).as("the outage makes retries to compare")
                .isGreaterThan(noJitter.summary().requests());
        assertThat(Arrays.stream(counts(noJitter.herd())).sum()).as("attempts in the herd window").isPositive();
    }

    @Test
    void runUntil_interruptedMidRun_stopsAtTheEndOfThatSliceAndKeepsTheInterrupt() {
        InterruptAt thousandth = new InterruptAt(1_000);
        SimulatedSystem system = openLoop(thousandth);
        thousandth.sim = system.simulation();

        assertThatThrownBy(() -> new SlicedRun(500).runUntil(system, 3_600 * SECOND, "strategy 'none' of open"))
                .isInstanceOf(CancellationException.class)
                .hasMessage("the run of strategy 'none' of open was interrupted");

        long processed = system.simulation().eventsProcessed();
        assertThat(processed % 500).as("a whole number of slices").isZero();
        assertThat(processed - thousandth.eventsThen).as("the rest of the slice under way").isBetween(0L, 499L);
        assertThat(system.simulation().now()).as("about 5 s, the 1000th request").isLessThan(10 * SECOND);
        assertThat(Thread.currentThread().isInterrupted()).isTrue();
    }

    @Test
    void run_threadInterruptedBeforehand_throwsCancellationNamingTheRun() throws ScenarioException {
        Scenario scenario = ScenarioLoader.parse("storm.yaml", STORM);
        Thread.currentThread().interrupt();

        assertThatThrownBy(() -> ScenarioRunner.run(scenario, "full-jitter", 0L))
                .isInstanceOf(CancellationException.class)
                .hasMessage("the run of strategy 'full-jitter' of storm was interrupted");
        assertThat(Thread.interrupted()).as("the interrupt status stays set").isTrue();
    }

    @Test
    void slicedRun_noEvents_throws() {
        assertThatThrownBy(() -> new SlicedRun(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a slice needs 1 or more events, was 0");
    }

    /** Interrupts the running thread when the {@code n}th request starts. */
    private static final class InterruptAt implements RunRecorder {
        private final int n;
        private int requests;
        Simulation sim;
        /** Events processed when it interrupted, the current one included. */
        long eventsThen = -1;

        InterruptAt(int n) {
            this.n = n;
        }

        @Override
        public void requestStarted(long nowNanos) {
            if (++requests == n) {
                eventsThen = sim.eventsProcessed();
                Thread.currentThread().interrupt();
            }
        }
    }

    /** 200 requests a second, each served in 1 ms. */
    private static SimulatedSystem openLoop(RunRecorder recorder) {
        return SimulatedSystem.builder(5L, 0L)
                .service(ServiceConfig.queue("api", 1, DurationDistribution.constant(Duration.ofMillis(1))))
                .clients(new ClientConfig("users", 10, "api", new Workload.OpenLoop(200), SECOND, 0L),
                        clock -> ClientStrategy.of("none", RetryPolicy.builder().maxAttempts(1).build()))
                .recorder(recorder)
                .build();
    }

    private static String csv(StrategyRun run) {
        StringBuilder out = new StringBuilder();
        try {
            IntervalCsv.write(out, Map.of("run", run.series()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static long[] counts(BucketCounts herd) {
        long[] counts = new long[herd.size()];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = herd.count(i);
        }
        return counts;
    }
}

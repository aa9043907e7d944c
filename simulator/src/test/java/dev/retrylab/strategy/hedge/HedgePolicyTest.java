package dev.retrylab.strategy.hedge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retrylab.strategy.ConcurrentRun;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class HedgePolicyTest {

    private static final long MS = 1_000_000L;

    @Test
    void hedgeDelay_fixed_isTheFixedDelayWhateverIsRecorded() {
        HedgePolicy policy = HedgePolicy.fixedDelay(2, Duration.ofMillis(30));
        policy.recordLatency(500 * MS);

        assertThat(policy.hedgeDelayNanos()).isEqualTo(30 * MS);
        assertThat(policy.hedgeDelay()).isEqualTo(Duration.ofMillis(30));
        assertThat(policy.latencyTracker()).isEmpty();
    }

    @Test
    void hedgeDelay_percentile_usesFallbackUntilMinSamplesThenThePercentile() {
        HedgePolicy policy = HedgePolicy.builder()
                .maxHedges(1)
                .percentileDelay(95.0, Duration.ofMillis(50))
                .window(100).minSamples(20).recomputeEvery(10)
                .build();
        for (long ms = 1; ms <= 19; ms++) {
            policy.recordLatency(ms * MS);
            assertThat(policy.hedgeDelayNanos()).as("after %d samples", ms).isEqualTo(50 * MS);
        }

        policy.recordLatency(20 * MS);

        // p95 of 1..20 ms by nearest rank: rank ceil(0.95 * 20) = 19
        assertThat(policy.hedgeDelayNanos()).isEqualTo(19 * MS);
    }

    @Test
    void hedgeDelay_latenciesShiftUp_followsAfterTheNextRecomputation() {
        HedgePolicy policy = HedgePolicy.builder()
                .percentileDelay(50.0, Duration.ofMillis(50))
                .window(10).minSamples(10).recomputeEvery(10)
                .build();
        for (int i = 0; i < 10; i++) {
            policy.recordLatency(10 * MS);
        }
        assertThat(policy.hedgeDelayNanos()).isEqualTo(10 * MS);

        for (int i = 0; i < 9; i++) {
            policy.recordLatency(200 * MS);
        }
        assertThat(policy.hedgeDelayNanos()).as("not yet recomputed").isEqualTo(10 * MS);

        policy.recordLatency(200 * MS);
        assertThat(policy.hedgeDelayNanos()).isEqualTo(200 * MS);
    }

    @Test
    void mayStartHedge_belowAndAtMaxHedges_allowsThenRefuses() {
        HedgePolicy policy = HedgePolicy.fixedDelay(2, Duration.ofMillis(10));

        assertThat(policy.mayStartHedge(0)).isTrue();
        assertThat(policy.mayStartHedge(1)).isTrue();
        assertThat(policy.mayStartHedge(2)).isFalse();
    }

    @Test
    void stats_countersRecorded_addUpToExtraLoad() {
        HedgePolicy policy = HedgePolicy.fixedDelay(1, Duration.ofMillis(10));
        for (int i = 0; i < 20; i++) {
            policy.callStarted();
        }
        policy.hedgeStarted();
        policy.hedgeStarted();
        policy.hedgeWon();
        policy.attemptCancelled();
        policy.attemptCancelled();

        HedgeStats stats = policy.stats();

        assertThat(stats).isEqualTo(new HedgeStats(20, 2, 1, 2));
        assertThat(stats.extraLoad()).isEqualTo(0.1);
        assertThat(stats.hedgeWinRate()).isEqualTo(0.5);
        assertThat(new HedgeStats(0, 0, 0, 0).extraLoad()).isZero();
    }

    @Test
    void counters_eightThreads_sumExactly() throws InterruptedException {
        HedgePolicy policy = HedgePolicy.builder().percentileDelay(95, Duration.ofMillis(5)).build();

        ConcurrentRun.inThreads(8, thread -> {
            for (int i = 0; i < 10_000; i++) {
                policy.callStarted();
                policy.recordLatency(i);
                if (i % 10 == 0) {
                    policy.hedgeStarted();
                    policy.attemptCancelled();
                }
                if (i % 20 == 0) {
                    policy.hedgeWon();
                }
            }
        });

        assertThat(policy.stats()).isEqualTo(new HedgeStats(80_000, 8_000, 4_000, 8_000));
        assertThat(policy.latencyTracker().orElseThrow().samples()).isEqualTo(80_000);
    }

    @Test
    void builder_invalidSettings_throwNamingTheSettingAndRange() {
        assertThatThrownBy(() -> HedgePolicy.builder().maxHedges(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("maxHedges must be 1..100, was 0");
        assertThatThrownBy(() -> HedgePolicy.builder().fixedDelay(Duration.ofMillis(-1)))
                .hasMessageContaining("delay must be zero or positive");
        assertThatThrownBy(() -> HedgePolicy.builder().percentileDelay(0, Duration.ZERO))
                .hasMessageContaining("percentile must be in (0, 100]");
        assertThatThrownBy(() -> HedgePolicy.builder().percentileDelay(95, Duration.ofMillis(-1)))
                .hasMessageContaining("fallbackDelay must be zero or positive");
        assertThatThrownBy(() -> HedgePolicy.builder().window(0)).hasMessageContaining("window must be 1..");
        assertThatThrownBy(() -> HedgePolicy.builder().minSamples(0)).hasMessageContaining("minSamples");
        assertThatThrownBy(() -> HedgePolicy.builder().recomputeEvery(0)).hasMessageContaining("recomputeEvery");
    }

    @Test
    void build_crossFieldRulesBroken_throwsWithAdvice() {
        assertThatThrownBy(() -> HedgePolicy.builder().build())
                .hasMessageContaining("call fixedDelay(...) or percentileDelay(...)");
        assertThatThrownBy(() -> HedgePolicy.builder().fixedDelay(Duration.ofMillis(5)).window(10).build())
                .hasMessageContaining("apply only to a percentile delay");
        assertThatThrownBy(() -> HedgePolicy.builder().percentileDelay(95, Duration.ZERO)
                .window(10).minSamples(11).build())
                .hasMessage("minSamples (11) must not exceed window (10)");
        assertThatThrownBy(() -> HedgePolicy.builder().percentileDelay(95, Duration.ZERO)
                .window(10).minSamples(5).recomputeEvery(11).build())
                .hasMessage("recomputeEvery (11) must not exceed window (10)");
    }

    @Test
    void builder_fixedThenPercentile_lastChoiceWins() {
        HedgePolicy policy = HedgePolicy.builder().fixedDelay(Duration.ofMillis(1))
                .percentileDelay(99, Duration.ofMillis(7)).build();

        assertThat(policy.latencyTracker()).isPresent();
        assertThat(policy.latencyTracker().orElseThrow().percentile()).isEqualTo(99.0);
        assertThat(policy.hedgeDelay()).isEqualTo(Duration.ofMillis(7));
        assertThat(policy.toString()).contains("p99.0", "fallback PT0.007S");
    }
}

package dev.retrylab.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunSummaryTest {

    private static final LatencyStats LATENCY = new LatencyStats(12.5, 10, 20, 40, 80);
    private static final FailureCounts FAILURES = new FailureCounts(5, 4, 3, 2, 1, 1, 0);

    private static RunSummary summary(long requests, long attempts, long successes, FailureCounts failures) {
        return RunSummary.of("exponential", requests, attempts, successes, 95.0, LATENCY, 12.0, failures,
                Map.of(), List.of());
    }

    @Test
    void of_counts_derivesAmplificationAndSuccessRate() {
        RunSummary summary = summary(200, 300, 180, FAILURES);

        assertThat(summary.amplification()).isEqualTo(1.5);
        assertThat(summary.successRate()).isEqualTo(0.9);
        assertThat(summary.failures().total()).isEqualTo(16);
    }

    @Test
    void of_noRequests_hasZeroAmplificationAndSuccessRate() {
        RunSummary summary = summary(0, 0, 0, FailureCounts.NONE);

        assertThat(summary.amplification()).isZero();
        assertThat(summary.successRate()).isZero();
    }

    @Test
    void constructor_derivedFieldsThatDoNotMatch_throws() {
        assertThatThrownBy(() -> new RunSummary("s", 10, 20, 1.0, 5, 0.5, 1, LATENCY, null, FailureCounts.NONE,
                Map.of(), List.of())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("amplification");
        assertThatThrownBy(() -> new RunSummary("s", 10, 20, 2.0, 5, 0.6, 1, LATENCY, null, FailureCounts.NONE,
                Map.of(), List.of())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("successRate");
    }

    @Test
    void withFallbacks_countsAtMostTheFailures() {
        assertThat(summary(200, 300, 180, FAILURES).fallbacks()).as("no fallback to count").isNull();
        assertThat(summary(200, 300, 180, FAILURES).withFallbacks(16).fallbacks()).isEqualTo(16L);
        assertThatThrownBy(() -> summary(200, 300, 180, FAILURES).withFallbacks(17))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("failures 16");
        assertThatThrownBy(() -> summary(200, 300, 180, FAILURES).withFallbacks(-1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void constructor_moreOutcomesThanRequests_throws() {
        assertThatThrownBy(() -> summary(20, 30, 10, FAILURES)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("exceed the requests 20");
    }

    @Test
    void constructor_invalidFields_throw() {
        assertThatThrownBy(() -> RunSummary.of(" ", 1, 1, 1, 1, LATENCY, null, FailureCounts.NONE, Map.of(),
                List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RunSummary.of("s", -1, 1, 0, 1, LATENCY, null, FailureCounts.NONE, Map.of(),
                List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RunSummary.of("s", 1, 1, 1, Double.NaN, LATENCY, null, FailureCounts.NONE,
                Map.of(), List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RunSummary.of("s", 1, 1, 1, 1, LATENCY, -2.0, FailureCounts.NONE, Map.of(),
                List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FailureCounts(0, 0, -1, 0, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rateLimited");
    }

    @Test
    void collections_changedAfterwards_doNotChangeTheSummary() {
        Map<String, ServiceSummary> services = new LinkedHashMap<>();
        services.put("gateway", new ServiceSummary(300, 290, 10, 1.5, 0.7));
        services.put("db", new ServiceSummary(290, 280, 0, 0.0, 0.4));
        List<RecoveryResult> recovery = new ArrayList<>(List.of(new RecoveryResult("outage", 30, 4.0)));
        RunSummary summary = RunSummary.of("s", 200, 300, 180, 95, LATENCY, null, FAILURES, services, recovery);

        services.clear();
        recovery.clear();

        assertThat(summary.services().keySet()).containsExactly("gateway", "db");
        assertThat(summary.recovery()).hasSize(1);
        assertThatThrownBy(() -> summary.services().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> summary.recovery().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void serviceSummary_invalidFields_throw() {
        assertThatThrownBy(() -> new ServiceSummary(10, 8, 3, 0, 0.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("exceed the attempts 10");
        assertThatThrownBy(() -> new ServiceSummary(10, 8, 0, -1, 0.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ServiceSummary(10, 8, 0, 0, 1.01)).isInstanceOf(IllegalArgumentException.class);
    }
}
